import type { DesignRow } from '../engine/rowBatch.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { spanRows } from './designRuns.js';
import {
  concatOutcomes,
  round,
  sig,
  sliceOutcomes,
  type DesignContext,
  type Outcomes,
} from './designContext.js';
import type { Factor } from './factors.js';
import { pairedDifference } from './pairedDifference.js';

/** Percentiles of the one-way analysis. */
export const LOW = 0.1;
export const HIGH = 0.9;

export interface OneWayResult {
  /** per input (same order): whether moving it changed any trajectory's goal outcome */
  readonly active: readonly boolean[];
  /** active inputs by |Δ margin| */
  readonly rows: SensitivityReport['tornado'];
}

/**
 * One-way (tornado) effects: trajectories 0 … pairs − 1 run with each input at its prior's 10th
 * and at its 90th percentile, every other input drawn as usual (common random numbers), compared
 * as paired differences. A pilot of `pilot` pairs runs first; an input whose two ends gave
 * identical outcomes in every pilot pair is inert and not run further.
 */
export async function oneWayEffects(
  ctx: DesignContext,
  factors: readonly Factor[],
  pairs: number,
  pilot: number,
): Promise<OneWayResult> {
  const armRows = (f: Factor, u: number, start: number, count: number): DesignRow[] => {
    const row = new Float64Array(ctx.slots).fill(Number.NaN);
    row[f.slot] = u;
    return spanRows(row, start, count);
  };
  const arms = (fs: readonly Factor[], start: number, count: number): DesignRow[] =>
    fs.flatMap((f) => [...armRows(f, LOW, start, count), ...armRows(f, HIGH, start, count)]);
  const first = await ctx.run(ctx.scenario, ctx.seed, arms(factors, 0, pilot));
  const low: Outcomes[] = [];
  const high: Outcomes[] = [];
  const active = factors.map((_f, i) => {
    const lo = sliceOutcomes(first, 2 * i * pilot, pilot);
    const hi = sliceOutcomes(first, (2 * i + 1) * pilot, pilot);
    low.push(lo);
    high.push(hi);
    return pairedDifference(lo.margin, hi.margin).changed > 0 || pairedDifference(lo.met, hi.met).changed > 0;
  });
  const activeIdx = factors.flatMap((_f, i) => (active[i] === true ? [i] : []));
  const rest = pairs - pilot;
  if (rest > 0 && activeIdx.length > 0) {
    const more = await ctx.run(
      ctx.scenario,
      ctx.seed,
      arms(
        activeIdx.map((i) => factors[i]).filter((f): f is Factor => f !== undefined),
        pilot,
        rest,
      ),
    );
    activeIdx.forEach((i, j) => {
      const lo = low[i];
      const hi = high[i];
      if (lo === undefined || hi === undefined) return;
      low[i] = concatOutcomes(lo, sliceOutcomes(more, 2 * j * rest, rest));
      high[i] = concatOutcomes(hi, sliceOutcomes(more, (2 * j + 1) * rest, rest));
    });
  }
  const rows = activeIdx
    .map((i) => {
      const f = factors[i];
      const lo = low[i];
      const hi = high[i];
      if (f === undefined || lo === undefined || hi === undefined)
        throw new Error('oneWayEffects: lost an arm');
      const dm = pairedDifference(lo.margin, hi.margin);
      const dp = pairedDifference(lo.met, hi.met);
      const row: SensitivityReport['tornado'][number] = {
        factor: f.name,
        group: f.group,
        reliance: f.reliance,
        low: sig(f.value(LOW)),
        high: sig(f.value(HIGH)),
        pLow: round(dp.meanA, 4),
        pHigh: round(dp.meanB, 4),
        dP: round(dp.diff, 4),
        dPSe: round(dp.se, 4),
        marginLow: round(dm.meanA, 2),
        marginHigh: round(dm.meanB, 2),
        dMargin: round(dm.diff, 2),
        dMarginSe: round(dm.se, 2),
        pairs: dm.n,
      };
      return { row, size: Math.abs(dm.diff) };
    })
    .sort((a, b) => b.size - a.size) // stable: ties stay in layout order
    .map((e) => e.row);
  return { active, rows };
}
