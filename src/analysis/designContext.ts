import type { DesignRow, RowBatchResult } from '../engine/rowBatch.js';
import type { ResolvedScenario } from '../schema/scenario.js';

/** Outcomes of a run of trajectories: the goal margin and whether the goal was met. */
export interface Outcomes {
  readonly margin: Float64Array;
  readonly met: Uint8Array;
}

/** What every design of a sensitivity analysis shares. */
export interface DesignContext {
  /** the scenario as written */
  readonly scenario: ResolvedScenario;
  readonly seed: string;
  /** slots of the parameter-stream layout */
  readonly slots: number;
  /** runs rows of a scenario (as written or a variant) on the streams of `rowSeed` */
  readonly run: (
    scenario: ResolvedScenario,
    rowSeed: string,
    rows: readonly DesignRow[],
    keepUniforms?: boolean,
  ) => Promise<RowBatchResult>;
}

/** Trajectories [start, start + count) of a run (views, not copies). */
export function sliceOutcomes(r: Outcomes, start: number, count: number): Outcomes {
  return { margin: r.margin.subarray(start, start + count), met: r.met.subarray(start, start + count) };
}

export function concatOutcomes(a: Outcomes, b: Outcomes): Outcomes {
  const margin = new Float64Array(a.margin.length + b.margin.length);
  margin.set(a.margin);
  margin.set(b.margin, a.margin.length);
  const met = new Uint8Array(a.met.length + b.met.length);
  met.set(a.met);
  met.set(b.met, a.met.length);
  return { margin, met };
}

/** Rounds to `digits` decimals, with −0 turned into 0 (stable JSON). */
export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/** A value in its own units, to 4 significant digits. */
export function sig(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(4));
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0;
  return xs.length > 0 ? s / xs.length : Number.NaN;
}
