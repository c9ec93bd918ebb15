import { join, relative } from 'node:path';
import { writeReportDir } from '../io/writeReport.js';
import { runReportFiles } from '../report/reportFiles.js';
import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';

/**
 * Writes a run's report folder (default reports/<scenario> under the working directory) and
 * returns it relative to the working directory when inside it.
 */
export function writeRunReport(
  summary: RunSummary,
  scenario: ResolvedScenario,
  out: string | undefined,
): string {
  const written = writeReportDir(out ?? join('reports', scenario.id), runReportFiles(summary, scenario));
  const rel = relative(process.cwd(), written);
  return rel === '' || rel.startsWith('..') ? written : rel;
}
