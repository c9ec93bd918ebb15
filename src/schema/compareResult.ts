import { z } from 'zod';
import { GoalEstimate, GoalRef, PairedDifference, SpendEstimate } from './analysisCommon.js';

/** Why a goal of the first scenario is left out of a comparison (the English of every output). */
export const OmittedReason = z.enum([
  'the plan has no such goal',
  'not evaluated (after the horizon)',
  'defined differently in this scenario’s plan',
]);
export type OmittedReason = z.output<typeof OmittedReason>;

/** The JSON that `ladder compare --json` prints and `summary.json` of a comparison holds. */
export const CompareResult = z.strictObject({
  kind: z.literal('compare'),
  version: z.string(),
  runs: z.number().int(),
  /** every scenario runs on this seed: trajectory i sees the same random numbers in each */
  seed: z.string(),
  scenarios: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      plan: z.string(),
      policy: z.enum(['as-written', 'status-quo']),
      source: z.string(),
    }),
  ),
  /** the goals compared: those of the first scenario that every other scenario evaluates the same way */
  goals: z.array(GoalRef),
  /** goals left out, and why */
  omittedGoals: z.array(z.strictObject({ scenario: z.string(), goal: z.string(), reason: OmittedReason })),
  /** per scenario, in the order given */
  results: z.array(
    z.strictObject({
      scenario: z.string(),
      goals: z.array(GoalEstimate),
      spend: SpendEstimate,
    }),
  ),
  /** each scenario after the first, minus the first, trajectory by trajectory */
  differences: z.array(
    z.strictObject({
      scenario: z.string(),
      against: z.string(),
      goals: z.array(
        z.strictObject({
          id: z.string(),
          /** P(met) of the scenario − P(met) of the first */
          probability: PairedDifference,
          /** the goal's value (count) of the scenario − that of the first */
          value: PairedDifference,
          /**
           * Δspend / Δvalue when both differences have the same sign: yuan per firm of the
           * difference, either way; null otherwise. Delta-method SE.
           */
          yuanPerFirm: z.number().nullable(),
          yuanPerFirmStdErr: z.number().nullable(),
        }),
      ),
      spend: PairedDifference,
    }),
  ),
  warnings: z.array(z.string()),
});
export type CompareResult = z.output<typeof CompareResult>;
