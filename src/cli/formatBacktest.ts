import { table } from '../report/text.js';
import type { Backtest, ForecastScore, ScoreSummary } from '../schema/backtest.js';

const n = (x: number): string =>
  Number.isInteger(x) || Math.abs(x) >= 100 ? String(Math.round(x)) : x.toPrecision(3);
const band = (f: ForecastScore): string => `${n(f.p05)}–${n(f.p95)}`;
const hits = (f: ForecastScore): string => `${f.in50 ? '50' : '–'}/${f.in90 ? '90' : '–'}`;

function summaryLine(label: string, s: ScoreSummary | null): string {
  if (s === null) return `${label}: nothing scored`;
  return `${label}: ${s.n} figures · inside 50% ${(s.cover50 * 100).toFixed(0)}% · inside 90% ${(s.cover90 * 100).toFixed(0)}% · mean IS50 ${n(s.meanIs50)} · mean IS90 ${n(s.meanIs90)} · mean CRPS ${n(s.meanCrps)}`;
}

/** What `ladder backtest` prints: each origin's scored figures, model beside the naive trend. */
export function formatBacktest(b: Backtest): string {
  let s = `Backtest of ${b.region} on ${b.observedFile}${b.breakYear !== null ? `, regime break ${b.breakYear}` : ''} · ${b.particles} particles · seed ${b.seed}\n`;
  for (const o of b.origins) {
    s += `\norigin ${o.origin} (fit from ${o.baseYear})\n`;
    s += table(
      [
        'line',
        'measure',
        'year',
        'observed',
        'model median',
        'model 90%',
        'in',
        'CRPS',
        'IS90',
        'trend median',
        'trend 90%',
        'in',
        'CRPS',
        'IS90',
      ],
      o.rows.map((r) => [
        String(r.line),
        r.measure,
        r.year,
        n(r.value),
        n(r.model.p50),
        band(r.model),
        hits(r.model),
        n(r.model.crps),
        n(r.model.is90),
        r.naive === null ? 'n/a' : n(r.naive.p50),
        r.naive === null ? '' : band(r.naive),
        r.naive === null ? '' : hits(r.naive),
        r.naive === null ? '' : n(r.naive.crps),
        r.naive === null ? '' : n(r.naive.is90),
      ]),
      ['r', 'l', 'l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
    );
    s += '\n';
    for (const k of o.skipped) s += `  not scored: line ${k.line} ${k.measure} ${k.year}: ${k.reason}\n`;
    for (const w of o.warnings) s += `  warning (fit to ${o.origin}): ${w}\n`;
  }
  s += `\n${summaryLine('model, all scored figures', b.summary.model)}\n`;
  s += `${summaryLine('model, where the trend has a forecast', b.summary.modelOnPaired)}\n`;
  s += `${summaryLine('naive linear trend, same figures', b.summary.naiveOnPaired)}\n`;
  s +=
    'in: inside the 50%/90% interval (– outside); IS90: interval score of the 90% interval; CRPS in counts (lower is better)\n';
  return s;
}
