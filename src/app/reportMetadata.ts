import type { ReportMetadata } from '../report/document.js';

/**
 * The metadata block of a report written now to `dir` from `source`: the only part of a report
 * that may differ between two runs of the same inputs and seed (time, absolute paths, runtime).
 */
export function reportMetadata(dir: string, source: string): ReportMetadata {
  return {
    generatedAt: new Date().toISOString(),
    reportDir: dir,
    source,
    runtime: `Node ${process.version}, ${process.platform} ${process.arch}`,
  };
}
