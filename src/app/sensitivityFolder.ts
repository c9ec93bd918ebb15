import { pngRenderer } from '../io/rasterize.js';
import type { Lang } from '../report/lang.js';
import type { ReportBundle } from '../report/reportBundle.js';
import { sensitivityReportBundle } from '../report/sensitivityFiles.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { reportMetadata } from './reportMetadata.js';

/** How a sensitivity folder's HTML report is written. */
export interface SensitivityHtml {
  /** languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart of report.html as PNG */
  readonly png?: boolean;
}

/**
 * The files of a sensitivity report folder (sensitivity.json, summary.md, the charts beside them,
 * report.html and its charts), and what the writer noticed: chart warnings, no Chinese font for
 * the PNG charts. `dir` and `source` go into the HTML's metadata block only.
 */
export async function sensitivityFolder(
  report: SensitivityReport,
  scenario: ResolvedScenario,
  opts: SensitivityHtml & { readonly dir: string; readonly source: string },
): Promise<{ readonly bundle: ReportBundle; readonly notes: readonly string[] }> {
  const notes: string[] = [];
  const png = opts.png === true ? pngRenderer() : undefined;
  if (png !== undefined && png.cjkFont === undefined) {
    notes.push(
      'no Chinese font found for the PNG charts (install fonts-noto-cjk): Chinese text may not show in them',
    );
  }
  const bundle = await sensitivityReportBundle(report, scenario, {
    langs: opts.langs ?? ['zh'],
    metadata: reportMetadata(opts.dir, opts.source),
    ...(png !== undefined ? { rasterize: png.rasterize } : {}),
  });
  notes.push(...bundle.warnings);
  return { bundle, notes };
}
