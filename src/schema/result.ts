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
  warnings: z.array(z.string()),
});
export type RunSummary = z.output<typeof RunSummary>;
