import type { ObservedPoint } from '../schema/observed.js';
import type { CalibrationSummary } from '../schema/posterior.js';
import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { ReportMetadata } from './document.js';
import type { Lang } from './lang.js';
import { summaryMarkdown } from './markdown.js';
import { renderReportBundle, type Rasterize, type ReportBundle } from './reportBundle.js';
import { runReportDocument } from './runReport.js';
import { seriesCsv } from './seriesCsv.js';

export interface RunReportOptions {
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** published year-end counts of the plan's region */
  readonly observed?: readonly ObservedPoint[];
  /** time, paths, runtime: the metadata block of the HTML */
  readonly metadata: ReportMetadata;
  /** PNG copies of the charts */
  readonly rasterize?: Rasterize;
  /** the posterior the run drew its parameters from: the report shows its fit */
  readonly posterior?: CalibrationSummary;
}

/**
 * The files of a run's report folder, by name: summary.json, summary.md, series.csv,
 * scenario.json (the resolved scenario), report.html (+ report.<lang>.html) and charts/.
 * Pure but for the time the charts take: the caller writes the files atomically.
 */
export async function runReportFiles(
  summary: RunSummary,
  scenario: ResolvedScenario,
  options: RunReportOptions,
): Promise<ReportBundle> {
  const langs = options.langs ?? ['zh'];
  const input = {
    summary,
    scenario,
    observed: options.observed ?? [],
    ...(options.posterior !== undefined ? { posterior: options.posterior } : {}),
  };
  const bundle = await renderReportBundle(
    langs.map((lang) => runReportDocument(input, lang)),
    options.metadata,
    options.rasterize,
  );
  return {
    files: {
      'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
      'summary.md': summaryMarkdown(summary, scenario),
      'series.csv': seriesCsv(summary.series, scenario.plan, langs[0] ?? 'zh'),
      'scenario.json': `${JSON.stringify(scenario, null, 2)}\n`,
      ...bundle.files,
    },
    warnings: bundle.warnings,
  };
}
