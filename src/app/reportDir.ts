import { relative } from 'node:path';

/** A written report folder as shown to the user: relative to the working directory when inside it. */
export function shownReportDir(written: string): string {
  const rel = relative(process.cwd(), written);
  return rel === '' || rel.startsWith('..') ? written : rel;
}
