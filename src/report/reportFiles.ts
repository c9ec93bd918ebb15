import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { summaryMarkdown } from './markdown.js';

/** The files of a run's report folder, by name. Pure: the caller writes them atomically. */
export function runReportFiles(summary: RunSummary, scenario: ResolvedScenario): Record<string, string> {
  return {
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'summary.md': summaryMarkdown(summary, scenario),
  };
}
