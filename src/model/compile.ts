import type { Mark } from '../schema/measure.js';
import { measuresOf } from '../schema/measure.js';
import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { BaseCount, Goal, LeverType, Plan } from '../schema/plan.js';
import { LEVER_RESPONSES, type LeverResponse } from './leverResponses.js';
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

/** A lever as the trajectory applies it. */
export interface CompiledLever {
  readonly id: string;
  readonly type: LeverType;
  readonly response: LeverResponse;
  /** 1 in the years (by index into `years`) the lever runs (and spends) */
  readonly active: Uint8Array;
  /** 1 in the years its response acts: active, and no earlier lever of the same type active */
  readonly acts: Uint8Array;
  /** a count amount spread over the lever's years (centres a year), else 0 */
  readonly countPerYear: number;
  /** all count amounts added up (2 national + 5 provincial incubators), NaN when none */
  readonly countTotal: number;
  /** the subsidy as a share of the extra deduction, NaN when the lever is not stated so */
  readonly shareOfDeduction: number;
  /** years since the lever started (0 in its first year), by year index */
  readonly age: Int32Array;
  /** main amount: yuan per firm, a share, or a count; NaN when the plan gives none */
  readonly amount: number;
  /** a second, higher per-firm amount for some firms (Jiangmen 人才岛); NaN when none */
  readonly amount2: number;
  /** the amount is an upper bound ("最高") */
  readonly atMost: boolean;
  /** yuan a year (for yuan-per-year amounts), else 0 */
  readonly perYear: number;
  /** index into `budgets` of the budget that pays for it, −1 when none */
  readonly budget: number;
  /** index of the lever's outlay measure, −1 when it spends nothing the model can count */
  readonly outlayMeasure: number;
}

/** A budget line: a cap rations the levers it pays for; a floor is money promised. */
export interface CompiledBudget {
  readonly id: string;
  readonly kind: 'cap' | 'floor';
  /** yuan, per period or per year */
  readonly amount: number;
  readonly per: 'period' | 'year';
  /** 1 in the budget's years, by year index */
  readonly active: Uint8Array;
  readonly spendMeasure: number;
  readonly demandMeasure: number;
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
  /** multiplier on first-certificate applications by year index (1 when not set) */
  readonly applicationMultiplier: Float64Array;
  readonly levers: readonly CompiledLever[];
  readonly budgets: readonly CompiledBudget[];
  /** index of the total spend measure (`spend`), −1 when the plan has no money measures */
  readonly spendMeasure: number;
  /** draw parameters from these weighted samples (a calibrated posterior) instead of `params` */
  readonly samples?: ParamSamples;
  /** rates that shift from a break year on (see paramSource.ts) */
  readonly regimeBreak?: RegimeBreak;
  /**
   * The same plan without its levers, run on the same streams trajectory by trajectory to
   * measure what the levers buy (see compileRunModel).
   */
  readonly counterfactual?: CompiledModel;
}

/**
 * Levers whose fiscal outlay the model counts: per-firm rewards, an R&D subsidy stated as a share
 * of the deduction, a yearly award. Fund sizes and society-wide R&D targets are not fiscal outlays.
 */
function spendsMoney(l: Plan['levers'][number]): boolean {
  const form = LEVER_RESPONSES[l.type].form;
  const unit = l.amounts[0]?.amount.unit;
  return (
    (form === 'reward' && unit === 'yuan-per-firm') ||
    (form === 'rd-subsidy' && unit === 'share-of-deduction') ||
    (form === 'money-only' && unit === 'yuan-per-year')
  );
}

/**
 * The money measures of a plan: total spend, spend and demand per budget, outlay per lever; none
 * for a plan without levers or budgets (a bare region).
 */
export function moneyMeasures(plan: Plan): string[] {
  if (plan.levers.length === 0 && plan.budgets.length === 0) return [];
  return [
    'spend',
    ...plan.budgets.flatMap((b) => [`spend:${b.id}`, `demand:${b.id}`]),
    ...plan.levers.filter(spendsMoney).map((l) => `outlay:${l.id}`),
  ];
}

function yearMask(years: readonly number[], from: number, to: number): Uint8Array {
  return Uint8Array.from(years, (y, i) => (i > 0 && y >= from && y <= to ? 1 : 0));
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
  const measures = [...measuresOf(plan.sectors.length > 0 ? strata : [], marks), ...moneyMeasures(plan)];
  const years: number[] = [];
  for (let y = plan.baseYear; y <= s.horizon; y++) years.push(y);
  const budgets: CompiledBudget[] = plan.budgets.map((b) => ({
    id: b.id,
    kind: b.kind,
    amount: b.amount,
    per: b.per,
    active: yearMask(years, b.years.from, b.years.to),
    spendMeasure: measures.indexOf(`spend:${b.id}`),
    demandMeasure: measures.indexOf(`demand:${b.id}`),
  }));
  const leversRaw = plan.levers.map((l) => {
    const from = l.years?.from ?? plan.period.from;
    const to = l.years?.to ?? plan.period.to;
    const first = l.amounts[0]?.amount;
    const second = l.amounts[1]?.amount;
    const budgetId = l.budgets[0];
    return {
      id: l.id,
      type: l.type,
      response: LEVER_RESPONSES[l.type],
      active: yearMask(years, from, to),
      age: Int32Array.from(years, (y) => y - from),
      // an R&D subsidy acts through its share of the deduction; a count of funded projects is no share
      amount:
        first === undefined ||
        first.unit === 'yuan-per-year' ||
        (l.type === 'rd-subsidy' && first.unit !== 'share-of-deduction')
          ? Number.NaN
          : first.value,
      amount2: second !== undefined && second.unit === first?.unit ? second.value : Number.NaN,
      atMost: first?.bound === 'at-most',
      perYear: first?.unit === 'yuan-per-year' ? first.value : 0,
      budget: budgetId === undefined ? -1 : plan.budgets.findIndex((b) => b.id === budgetId),
      outlayMeasure: spendsMoney(l) ? measures.indexOf(`outlay:${l.id}`) : -1,
      countPerYear: first?.unit === 'count' ? first.value / Math.max(1, to - from + 1) : 0,
      countTotal: l.amounts.some((a) => a.amount.unit === 'count')
        ? l.amounts.reduce((t, a) => t + (a.amount.unit === 'count' ? a.amount.value : 0), 0)
        : Number.NaN,
      shareOfDeduction: first?.unit === 'share-of-deduction' ? first.value : Number.NaN,
    };
  });
  const levers: CompiledLever[] = leversRaw.map((l, i) => ({
    ...l,
    acts: Uint8Array.from(l.active, (a, y) =>
      a === 1 && !leversRaw.slice(0, i).some((e) => e.type === l.type && e.active[y] === 1) ? 1 : 0,
    ),
  }));
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
    applicationMultiplier: Float64Array.from(years, (y) => s.applicationMultiplier[String(y)] ?? 1),
    levers,
    budgets,
    spendMeasure: measures.indexOf('spend'),
  };
}

/**
 * The model `ladder run` runs: the scenario's, carrying its status-quo counterfactual when the
 * plan's levers act, so every trajectory is also run without them (common random numbers).
 */
export function compileRunModel(s: ResolvedScenario): CompiledModel {
  const model = compileModel(s);
  if (s.policy === 'status-quo' || s.plan.levers.length === 0) return model;
  return {
    ...model,
    counterfactual: compileModel({ ...s, policy: 'status-quo', plan: { ...s.plan, levers: [] } }),
  };
}
