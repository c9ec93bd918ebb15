import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { sensitivityCharts } from './sensitivityCharts.js';
import { sensitivityMarkdown } from './sensitivityMarkdown.js';
import { renderSvg } from './vegaSvg.js';

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
