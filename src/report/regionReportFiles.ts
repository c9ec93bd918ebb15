import type { CalibrationSummary } from '../schema/posterior.js';
import type { SeriesRow } from '../schema/result.js';
import { figureMeasureName } from './calibrationText.js';
import { calibrationReportDocument } from './calibrationReport.js';
import { documentCharts, type ReportDocument, type ReportMetadata } from './document.js';
import type { Lang } from './lang.js';
import { renderReportBundle, type Rasterize, type ReportBundle } from './reportBundle.js';
import { csvField, UTF8_BOM } from './seriesCsv.js';
import { backtestMarkdown, calibrationMarkdown, projectionMarkdown } from './fitMarkdown.js';
import { projectionReportDocument, type ProjectionReportInput } from './projectionReport.js';
import { backtestReportDocument } from './backtestReport.js';
import type { Backtest } from '../schema/backtest.js';

/** How a report folder is rendered: languages (the main one first), metadata, PNG copies. */
export interface RegionReportOptions {
  readonly langs: readonly Lang[];
  readonly metadata: ReportMetadata;
  readonly rasterize?: Rasterize;
}

/**
 * A CSV (UTF-8 with a BOM, CRLF, RFC 4180) of series rows: measure, its name in `lang`, year,
 * the 5/25/50/75/95% quantiles and the mean, numbers as JSON writes them.
 */
export function fanCsv(series: readonly SeriesRow[], lang: Lang): string {
  const header = ['measure', 'name', 'year', 'p05', 'p25', 'p50', 'p75', 'p95', 'mean'];
  const lines = series.map((r) =>
    [
      r.measure,
      figureMeasureName(r.measure, lang),
      String(r.year),
      String(r.p05),
      String(r.p25),
      String(r.p50),
      String(r.p75),
      String(r.p95),
      String(r.mean),
    ]
      .map(csvField)
      .join(','),
  );
  return `${UTF8_BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Renders documents (one per language) and adds the command's own files beside them. */
export async function reportFolder(
  docs: readonly ReportDocument[],
  opts: RegionReportOptions,
  own: (charts: readonly string[]) => Record<string, string>,
): Promise<ReportBundle> {
  const bundle = await renderReportBundle(docs, opts.metadata, opts.rasterize);
  const charts = docs[0] === undefined ? [] : documentCharts(docs[0]).map((c) => c.id);
  return { files: { ...own(charts), ...bundle.files }, warnings: bundle.warnings };
}

/**
 * A calibration's report folder: summary.json (what `ladder calibrate --json` prints),
 * summary.md, series.csv (the posterior predictive fan of every series with a figure),
 * report.html (+ report.<lang>.html) and charts/.
 */
export async function calibrationReportFiles(
  summary: CalibrationSummary,
  opts: RegionReportOptions,
): Promise<ReportBundle> {
  const docs = opts.langs.map((lang) => calibrationReportDocument(summary, lang));
  return reportFolder(docs, opts, (charts) => ({
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'summary.md': calibrationMarkdown(summary, charts),
    'series.csv': fanCsv(summary.fan ?? [], opts.langs[0] ?? 'zh'),
  }));
}

/**
 * A projection's report folder: summary.json (what `ladder project --json` prints), summary.md,
 * series.csv (every measure of the projection), report.html (+ report.<lang>.html) and charts/.
 */
export async function projectionReportFiles(
  input: ProjectionReportInput,
  opts: RegionReportOptions,
): Promise<ReportBundle> {
  const docs = opts.langs.map((lang) => projectionReportDocument(input, lang));
  return reportFolder(docs, opts, (charts) => ({
    'summary.json': `${JSON.stringify(input.projection, null, 2)}\n`,
    'summary.md': projectionMarkdown(input.projection, input, charts),
    'series.csv': fanCsv(input.projection.series, opts.langs[0] ?? 'zh'),
  }));
}

/**
 * scores.csv of a backtest (UTF-8 with a BOM, CRLF): one row per origin, figure and method with
 * the forecast's quantiles, whether the figure fell inside the 50% and 90% intervals, the
 * interval scores and the CRPS.
 */
export function scoresCsv(b: Backtest): string {
  const header = [
    'origin',
    'line',
    'measure',
    'year',
    'lead',
    'value',
    'method',
    'p05',
    'p25',
    'p50',
    'p75',
    'p95',
    'in50',
    'in90',
    'is50',
    'is90',
    'crps',
  ];
  const lines = b.origins.flatMap((o) =>
    o.rows.flatMap((r) =>
      [['model', r.model] as const, ...(r.naive !== null ? [['linear-trend', r.naive] as const] : [])].map(
        ([method, f]) =>
          [
            String(o.origin),
            String(r.line),
            r.measure,
            r.year,
            String(r.lead),
            String(r.value),
            method,
            String(f.p05),
            String(f.p25),
            String(f.p50),
            String(f.p75),
            String(f.p95),
            String(f.in50),
            String(f.in90),
            String(f.is50),
            String(f.is90),
            String(f.crps),
          ]
            .map(csvField)
            .join(','),
      ),
    ),
  );
  return `${UTF8_BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * A backtest's report folder: summary.json (what `ladder backtest --json` prints), summary.md,
 * scores.csv, report.html (+ report.<lang>.html) and charts/.
 */
export async function backtestReportFiles(b: Backtest, opts: RegionReportOptions): Promise<ReportBundle> {
  const docs = opts.langs.map((lang) => backtestReportDocument(b, lang));
  return reportFolder(docs, opts, (charts) => ({
    'summary.json': `${JSON.stringify(b, null, 2)}\n`,
    'summary.md': backtestMarkdown(b, charts),
    'scores.csv': scoresCsv(b),
  }));
}
