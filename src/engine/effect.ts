import type { CompiledModel } from '../model/compile.js';
import { goalMet, goalRequirement, goalValue } from '../model/goals.js';
import { addMoment, createMoments, mergeMoments, type Moments } from './moments.js';

/**
 * Paired statistics of a scenario against a counterfactual run on the same random numbers:
 * per goal, the difference in met (0/±1) and in value; the scenario's total spend; and the
 * cross moment Σ spend·Δ that the ratio "yuan per additional firm" needs for its standard error.
 */
export interface EffectAccumulator {
  goals: { met: Moments; value: Moments; spendTimesValue: number }[];
  spend: Moments;
}

export function createEffectAccumulator(model: CompiledModel): EffectAccumulator {
  return {
    goals: model.goals.map(() => ({ met: createMoments(), value: createMoments(), spendTimesValue: 0 })),
    spend: createMoments(),
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
  addMoment(acc.spend, spend);
  model.goals.forEach((g, i) => {
    const cg = counterfactual.goals[i];
    const ga = acc.goals[i];
    if (cg === undefined || ga === undefined) return;
    const v = goalValue(g, out, nYears, g.yearIndex);
    const vb = goalValue(cg, base, counterfactual.years.length, cg.yearIndex);
    const met = goalMet(g, v, goalRequirement(g, out, nYears)) ? 1 : 0;
    const metB = goalMet(cg, vb, goalRequirement(cg, base, counterfactual.years.length)) ? 1 : 0;
    addMoment(ga.met, met - metB);
    addMoment(ga.value, v - vb);
    ga.spendTimesValue += spend * (v - vb);
  });
}

export function mergeEffect(into: EffectAccumulator, from: EffectAccumulator): void {
  mergeMoments(into.spend, from.spend);
  from.goals.forEach((g, i) => {
    const t = into.goals[i];
    if (t === undefined) return;
    mergeMoments(t.met, g.met);
    mergeMoments(t.value, g.value);
    t.spendTimesValue += g.spendTimesValue;
  });
}
