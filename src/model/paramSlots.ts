import { PARAM_NAMES } from '../schema/params.js';
import type { BaseRange, CompiledModel } from './compile.js';
import type { Quantile } from './priorQuantile.js';

/**
 * What one uniform of a trajectory's `param` stream sets: a model parameter, a base count, or a
 * mark's share of new 高企 / gain rate.
 */
export type SlotKind = 'param' | 'base' | 'mark-share' | 'mark-gain';

/** One uniform of the `param` stream, in the order the trajectory takes them. */
export interface ParamSlot {
  /** `firstPass`; `base:tsme`, `base:hnte:agri`; `mark:aboveScale:shareOfNew` */
  readonly name: string;
  readonly kind: SlotKind;
  /** the value the trajectory makes of the slot's uniform u ∈ [0, 1) */
  readonly value: Quantile;
  /** the value depends on u (a prior that is not fixed, a base range with low < high) */
  readonly uncertain: boolean;
}

/** A base count as `simulateTrajectory` draws it: round(low + u·(high − low)). */
function baseQuantile(r: BaseRange): Quantile {
  return (u) => (r.high > r.low ? Math.round(r.low + u * (r.high - r.low)) : Math.round(r.low));
}

function varies(q: Quantile): boolean {
  return q(0) !== q(0.999999);
}

/**
 * The layout of a trajectory's `param` stream: every uniform `simulateTrajectory` takes from it,
 * in order — the parameters (PARAM_NAMES order), the base counts (tsme, hnte, srdi, giant,
 * listed, then each named sector's 高企), then for each mark its base count, share of new 高企 and
 * gain rate. A sensitivity design sets a trajectory's inputs by choosing these uniforms, so a
 * parameter at its prior's 10th percentile is the slot's uniform set to 0.1. The test suite
 * checks this layout against what the trajectory consumes, plan by plan.
 */
export function paramSlots(model: CompiledModel): ParamSlot[] {
  const slots: ParamSlot[] = [];
  PARAM_NAMES.forEach((name, i) => {
    const q = model.params[i] ?? ((): number => 0);
    slots.push({ name, kind: 'param', value: q, uncertain: varies(q) });
  });
  const base = (name: string, r: BaseRange): void => {
    slots.push({ name: `base:${name}`, kind: 'base', value: baseQuantile(r), uncertain: r.high > r.low });
  };
  base('tsme', model.base.tsme);
  base('hnte', model.base.hnte);
  base('srdi', model.base.srdi);
  base('giant', model.base.giant);
  base('listed', model.base.listed);
  model.base.sectors.forEach((r, k) => {
    base(`hnte:${model.strata[k] ?? String(k)}`, r);
  });
  model.marks.forEach((m, k) => {
    base(`hnte:${m}`, model.base.marks[k] ?? { low: 0, high: 0 });
    const share = model.markShareOfNew[k] ?? ((): number => 0);
    const gain = model.markGainRate[k] ?? ((): number => 0);
    slots.push({ name: `mark:${m}:shareOfNew`, kind: 'mark-share', value: share, uncertain: varies(share) });
    slots.push({ name: `mark:${m}:gainRate`, kind: 'mark-gain', value: gain, uncertain: varies(gain) });
  });
  return slots;
}
