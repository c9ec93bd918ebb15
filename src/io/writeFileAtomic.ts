import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * Writes a file atomically: into a temporary sibling, then renamed over the target, so a reader
 * (or a merge) never sees half a file. Returns the absolute path.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): string {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError({
      code: 'E_WRITE',
      message: `cannot write the file: ${(e as Error).message}`,
      location: { file },
      expected: 'a file that can be written',
      found: (e as NodeJS.ErrnoException).code ?? 'an error',
    });
  }
  return target;
}
