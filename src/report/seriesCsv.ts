import type { Plan } from '../schema/plan.js';
import type { SeriesRow } from '../schema/result.js';
import type { Lang } from './lang.js';
import { measureName } from './terms.js';

/** The byte order mark that makes Excel read a CSV file as UTF-8 (and show its Chinese). */
export const UTF8_BOM = '\uFEFF';

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * series.csv: one row per measure and year with the 5/25/50/75/95% quantiles and the mean, as
 * in summary.json (numbers written exactly as JSON writes them), plus the measure's name in the
 * report language. UTF-8 with a BOM, CRLF line ends (RFC 4180).
 */
export function seriesCsv(series: readonly SeriesRow[], plan: Plan, lang: Lang): string {
  const header = ['measure', 'name', 'year', 'p05', 'p25', 'p50', 'p75', 'p95', 'mean'];
  const lines = series.map((r) =>
    [
      r.measure,
      measureName(r.measure, lang, plan),
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
