import type { Backtest, ForecastScore, ScoreSummary } from '../schema/backtest.js';
import type { CalibrationSummary, FitRow } from '../schema/posterior.js';
import type { Projection } from '../schema/projection.js';
import { calibrateCommandLine } from './calibrationReport.js';
import { fitVerdict, regionName } from './calibrationText.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (x: number | null): string =>
  x === null
    ? ''
    : Number.isInteger(x) || Math.abs(x) >= 100
      ? String(Math.round(x))
      : String(Number(x.toPrecision(3)));

function fitRowsTable(rows: readonly FitRow[], lines: string[]): void {
  lines.push(
    '| line | measure | year | kind | qualifier | published | model median | model 90% | P(model ≤ figure) | check |',
  );
  lines.push('|---:|---|---|---|---|---:|---:|---|---:|---|');
  for (const r of rows) {
    const check =
      r.status === 'not-fitted'
        ? `not fitted: ${esc(r.reason)}`
        : r.outside90 === null
          ? esc(r.reason)
          : `${r.outside90 ? '**misfit**' : 'fits'}${r.status === 'held-out' ? ` (held out, ${esc(r.reason)})` : ''}`;
    const p =
      r.predictive === null
        ? ''
        : (r.qualifier === 'lower_bound' ? 1 - r.predictive : r.predictive).toFixed(2);
    lines.push(
      `| ${r.line} | \`${r.measure}\` | ${r.year} | ${r.kind} | ${r.qualifier} | ${num(r.value)} | ${num(r.p50)} | ${r.p05 === null ? '' : `${num(r.p05)}–${num(r.p95)}`} | ${p} | ${check} |`,
    );
  }
  lines.push('');
}

function chartList(charts: readonly string[], lines: string[]): void {
  if (charts.length === 0) return;
  lines.push('## Charts');
  lines.push('');
  for (const c of charts) lines.push(`![${c}](charts/${c}.svg)`);
  lines.push('');
}

function warnings(ws: readonly string[], lines: string[]): void {
  if (ws.length === 0) return;
  lines.push('## Warnings');
  lines.push('');
  for (const w of ws) lines.push(`- ${esc(w)}`);
  lines.push('');
}

/** summary.md of a calibration: verdict, fit table, informed coordinates, diagnostics, warnings. */
export function calibrationMarkdown(s: CalibrationSummary, charts: readonly string[]): string {
  const v = fitVerdict(s, 'en');
  const d = s.diagnostics;
  const lines: string[] = [];
  lines.push(`# 模型校准 · Calibration — ${regionName(s.region, 'zh')} (${s.region})`);
  lines.push('');
  lines.push(
    `Observed counts \`${s.observedFile}\`, years ${s.baseYear}–${s.lastYear}${s.until !== null ? ` (up to ${s.until})` : ''}${s.breakYear !== null ? `, regime break ${s.breakYear}` : ''}. Tempered SMC with a Gaussian synthetic likelihood: ${d.particles} particles, ${d.simsPerParticle} simulations per estimate, ${d.stages.length} stages, ${d.simulations} trajectories; ESS ${Math.round(d.ess)}, ${d.unique} distinct particles, ln p(data) = ${d.logEvidence.toFixed(2)}. Seed \`${s.seed}\`, ladder ${s.version}.`,
  );
  lines.push('');
  lines.push('## 模型能否复现已公布数据 · Does the model reproduce the published figures?');
  lines.push('');
  lines.push(`**${v.word}.** ${esc(v.sentence)}`);
  lines.push('');
  lines.push('## Fit table');
  lines.push('');
  fitRowsTable(s.observations, lines);
  lines.push('## Coordinates the figures inform (shrinkage ≥ 0.25)');
  lines.push('');
  lines.push('| coordinate | prior 90% | posterior median | posterior 90% | shrinkage |');
  lines.push('|---|---|---:|---|---:|');
  for (const c of s.coordinates.filter(
    (x) => x.shrinkage >= 0.25 || x.group === 'break' || x.name === 'base.hnte',
  )) {
    lines.push(
      `| \`${c.name}\` | ${num(c.priorP05)}–${num(c.priorP95)} | ${num(c.p50)} | ${num(c.p05)}–${num(c.p95)} | ${c.shrinkage.toFixed(2)} |`,
    );
  }
  lines.push('');
  warnings(s.warnings, lines);
  chartList(charts, lines);
  lines.push(`To run it again: \`${calibrateCommandLine(s)}\``);
  lines.push('');
  return lines.join('\n');
}

