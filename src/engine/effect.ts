import type { CompiledModel } from '../model/compile.js';
import { goalMet, goalRequirement, goalValue } from '../model/goals.js';

/**
 * Exact running sums of integers (BigInt): n, Σx, Σx², so that partial results merge to the
 * same totals in any order and on any number of threads.
 */
export interface ExactMoments {
  n: number;
  sum: bigint;
  sumSq: bigint;
}

const moments = (): ExactMoments => ({ n: 0, sum: 0n, sumSq: 0n });

function add(m: ExactMoments, x: bigint): void {
  m.n += 1;
  m.sum += x;
  m.sumSq += x * x;
}

function merge(into: ExactMoments, from: ExactMoments): void {
  into.n += from.n;
  into.sum += from.sum;
  into.sumSq += from.sumSq;
}

/** Mean of exact moments. */
export function exactMean(m: ExactMoments): number {
  return m.n === 0 ? Number.NaN : Number(m.sum) / m.n;
}

/** Sample variance (Σx² − (Σx)²/n)/(n − 1), computed exactly before the final division. */
export function exactVariance(m: ExactMoments): number {
  if (m.n < 2) return Number.NaN;
  const n = BigInt(m.n);
  const centred = m.sumSq * n - m.sum * m.sum; // n·Σx² − (Σx)² ≥ 0
  return Number(centred) / (m.n * (m.n - 1));
}

/** Standard error of the mean, √(s²/n). */
export function exactStdErr(m: ExactMoments): number {
  const v = exactVariance(m);
  return Number.isNaN(v) ? Number.NaN : Math.sqrt(Math.max(0, v) / m.n);
}

/** Sample covariance of two paired exact series given Σxy. */
export function exactCovariance(x: ExactMoments, y: ExactMoments, sumXY: bigint): number {
  if (x.n < 2) return Number.NaN;
  const n = BigInt(x.n);
  return Number(sumXY * n - x.sum * y.sum) / (x.n * (x.n - 1));
}

/**
 * Paired statistics of a scenario against a counterfactual run on the same random numbers:
 * per goal, the difference in met (0/±1) and in value; the scenario's total spend (whole yuan);
 * and the cross sum Σ spend·Δ that the ratio "yuan per additional firm" needs for its standard
 * error. All sums are exact integers.
 */
export interface EffectAccumulator {
  goals: { met: ExactMoments; value: ExactMoments; spendTimesValue: bigint }[];
  spend: ExactMoments;
}

export function createEffectAccumulator(model: CompiledModel): EffectAccumulator {
  return {
    goals: model.goals.map(() => ({ met: moments(), value: moments(), spendTimesValue: 0n })),
    spend: moments(),
  };
}

/** Adds one trajectory: `out` of the scenario, `base` of the counterfactual (same layout of goals). */
export function accumulateEffect(
  model: CompiledModel,
  counterfactual: CompiledModel,
  acc: EffectAccumulator,
  out: Float64Array,
  base: Float64Array,
): void {
  const nYears = model.years.length;
  let spend = 0;
  if (model.spendMeasure >= 0)
    for (let y = 1; y < nYears; y++) spend += out[model.spendMeasure * nYears + y] ?? 0;
  const s = BigInt(Math.round(spend));
  add(acc.spend, s);
  model.goals.forEach((g, i) => {
    const cg = counterfactual.goals[i];
    const ga = acc.goals[i];
    if (cg === undefined || ga === undefined) return;
    const v = goalValue(g, out, nYears, g.yearIndex);
    const vb = goalValue(cg, base, counterfactual.years.length, cg.yearIndex);
    const met = goalMet(g, v, goalRequirement(g, out, nYears)) ? 1 : 0;
    const metB = goalMet(cg, vb, goalRequirement(cg, base, counterfactual.years.length)) ? 1 : 0;
    const d = BigInt(Math.round(v - vb));
    add(ga.met, BigInt(met - metB));
    add(ga.value, d);
    ga.spendTimesValue += s * d;
  });
}

export function mergeEffect(into: EffectAccumulator, from: EffectAccumulator): void {
  merge(into.spend, from.spend);
  from.goals.forEach((g, i) => {
    const t = into.goals[i];
    if (t === undefined) return;
    merge(t.met, g.met);
    merge(t.value, g.value);
    t.spendTimesValue += g.spendTimesValue;
  });
}

/** JSON form: BigInts as decimal strings. */
export interface EffectJson {
  goals: { met: MomentsJson; value: MomentsJson; spendTimesValue: string }[];
  spend: MomentsJson;
}
interface MomentsJson {
  n: number;
  sum: string;
  sumSq: string;
}

const mToJson = (m: ExactMoments): MomentsJson => ({
  n: m.n,
  sum: m.sum.toString(),
  sumSq: m.sumSq.toString(),
});
const mFromJson = (m: MomentsJson): ExactMoments => ({ n: m.n, sum: BigInt(m.sum), sumSq: BigInt(m.sumSq) });

export function effectToJson(e: EffectAccumulator): EffectJson {
  return {
    goals: e.goals.map((g) => ({
      met: mToJson(g.met),
      value: mToJson(g.value),
      spendTimesValue: g.spendTimesValue.toString(),
    })),
    spend: mToJson(e.spend),
  };
}

export function effectFromJson(j: EffectJson): EffectAccumulator {
  return {
    goals: j.goals.map((g) => ({
      met: mFromJson(g.met),
      value: mFromJson(g.value),
      spendTimesValue: BigInt(g.spendTimesValue),
    })),
    spend: mFromJson(j.spend),
  };
}
