import { addValue, createHistogram, quantile, type IntHistogram } from '../engine/histogram.js';
import { addMoment, createMoments, momentMean, momentStdErr, type Moments } from '../engine/moments.js';
import { outcomeWidth, writeOutcomes } from '../engine/pairedOutcomes.js';
import type { CompiledModel } from '../model/compile.js';

/**
 * Statistics of several models run on the same trajectories (common random numbers): per model
 * and compared goal, P(met) and the goal's value; per model the total spend and budget overruns;
 * and for chosen pairs (k, j) the per-trajectory differences k − j, whose standard error is the
 * paired one. Streaming: memory does not grow with the number of trajectories.
 */
export interface PairedStats {
  readonly models: readonly CompiledModel[];
  /** goalIndex[k][g]: index into models[k].goals of compared goal g */
  readonly goalIndex: readonly (readonly number[])[];
  readonly pairs: readonly (readonly [number, number])[];
  readonly perModel: {
    readonly goals: { readonly met: Moments; readonly value: Moments; readonly values: IntHistogram }[];
    readonly spend: Moments;
    readonly spends: IntHistogram;
    /** trajectories whose promises exceed each cap budget (by budget index of the model) */
    readonly overspent: number[];
  }[];
  readonly perPair: {
    readonly goals: { readonly met: Moments; readonly value: Moments; spendTimesValue: number }[];
    readonly spend: Moments;
  }[];
}

export function createPairedStats(
  models: readonly CompiledModel[],
  goalIndex: readonly (readonly number[])[],
  pairs: readonly (readonly [number, number])[],
): PairedStats {
  const nGoals = goalIndex[0]?.length ?? 0;
  return {
    models,
    goalIndex,
    pairs,
    perModel: models.map((m) => ({
      goals: Array.from({ length: nGoals }, () => ({
        met: createMoments(),
        value: createMoments(),
        values: createHistogram(),
      })),
      spend: createMoments(),
      spends: createHistogram(),
      overspent: m.budgets.map(() => 0),
    })),
    perPair: pairs.map(() => ({
      goals: Array.from({ length: nGoals }, () => ({
        met: createMoments(),
        value: createMoments(),
        spendTimesValue: 0,
      })),
      spend: createMoments(),
    })),
  };
}

export { overspends, totalSpend } from '../engine/pairedOutcomes.js';

/** Adds one trajectory: `outs[k]` is model k's measure buffer for it. */
export function addTrajectory(st: PairedStats, outs: readonly Float64Array[]): void {
  const row = new Float64Array(outcomeWidth(st.models, st.goalIndex));
  writeOutcomes(st.models, st.goalIndex, outs, row, 0);
  addOutcomes(st, row, 0);
}

/**
 * Adds one trajectory from its outcome row at `row[offset …]` (engine/pairedOutcomes.ts). Rows
 * added in trajectory order give the same sums, to the last bit, wherever they were computed.
 */
export function addOutcomes(st: PairedStats, row: Float64Array, offset: number): void {
  const met: number[][] = [];
  const val: number[][] = [];
  const spend: number[] = [];
  let j = offset;
  st.models.forEach((model, k) => {
    const pm = st.perModel[k];
    const gi = st.goalIndex[k] ?? [];
    const mk: number[] = [];
    const vk: number[] = [];
    gi.forEach((_i, g) => {
      const v = row[j++] ?? 0;
      const m = row[j++] ?? 0;
      const gs = pm?.goals[g];
      if (gs === undefined) return;
      addMoment(gs.met, m);
      addMoment(gs.value, v);
      addValue(gs.values, v);
      mk.push(m);
      vk.push(v);
    });
    const s = row[j++] ?? 0;
    if (pm !== undefined) {
      addMoment(pm.spend, s);
      addValue(pm.spends, s);
    }
    model.budgets.forEach((_b, i) => {
      if (row[j++] === 1 && pm !== undefined) pm.overspent[i] = (pm.overspent[i] ?? 0) + 1;
    });
    met.push(mk);
    val.push(vk);
    spend.push(s);
  });
  st.pairs.forEach(([k, j2], p) => {
    const pp = st.perPair[p];
    if (pp === undefined) return;
    const ds = (spend[k] ?? 0) - (spend[j2] ?? 0);
    addMoment(pp.spend, ds);
    pp.goals.forEach((g, i) => {
      const dv = (val[k]?.[i] ?? 0) - (val[j2]?.[i] ?? 0);
      addMoment(g.met, (met[k]?.[i] ?? 0) - (met[j2]?.[i] ?? 0));
      addMoment(g.value, dv);
      g.spendTimesValue += ds * dv;
    });
  });
}

/** A difference of means with its paired and its unpaired standard error. */
export interface PairedDifference {
  readonly diff: number;
  /** SE of the mean per-trajectory difference (common random numbers) */
  readonly pairedStdErr: number;
  /** SE as if the two had been run on independent random numbers: √(SE₁² + SE₂²) */
  readonly unpairedStdErr: number;
}

/** Mean of `k − j` with both standard errors. */
export function pairedDifference(diff: Moments, a: Moments, b: Moments): PairedDifference {
  return {
    diff: momentMean(diff),
    pairedStdErr: momentStdErr(diff),
    unpairedStdErr: Math.sqrt(momentStdErr(a) ** 2 + momentStdErr(b) ** 2),
  };
}

function sampleVariance(m: Moments): number {
  if (m.n < 2) return 0;
  const mean = m.sum / m.n;
  return Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1));
}

/**
 * Money per additional firm between two scenarios: R = mean ΔS / mean ΔV when both differences
 * have the same sign (the price of the change in either direction), else null; with the
 * delta-method standard error SE(R) = √((Var ΔS + R²·Var ΔV − 2R·Cov(ΔS, ΔV)) / n) / |mean ΔV|
 * (Cochran, Sampling Techniques, §6.4).
 */
export function costPerFirm(
  spend: Moments,
  value: Moments,
  spendTimesValue: number,
): { ratio: number; stdErr: number } | null {
  const n = spend.n;
  const s = momentMean(spend);
  const v = momentMean(value);
  if (!(n > 1) || s === 0 || v === 0 || Math.sign(s) !== Math.sign(v)) return null;
  const r = s / v;
  const cov = (spendTimesValue - n * s * v) / (n - 1);
  const varR = Math.max(0, sampleVariance(spend) + r * r * sampleVariance(value) - 2 * r * cov) / n;
  return { ratio: r, stdErr: Math.sqrt(varR) / Math.abs(v) };
}

/** P(met), its SE √(p(1 − p)/n), and the goal value's median and 90% interval. */
export function goalEstimate(g: PairedStats['perModel'][number]['goals'][number]): {
  probability: number;
  probabilityStdErr: number;
  mean: number;
  p05: number;
  p50: number;
  p95: number;
} {
  const n = g.met.n;
  const p = n > 0 ? g.met.sum / n : Number.NaN;
  return {
    probability: p,
    probabilityStdErr: n > 0 ? Math.sqrt((p * (1 - p)) / n) : Number.NaN,
    mean: momentMean(g.value),
    p05: quantile(g.values, 0.05),
    p50: quantile(g.values, 0.5),
    p95: quantile(g.values, 0.95),
  };
}
