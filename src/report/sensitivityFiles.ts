import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import type { ReportMetadata } from './document.js';
import type { Lang } from './lang.js';
import { renderReportBundle, type Rasterize, type ReportBundle } from './reportBundle.js';
import { sensitivityCharts } from './sensitivityCharts.js';
import { sensitivityMarkdown } from './sensitivityMarkdown.js';
import { sensitivityReportDocument } from './sensitivityReport.js';
import { renderSvg } from './vegaSvg.js';

/** The HTML report of a sensitivity folder: languages (the main one first), metadata, PNG copies. */
export interface SensitivityHtmlOptions {
  readonly langs: readonly Lang[];
  readonly metadata: ReportMetadata;
  readonly rasterize?: Rasterize;
}

/**
 * The files of a sensitivity report folder, by name: sensitivity.json (the `--json` output),
 * summary.md, and each chart as SVG with its Vega-Lite specification. The caller writes them.
 */
export async function sensitivityReportFiles(
  report: SensitivityReport,
  scenario: ResolvedScenario,
): Promise<Record<string, string>> {
  const charts = sensitivityCharts(report);
  const files: Record<string, string> = { 'sensitivity.json': `${JSON.stringify(report, null, 2)}\n` };
  const warnings: string[] = [];
  for (const [name, spec] of Object.entries(charts)) {
    const rendered = await renderSvg(spec);
    files[`${name}.svg`] = rendered.svg;
    files[`${name}.vl.json`] = `${JSON.stringify(spec, null, 2)}\n`;
    warnings.push(...rendered.warnings.map((w) => `chart ${name}: ${w}`));
  }
  files['summary.md'] = sensitivityMarkdown(report, scenario, Object.keys(charts), warnings);
  return files;
}

/**
 * The whole sensitivity report folder: the files of {@link sensitivityReportFiles}, then
 * report.html (+ report.<lang>.html) with its charts in the report's language under charts/,
 * and what the chart compilers warned about.
 */
export async function sensitivityReportBundle(
  report: SensitivityReport,
  scenario: ResolvedScenario,
  html: SensitivityHtmlOptions,
): Promise<ReportBundle> {
  const files = await sensitivityReportFiles(report, scenario);
  const bundle = await renderReportBundle(
    html.langs.map((lang) => sensitivityReportDocument(report, scenario, lang)),
    html.metadata,
    html.rasterize,
  );
  return { files: { ...files, ...bundle.files }, warnings: bundle.warnings };
}
