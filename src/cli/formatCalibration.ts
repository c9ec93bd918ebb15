import { table } from '../report/text.js';
import type { CalibrationSummary, CoordinateSummary, FitRow } from '../schema/posterior.js';

const num = (x: number | null): string =>
  x === null ? '' : Number.isInteger(x) || Math.abs(x) >= 100 ? String(Math.round(x)) : x.toPrecision(4);

/** The check column: what the posterior predictive says of a row. */
function check(r: FitRow): string {
  if (r.status === 'not-fitted') return `not fitted: ${r.reason}`;
  if (r.outside90 === null) return r.status === 'held-out' ? `held out (${r.reason})` : '';
  const verdict = r.outside90 ? 'MISFIT' : 'ok';
  return r.status === 'held-out' ? `held out (${r.reason}): ${verdict}` : verdict;
}

/** The table of the region's figures: observed value beside the posterior predictive. */
export function formatFitTable(rows: readonly FitRow[]): string {
  return table(
    [
      'line',
      'measure',
      'year',
      'kind',
      'qualifier',
      'observed',
      'model median',
      'model 90%',
      'P(≤ obs)',
      'check',
    ],
    rows.map((r) => [
      String(r.line),
      r.measure,
      r.year,
      r.kind,
      r.qualifier,
      num(r.value),
      num(r.p50),
      r.p05 === null ? '' : `${num(r.p05)}–${num(r.p95)}`,
      r.predictive === null ? '' : r.predictive.toFixed(3),
      check(r),
    ]),
    ['r', 'l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'],
  );
}

/** The coordinates the data inform (shrinkage ≥ 0.1), then base counts and the break, prior beside posterior. */
export function formatCoordinates(coords: readonly CoordinateSummary[]): string {
  const shown = coords.filter((c) => c.shrinkage >= 0.25 || c.group === 'break' || c.name === 'base.hnte');
  const rest = coords.length - shown.length;
  return (
    table(
      ['coordinate', 'prior 90%', 'posterior median', 'posterior 90%', 'shrinkage'],
      shown.map((c) => [
        c.name,
        `${num(c.priorP05)}–${num(c.priorP95)}`,
        num(c.p50),
        `${num(c.p05)}–${num(c.p95)}`,
        c.shrinkage.toFixed(2),
      ]),
      ['l', 'r', 'r', 'r', 'r'],
    ) +
    `\n(${rest} more coordinates with shrinkage < 0.25, within Monte Carlo error of none: the data say little about them; all are in the JSON)`
  );
}

/** What `ladder calibrate` prints. */
export function formatCalibration(s: CalibrationSummary, written: string | undefined): string {
  const d = s.diagnostics;
  const head =
    `Calibration of ${s.region} to ${s.observedFile}${s.until !== null ? ` up to ${s.until}` : ''}` +
    `${s.breakYear !== null ? `, regime break ${s.breakYear}` : ''}\n` +
    `base year ${s.baseYear} · last fitted year ${s.lastYear} · seed ${s.seed}\n` +
    `method: tempered SMC, Gaussian synthetic likelihood (${d.simsPerParticle} simulations per estimate) · ` +
    `${d.particles} particles · ${d.stages.length} stages · ${d.simulations} simulations · ` +
    `ESS ${Math.round(d.ess)} · ${d.unique} distinct particles · ln evidence ${d.logEvidence.toFixed(2)}\n\n`;
  let out = `${head}${formatFitTable(s.observations)}\n\n${formatCoordinates(s.coordinates)}\n`;
  for (const w of s.warnings) out += `warning: ${w}\n`;
  if (written !== undefined) out += `\nPosterior: ${written}\n`;
  return out;
}
