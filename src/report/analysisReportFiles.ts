import type { CompareResult } from '../schema/compareResult.js';
import type { GoalSeekResult } from '../schema/goalSeekResult.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SweepResult } from '../schema/sweepResult.js';
import { compareCsv, goalSeekCsv, sweepCsv } from './analysisCsv.js';
import { compareMarkdown } from './compareMarkdown.js';
import { compareReportDocument } from './compareReport.js';
import type { ReportDocument, ReportMetadata } from './document.js';
import { goalSeekMarkdown } from './goalSeekMarkdown.js';
import { goalSeekReportDocument } from './goalSeekReport.js';
import type { Lang } from './lang.js';
import { renderReportBundle, type Rasterize, type ReportBundle } from './reportBundle.js';
import { sweepMarkdown } from './sweepMarkdown.js';
import { sweepReportDocument } from './sweepReport.js';

export interface AnalysisReportOptions {
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** time, paths, runtime: the metadata block of the HTML */
  readonly metadata: ReportMetadata;
  /** PNG copies of the charts */
  readonly rasterize?: Rasterize;
}

const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

async function bundle(
  build: (lang: Lang) => ReportDocument,
  files: Record<string, string>,
  options: AnalysisReportOptions,
): Promise<ReportBundle> {
  const langs = options.langs ?? ['zh'];
  const rendered = await renderReportBundle(langs.map(build), options.metadata, options.rasterize);
  return { files: { ...files, ...rendered.files }, warnings: rendered.warnings };
}

/** A scenario's file name in a comparison's `scenarios/` folder: its place and id. */
export function comparedScenarioFile(k: number, id: string): string {
  return `scenarios/${k + 1}-${id.replace(/[^a-z0-9-]+/g, '-')}.json`;
}

/**
 * The files of a comparison's report folder: summary.json and summary.md (as before), series.csv,
 * each resolved scenario as run (`scenarios/<n>-<id>.json`), report.html (+ report.<lang>.html)
 * and charts/. `scenarios` are resolved, in the order compared, with the comparison's runs and
 * seed. Pure but for the time the charts take.
 */
export async function compareReportFiles(
  result: CompareResult,
  scenarios: readonly ResolvedScenario[],
  options: AnalysisReportOptions,
): Promise<ReportBundle> {
  const files: Record<string, string> = {
    'summary.json': json(result),
    'summary.md': compareMarkdown(result),
    'series.csv': compareCsv(result, options.langs?.[0] ?? 'zh'),
  };
  scenarios.forEach((s, k) => {
    files[comparedScenarioFile(k, s.id)] = json(s);
  });
  return bundle((lang) => compareReportDocument({ result, scenarios }, lang), files, options);
}

/**
 * The files of a sweep's report folder: summary.json, summary.md, series.csv, scenario.json
 * (the scenario swept, resolved, with the sweep's runs and seed), report.html and charts/.
 */
export async function sweepReportFiles(
  result: SweepResult,
  scenario: ResolvedScenario,
  options: AnalysisReportOptions,
): Promise<ReportBundle> {
  return bundle(
    (lang) => sweepReportDocument({ result, scenario }, lang),
    {
      'summary.json': json(result),
      'summary.md': sweepMarkdown(result),
      'series.csv': sweepCsv(result, options.langs?.[0] ?? 'zh'),
      'scenario.json': json(scenario),
    },
    options,
  );
}

/**
 * The files of a goal-seek's report folder: summary.json, summary.md, series.csv (the values
 * evaluated), scenario.json (the scenario searched, resolved), report.html and charts/.
 */
export async function goalSeekReportFiles(
  result: GoalSeekResult,
  scenario: ResolvedScenario,
  options: AnalysisReportOptions,
): Promise<ReportBundle> {
  return bundle(
    (lang) => goalSeekReportDocument({ result, scenario }, lang),
    {
      'summary.json': json(result),
      'summary.md': goalSeekMarkdown(result),
      'series.csv': goalSeekCsv(result),
      'scenario.json': json(scenario),
    },
    options,
  );
}
