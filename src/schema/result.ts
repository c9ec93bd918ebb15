import { z } from 'zod';

export const Quantiles3 = z.strictObject({ p05: z.number(), p50: z.number(), p95: z.number() });

/**
 * A compact histogram of a goal's value in its year: `counts[i]` trajectories fell in
 * [from + i·width, from + (i + 1)·width); `below` and `above` count those outside the bins.
 * For a fixed target the bin edges fall on the threshold, so every bin is wholly met or missed.
 */
export const GoalDistribution = z.strictObject({
  from: z.number(),
  width: z.number().int().min(1),
  counts: z.array(z.number().int().min(0)),
  below: z.number().int().min(0),
  above: z.number().int().min(0),
});
export type GoalDistribution = z.output<typeof GoalDistribution>;

export const GoalResult = z.strictObject({
  id: z.string(),
  /** the plan's own words (Chinese) */
  label: z.string(),
  labelEn: z.string(),
  measure: z.string(),
  year: z.number().int(),
  comparison: z.string(),
  target: z.number(),
  /** P(goal met in its year) */
  probability: z.number().min(0).max(1),
  /** Monte Carlo standard error of `probability`: sqrt(p(1 − p)/runs) */
  probabilityStdErr: z.number().min(0),
  /** the goal's value in its year (the count, or the new count since the base year) */
  quantiles: Quantiles3,
  /** histogram of the goal's value in its year (the trajectories of `quantiles`) */
  distribution: GoalDistribution,
  /** P(criterion holds) in each simulated year */
  byYear: z.array(z.strictObject({ year: z.number().int(), probability: z.number() })),
  /** distribution of the first year the criterion holds, up to the goal year */
  firstReached: z.array(z.strictObject({ year: z.number().int(), probability: z.number() })),
  /** shortfall when missed: requirement − value, over the trajectories that miss */
  shortfall: z.strictObject({
    probability: z.number(),
    p50: z.number().nullable(),
    p95: z.number().nullable(),
  }),
});
export type GoalResult = z.output<typeof GoalResult>;

export const SeriesRow = z.strictObject({
  measure: z.string(),
  year: z.number().int(),
  p05: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
  mean: z.number(),
});
export type SeriesRow = z.output<typeof SeriesRow>;

export const QualitativeGoal = z.strictObject({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  year: z.number().int(),
  note: z.string(),
});

export const BudgetResult = z.strictObject({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  kind: z.enum(['cap', 'floor']),
  per: z.enum(['period', 'year']),
  /** yuan, per period or per year */
  amount: z.number(),
  from: z.number().int(),
  to: z.number().int(),
  /** money paid over the budget's years (yuan): mean and 90% interval */
  spend: z.strictObject({ mean: z.number(), p05: z.number(), p50: z.number(), p95: z.number() }),
  /** money promised over the budget's years (yuan), before any rationing */
  demand: z.strictObject({ mean: z.number(), p05: z.number(), p50: z.number(), p95: z.number() }),
  /** P(promises exceed the cap); null for a floor */
  overspendProbability: z.number().nullable(),
  overspendStdErr: z.number().nullable(),
});
export type BudgetResult = z.output<typeof BudgetResult>;

export const LeverResult = z.strictObject({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  type: z.string(),
  /** the rate it moves, or "none" */
  target: z.string(),
  evidence: z.enum(['sourced', 'partly-sourced', 'none']),
  from: z.number().int(),
  to: z.number().int(),
  note: z.string(),
});
export type LeverResult = z.output<typeof LeverResult>;

/** What the scenario buys against the same plan without its levers (paired, common random numbers). */
export const EffectResult = z.strictObject({
  against: z.literal('status-quo'),
  /** total spend over the simulated years (yuan) */
  spend: z.strictObject({ mean: z.number(), stdErr: z.number() }),
  goals: z.array(
    z.strictObject({
      id: z.string(),
      measure: z.string(),
      year: z.number().int(),
      /** P(met) with the levers − P(met) without */
      probabilityGain: z.number(),
      probabilityGainStdErr: z.number(),
      /** the goal's value with the levers − without (additional firms) */
      valueGain: z.number(),
      valueGainStdErr: z.number(),
      /** mean spend / mean additional firms, with its delta-method SE; null when no firm is added */
      yuanPerAdditional: z.number().nullable(),
      yuanPerAdditionalStdErr: z.number().nullable(),
    }),
  ),
});
export type EffectResult = z.output<typeof EffectResult>;

/** The JSON that `ladder run --json` prints and `summary.json` holds. */
export const RunSummary = z.strictObject({
  scenario: z.string(),
  plan: z.string(),
  seed: z.string(),
  runs: z.number().int(),
  version: z.string(),
  baseYear: z.number().int(),
  horizon: z.number().int(),
  goals: z.array(GoalResult),
  qualitativeGoals: z.array(QualitativeGoal),
  series: z.array(SeriesRow),
  policy: z.enum(['as-written', 'status-quo']),
  levers: z.array(LeverResult),
  budgets: z.array(BudgetResult),
  effect: EffectResult.nullable(),
  warnings: z.array(z.string()),
});
export type RunSummary = z.output<typeof RunSummary>;