/** summary.md of a projection: the main measures by year and the fit's warnings. */
export function projectionMarkdown(
  p: Projection,
  ctx: { readonly baseYear: number; readonly particles: number; readonly warnings: readonly string[] },
  charts: readonly string[],
): string {
  const lines: string[] = [];
  lines.push(`# 预测 · Projection — ${regionName(p.region, 'zh')} (${p.region})`);
  lines.push('');
  lines.push(
    `Fitted to the observed counts up to ${p.until} (base year ${ctx.baseYear}, ${ctx.particles} posterior particles), then projected with no plan attached. Median and 90% interval (5th–95th percentile) by year; series.csv has every measure and quantile.`,
  );
  lines.push('');
  const measures = ['hnte', 'srdi', 'giant', 'tsme', 'listed'].filter((m) =>
    p.series.some((r) => r.measure === m),
  );
  const years = [...new Set(p.series.map((r) => r.year))].sort((a, b) => a - b);
  lines.push(`| year | ${measures.map((m) => `\`${m}\``).join(' | ')} |`);
  lines.push(`|---:|${measures.map(() => '---:|').join('')}`);
  for (const y of years) {
    const cells = measures.map((m) => {
      const r = p.series.find((x) => x.measure === m && x.year === y);
      return r === undefined ? '' : `${num(r.p50)} (${num(r.p05)}–${num(r.p95)})`;
    });
    lines.push(`| ${y}${y > p.until ? ' →' : ''} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push('→: projected (after the last fitted year).');
  lines.push('');
  warnings(ctx.warnings, lines);
  chartList(charts, lines);
  return lines.join('\n');
}

const band = (f: ForecastScore): string => `${num(f.p50)} (${num(f.p05)}–${num(f.p95)})`;
const hits = (f: ForecastScore): string => `${f.in50 ? '50' : '–'}/${f.in90 ? '90' : '–'}`;

function summaryRow(label: string, s: ScoreSummary | null): string {
  if (s === null) return `| ${label} | 0 | | | | | |`;
  return `| ${label} | ${s.n} | ${(s.cover50 * 100).toFixed(0)}% | ${(s.cover90 * 100).toFixed(0)}% | ${num(s.meanIs50)} | ${num(s.meanIs90)} | ${num(s.meanCrps)} |`;
}

/** summary.md of a backtest: every origin's scores, model beside the naive trend, and the averages. */
export function backtestMarkdown(b: Backtest, charts: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`# 回测 · Backtest — ${regionName(b.region, 'zh')} (${b.region})`);
  lines.push('');
  lines.push(
    `Observed counts \`${b.observedFile}\`${b.breakYear !== null ? `, regime break ${b.breakYear}` : ''}; ${b.particles} particles, seed \`${b.seed}\`. For each origin the model is fitted to the figures up to it and forecasts the later ones; a naive linear trend through the same series' earlier figures is scored beside it. in: inside the 50%/90% interval (– outside); IS: interval score; CRPS in firms (lower is better).`,
  );
  lines.push('');
  for (const o of b.origins) {
    lines.push(`## From ${o.origin} (fitted from ${o.baseYear})`);
    lines.push('');
    lines.push(
      '| figure | published | model median (90%) | in | IS90 | CRPS | trend median (90%) | in | IS90 | CRPS |',
    );
    lines.push('|---|---:|---|---|---:|---:|---|---|---:|---:|');
    for (const r of o.rows) {
      const t = r.naive;
      lines.push(
        `| \`${r.measure}\` ${r.year} | ${num(r.value)} | ${band(r.model)} | ${hits(r.model)} | ${num(r.model.is90)} | ${num(r.model.crps)} | ${t === null ? 'n/a' : band(t)} | ${t === null ? '' : hits(t)} | ${t === null ? '' : num(t.is90)} | ${t === null ? '' : num(t.crps)} |`,
      );
    }
    lines.push('');
    for (const k of o.skipped)
      lines.push(`- not scored: line ${k.line} \`${k.measure}\` ${k.year}: ${esc(k.reason)}`);
    for (const w of o.warnings) lines.push(`- warning (fit to ${o.origin}): ${esc(w)}`);
    if (o.skipped.length + o.warnings.length > 0) lines.push('');
  }
  lines.push('## Averages');
  lines.push('');
  lines.push('| forecasts | figures | inside 50% | inside 90% | mean IS50 | mean IS90 | mean CRPS |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  lines.push(summaryRow('model, every scored figure', b.summary.model));
  lines.push(summaryRow('model, figures the trend also forecasts', b.summary.modelOnPaired));
  lines.push(summaryRow('naive linear trend, same figures', b.summary.naiveOnPaired));
  lines.push('');
  chartList(charts, lines);
  return lines.join('\n');
}
