import type { Mark } from '../schema/measure.js';
import { measuresOf } from '../schema/measure.js';
import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { BaseCount, Goal } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { ParamSamples, RegimeBreak } from './paramSource.js';
import { priorQuantile, type Quantile } from './priorQuantile.js';

/** A base count as the trajectory draws it: uniform on [low, high], rounded; fixed if low = high. */
export interface BaseRange {
  readonly low: number;
  readonly high: number;
}

export interface CompiledGoal {
  readonly id: string;
  readonly measureIndex: number;
  readonly comparison: Extract<Goal, { kind: 'projected' }>['comparison'];
  readonly target: number;
  /** index into `years` */
  readonly yearIndex: number;
  /** whether the measure is a yearly flow summed since the base year */
  readonly cumulative: boolean;
}

/** Everything a trajectory needs, precomputed once per scenario. */
export interface CompiledModel {
  /** strata the state is split into: named sectors then `other`, or `all` */
  readonly strata: readonly string[];
  readonly marks: readonly Mark[];
  readonly measures: readonly string[];
  /** base year first, then each simulated year up to the horizon */
  readonly years: readonly number[];
  readonly params: readonly Quantile[];
  readonly base: {
    readonly tsme: BaseRange;
    readonly hnte: BaseRange;
    readonly srdi: BaseRange;
    readonly giant: BaseRange;
    readonly listed: BaseRange;
    /** 高企 base count of each named sector stratum (all strata but the last, `other`) */
    readonly sectors: readonly BaseRange[];
    readonly marks: readonly BaseRange[];
  };
  readonly markShareOfNew: readonly Quantile[];
  readonly markGainRate: readonly Quantile[];
  readonly goals: readonly CompiledGoal[];
  /** draw parameters from these weighted samples (a calibrated posterior) instead of `params` */
  readonly samples?: ParamSamples;
  /** rates that shift from a break year on (see paramSource.ts) */
  readonly regimeBreak?: RegimeBreak;
}

function range(b: BaseCount | undefined): BaseRange {
  if (b === undefined) return { low: 0, high: 0 };
  return { low: b.low ?? b.value, high: b.high ?? b.value };
}

/** Index of each parameter in the drawn parameter vector. */
export const PARAM_INDEX: Readonly<Record<ParamName, number>> = Object.fromEntries(
  PARAM_NAMES.map((n, i) => [n, i]),
) as Record<ParamName, number>;

/** Compiles a resolved scenario into the arrays and closures the hot loop uses. */
export function compileModel(s: ResolvedScenario): CompiledModel {
  const plan = s.plan;
  const named = plan.sectors.filter((x) => x !== 'other');
  const strata = named.length > 0 ? [...named, 'other'] : ['all'];
  const marks = (Object.keys(plan.marks) as Mark[]).sort();
  const measures = measuresOf(plan.sectors.length > 0 ? strata : [], marks);
  const years: number[] = [];
  for (let y = plan.baseYear; y <= s.horizon; y++) years.push(y);
  const goals: CompiledGoal[] = [];
  for (const g of plan.goals) {
    if (g.kind !== 'projected' || g.year > s.horizon) continue;
    const measureIndex = measures.indexOf(g.measure);
    if (measureIndex < 0) continue; // unreachable: the plan schema checks measures
    goals.push({
      id: g.id,
      measureIndex,
      comparison: g.comparison,
      target: g.target,
      yearIndex: g.year - plan.baseYear,
      cumulative: g.comparison === 'new-since-base',
    });
  }
  return {
    strata,
    marks,
    measures,
    years,
    params: PARAM_NAMES.map((n) => priorQuantile(s.priors[n])),
    base: {
      tsme: range(plan.base['tsme']),
      hnte: range(plan.base['hnte']),
      srdi: range(plan.base['srdi']),
      giant: range(plan.base['giant']),
      listed: range(plan.base['listed']),
      sectors: named.map((x) => range(plan.base[`hnte:${x}`])),
      marks: marks.map((m) => range(plan.base[`hnte:${m}`])),
    },
    markShareOfNew: marks.map((m) =>
      priorQuantile(plan.marks[m]?.shareOfNew ?? { dist: 'fixed', value: 0, tag: 'I', source: '' }),
    ),
    markGainRate: marks.map((m) =>
      priorQuantile(plan.marks[m]?.gainRate ?? { dist: 'fixed', value: 0, tag: 'I', source: '' }),
    ),
    goals,
  };
}
