import { z } from 'zod';
import { GoalRef, LeverDescription } from './analysisCommon.js';

/** One lever value the search evaluated. */
export const SeekEvaluation = z.strictObject({
  value: z.number(),
  probability: z.number(),
  probabilityStdErr: z.number(),
  /** mean total spend over the simulated years (yuan) */
  spend: z.number(),
});
export type SeekEvaluation = z.output<typeof SeekEvaluation>;

/** The JSON that `ladder goal-seek --json` prints and `summary.json` of a goal-seek holds. */
export const GoalSeekResult = z.strictObject({
  kind: z.literal('goal-seek'),
  version: z.string(),
  scenario: z.string(),
  plan: z.string(),
  source: z.string(),
  runs: z.number().int(),
  seed: z.string(),
  lever: LeverDescription,
  goal: GoalRef,
  /** the probability P(goal) must reach */
  probability: z.number(),
  /** the range searched */
  range: z.strictObject({ lower: z.number(), upper: z.number() }),
  tolerance: z.number(),
  result: z.discriminatedUnion('status', [
    z.strictObject({
      status: z.literal('found'),
      /** the smallest value found with P(goal) ≥ probability (to the tolerance) */
      value: z.number(),
      at: SeekEvaluation,
      /** lever values whose P is within 2 SE of the threshold */
      interval: z.strictObject({ low: z.number(), high: z.number(), openHigh: z.boolean() }),
    }),
    z.strictObject({ status: z.literal('at-lower-bound'), value: z.number(), at: SeekEvaluation }),
    z.strictObject({ status: z.literal('not-reachable'), upper: z.number(), at: SeekEvaluation }),
    z.strictObject({
      status: z.literal('not-converged'),
      bracket: z.tuple([z.number(), z.number()]),
    }),
  ]),
  evaluations: z.array(SeekEvaluation),
  warnings: z.array(z.string()),
});
export type GoalSeekResult = z.output<typeof GoalSeekResult>;
