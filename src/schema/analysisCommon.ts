import { z } from 'zod';

/** A difference of two scenarios' means, with the paired and the unpaired standard error. */
export const PairedDifference = z.strictObject({
  diff: z.number(),
  /** SE of the mean per-trajectory difference (common random numbers) */
  pairedStdErr: z.number(),
  /** SE had the two been run on independent random numbers: √(SE₁² + SE₂²) */
  unpairedStdErr: z.number(),
});
export type PairedDifference = z.output<typeof PairedDifference>;

/** A projected goal as the analyses list it. */
export const GoalRef = z.strictObject({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  measure: z.string(),
  year: z.number().int(),
  comparison: z.string(),
  target: z.number(),
  /** the year `x-base` and `net-gain` goals are measured from */
  baseYear: z.number().int(),
});
export type GoalRef = z.output<typeof GoalRef>;

/** P(met) with its SE √(p(1 − p)/runs), and the goal's value in its year: mean, median, 90% interval. */
export const GoalEstimate = z.strictObject({
  id: z.string(),
  probability: z.number().min(0).max(1),
  probabilityStdErr: z.number().min(0),
  mean: z.number(),
  p05: z.number(),
  p50: z.number(),
  p95: z.number(),
});
export type GoalEstimate = z.output<typeof GoalEstimate>;

/** Total spend over the simulated years (yuan): mean with its SE, and quantiles. */
export const SpendEstimate = z.strictObject({
  mean: z.number(),
  stdErr: z.number(),
  p05: z.number(),
  p50: z.number(),
  p95: z.number(),
});
export type SpendEstimate = z.output<typeof SpendEstimate>;

/** The number a sweep or goal-seek varies. */
export const LeverDescription = z.strictObject({
  /** the reference as given (`first-cert-reward`, `budget:hnte-cultivation`, `priors.x.high`, …) */
  ref: z.string(),
  kind: z.enum(['amount', 'budget', 'prior', 'base', 'multiplier']),
  /** the scenario field it sets, as a --set path */
  path: z.string(),
  /** the amount's unit (`yuan-per-firm`, `share`, …), `yuan` for a budget, else null */
  unit: z.string().nullable(),
  /** its value in the scenario (null when the scenario does not set it) */
  current: z.number().nullable(),
});
export type LeverDescription = z.output<typeof LeverDescription>;
