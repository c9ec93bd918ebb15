import type { CompiledModel } from '../model/compile.js';
import {
  createEffectAccumulator,
  effectFromJson,
  effectToJson,
  mergeEffect,
  type EffectAccumulator,
  type EffectJson,
} from './effect.js';
import { goalMet, goalRequirement, goalValue } from '../model/goals.js';
import {
  addValue,
  createHistogram,
  histogramFromJson,
  histogramToJson,
  mergeInto,
  type HistogramJson,
  type IntHistogram,
} from './histogram.js';

/** What is kept of every goal across trajectories. All counts: merges are exact. */
export interface GoalAccumulator {
  /** trajectories meeting the goal's criterion in each year (base year first) */
  metByYear: Float64Array;
  /** first year index the criterion holds (index nYears: not reached by the goal year) */
  firstReached: Float64Array;
  /** the goal's value in its year */
  value: IntHistogram;
  /** requirement − value in the goal year, for trajectories that miss (rounded up) */
  shortfall: IntHistogram;
}

/** What is kept of every budget line across trajectories. */
export interface BudgetAccumulator {
  /** trajectories whose promises exceed the cap (over the period, or in some year) */
  overspent: number;
  /** money paid over the budget's years (yuan) */
  spend: IntHistogram;
  /** money promised over the budget's years (yuan) */
  demand: IntHistogram;
}

/** Streaming results of a set of trajectories: memory does not grow with their number. */
export interface Accumulator {
  runs: number;
  /** one histogram per (measure, year): index m · nYears + y */
  series: IntHistogram[];
  goals: GoalAccumulator[];
  budgets: BudgetAccumulator[];
  /** paired statistics against the counterfactual, when the model carries one */
  effect?: EffectAccumulator | undefined;
}

export function createAccumulator(model: CompiledModel): Accumulator {
  const nYears = model.years.length;
  return {
    runs: 0,
    series: Array.from({ length: model.measures.length * nYears }, createHistogram),
    goals: model.goals.map(() => ({
      metByYear: new Float64Array(nYears),
      firstReached: new Float64Array(nYears + 1),
      value: createHistogram(),
      shortfall: createHistogram(),
    })),
    budgets: model.budgets.map(() => ({ overspent: 0, spend: createHistogram(), demand: createHistogram() })),
    ...(model.counterfactual !== undefined ? { effect: createEffectAccumulator(model) } : {}),
  };
}

/** Adds one trajectory's measure buffer. */
export function accumulate(model: CompiledModel, acc: Accumulator, out: Float64Array): void {
  const nYears = model.years.length;
  acc.runs += 1;
  for (let i = 0; i < acc.series.length; i++) {
    const h = acc.series[i];
    if (h !== undefined) addValue(h, out[i] ?? 0);
  }
  for (let gi = 0; gi < model.goals.length; gi++) {
    const goal = model.goals[gi];
    const ga = acc.goals[gi];
    if (goal === undefined || ga === undefined) continue;
    const req = goalRequirement(goal, out, nYears);
    let first = nYears;
    for (let y = 0; y < nYears; y++) {
      const v = goalValue(goal, out, nYears, y);
      if (goalMet(goal, v, req)) {
        ga.metByYear[y] = (ga.metByYear[y] ?? 0) + 1;
        if (first === nYears && y <= goal.yearIndex && y > 0) first = y;
      }
    }
    ga.firstReached[first] = (ga.firstReached[first] ?? 0) + 1;
    const v = goalValue(goal, out, nYears, goal.yearIndex);
    addValue(ga.value, v);
    if (!goalMet(goal, v, req)) addValue(ga.shortfall, Math.max(1, Math.ceil(req - v)));
  }
  for (let b = 0; b < model.budgets.length; b++) {
    const bud = model.budgets[b];
    const ba = acc.budgets[b];
    if (bud === undefined || ba === undefined) continue;
    let spend = 0;
    let demand = 0;
    let over = false;
    for (let y = 0; y < nYears; y++) {
      if (bud.active[y] !== 1) continue;
      const d = out[bud.demandMeasure * nYears + y] ?? 0;
      spend += out[bud.spendMeasure * nYears + y] ?? 0;
      demand += d;
      if (bud.per === 'year' && d > bud.amount) over = true;
    }
    if (bud.per === 'period' && demand > bud.amount) over = true;
    if (over && bud.kind === 'cap') ba.overspent += 1;
    addValue(ba.spend, spend);
    addValue(ba.demand, demand);
  }
}

/** Adds `from` into `into` (same model). Exact and independent of order. */
export function mergeAccumulators(into: Accumulator, from: Accumulator): void {
  into.runs += from.runs;
  from.series.forEach((h, i) => {
    const t = into.series[i];
    if (t !== undefined) mergeInto(t, h);
  });
  from.goals.forEach((g, i) => {
    const t = into.goals[i];
    if (t === undefined) return;
    for (let y = 0; y < g.metByYear.length; y++)
      t.metByYear[y] = (t.metByYear[y] ?? 0) + (g.metByYear[y] ?? 0);
    for (let y = 0; y < g.firstReached.length; y++)
      t.firstReached[y] = (t.firstReached[y] ?? 0) + (g.firstReached[y] ?? 0);
    mergeInto(t.value, g.value);
    mergeInto(t.shortfall, g.shortfall);
  });
  from.budgets.forEach((b, i) => {
    const t = into.budgets[i];
    if (t === undefined) return;
    t.overspent += b.overspent;
    mergeInto(t.spend, b.spend);
    mergeInto(t.demand, b.demand);
  });
  if (from.effect !== undefined) {
    if (into.effect === undefined) into.effect = effectFromJson(effectToJson(from.effect));
    else mergeEffect(into.effect, from.effect);
  }
}

/** JSON form of an accumulator (for partial results written by shards or workers). */
export interface AccumulatorJson {
  runs: number;
  series: HistogramJson[];
  goals: { metByYear: number[]; firstReached: number[]; value: HistogramJson; shortfall: HistogramJson }[];
  budgets: { overspent: number; spend: HistogramJson; demand: HistogramJson }[];
  effect?: EffectJson | undefined;
}

export function accumulatorToJson(acc: Accumulator): AccumulatorJson {
  return {
    runs: acc.runs,
    series: acc.series.map(histogramToJson),
    goals: acc.goals.map((g) => ({
      metByYear: [...g.metByYear],
      firstReached: [...g.firstReached],
      value: histogramToJson(g.value),
      shortfall: histogramToJson(g.shortfall),
    })),
    budgets: acc.budgets.map((b) => ({
      overspent: b.overspent,
      spend: histogramToJson(b.spend),
      demand: histogramToJson(b.demand),
    })),
    ...(acc.effect !== undefined ? { effect: effectToJson(acc.effect) } : {}),
  };
}

export function accumulatorFromJson(j: AccumulatorJson): Accumulator {
  return {
    runs: j.runs,
    series: j.series.map(histogramFromJson),
    goals: j.goals.map((g) => ({
      metByYear: Float64Array.from(g.metByYear),
      firstReached: Float64Array.from(g.firstReached),
      value: histogramFromJson(g.value),
      shortfall: histogramFromJson(g.shortfall),
    })),
    budgets: j.budgets.map((b) => ({
      overspent: b.overspent,
      spend: histogramFromJson(b.spend),
      demand: histogramFromJson(b.demand),
    })),
    ...(j.effect !== undefined ? { effect: effectFromJson(j.effect) } : {}),
  };
}
