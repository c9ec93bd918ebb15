import { z } from 'zod';
import { GoalEstimate, GoalRef, LeverDescription, SpendEstimate } from './analysisCommon.js';

/** The JSON that `ladder sweep --json` prints and `summary.json` of a sweep holds. */
export const SweepResult = z.strictObject({
  kind: z.literal('sweep'),
  version: z.string(),
  scenario: z.string(),
  plan: z.string(),
  source: z.string(),
  runs: z.number().int(),
  /** every value runs on this seed: trajectory i sees the same random numbers at each value */
  seed: z.string(),
  lever: LeverDescription,
  goals: z.array(GoalRef),
  points: z.array(
    z.strictObject({
      value: z.number(),
      goals: z.array(
        GoalEstimate.extend({
          /** P(met) here − at the previous value, with its paired SE; null at the first value */
          fromPrevious: z.strictObject({ diff: z.number(), pairedStdErr: z.number() }).nullable(),
        }),
      ),
      spend: SpendEstimate,
      /** P(promises exceed the cap) of each cap budget line */
      budgets: z.array(
        z.strictObject({ id: z.string(), overspendProbability: z.number(), overspendStdErr: z.number() }),
      ),
    }),
  ),
  warnings: z.array(z.string()),
});
export type SweepResult = z.output<typeof SweepResult>;
