import type { CompiledModel } from '../model/compile.js';
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

/** Streaming results of a set of trajectories: memory does not grow with their number. */
export interface Accumulator {
  runs: number;
  /** one histogram per (measure, year): index m · nYears + y */
  series: IntHistogram[];
  goals: GoalAccumulator[];
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
}

/** JSON form of an accumulator (for partial results written by shards or workers). */
export interface AccumulatorJson {
  runs: number;
  series: HistogramJson[];
  goals: { metByYear: number[]; firstReached: number[]; value: HistogramJson; shortfall: HistogramJson }[];
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
  };
}
