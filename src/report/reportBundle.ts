import { documentCharts, type ReportDocument, type ReportMetadata } from './document.js';
import { renderHtml } from './renderHtml.js';
import { renderChartSvg } from './renderSvg.js';

/** Turns an SVG into PNG bytes (supplied by the caller: it needs fonts from the machine). */
export type Rasterize = (svg: string) => Uint8Array;

/** The files of a rendered report, and what the chart compilers warned about. */
export interface ReportBundle {
  readonly files: Record<string, string | Uint8Array>;
  readonly warnings: readonly string[];
}

/**
 * Renders reports (one document per language, the first being the main one) to files: the
 * first as `report.html` with its charts as `charts/<id>.svg`, each further language as
 * `report.<lang>.html` with `charts/<id>.<lang>.svg`; PNG copies when `rasterize` is given.
 * Any analysis that builds a `ReportDocument` gets the same exports.
 */
export async function renderReportBundle(
  docs: readonly ReportDocument[],
  metadata: ReportMetadata,
  rasterize?: Rasterize,
): Promise<ReportBundle> {
  const files: Record<string, string | Uint8Array> = {};
  const warnings: string[] = [];
  for (const [i, doc] of docs.entries()) {
    const suffix = i === 0 ? '' : `.${doc.lang}`;
    const svgs = new Map<string, string>();
    for (const chart of documentCharts(doc)) {
      if (svgs.has(chart.id)) throw new Error(`two charts share the id ${chart.id}`);
      const rendered = await renderChartSvg(chart);
      svgs.set(chart.id, rendered.svg);
      for (const w of rendered.warnings) warnings.push(`chart ${chart.id}${suffix}: ${w}`);
      files[`charts/${chart.id}${suffix}.svg`] = `<?xml version="1.0" encoding="UTF-8"?>\n${rendered.svg}\n`;
      if (rasterize !== undefined) files[`charts/${chart.id}${suffix}.png`] = rasterize(rendered.svg);
    }
    files[`report${suffix}.html`] = renderHtml(doc, svgs, metadata);
  }
  return { files, warnings };
}
