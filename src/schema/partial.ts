import { z } from 'zod';
import { ResolvedScenario } from './scenario.js';

/** The format tag of a partial-result file. */
export const PARTIAL_FORMAT = 'ladder-partial/1';

/** Largest histogram bucket index: values up to 2^53 (see engine/histogram.ts). */
const MAX_BUCKET = 4096 + 42 * 2048;

const Count = z.number().int().min(0);

/** A histogram in sparse form: [bucket, count] pairs in bucket order. */
export const HistogramJson = z.strictObject({
  total: Count,
  sum: Count,
  buckets: z.array(z.tuple([Count.max(MAX_BUCKET), Count.min(1)])),
});

/** An exact integer written as decimal text (BigInt sums). */
const BigIntText = z.string().regex(/^-?\d+$/, 'an integer');

/** Exact running sums (engine/effect.ts): n, Σx, Σx² as decimal text. */
const ExactMomentsJson = z.strictObject({ n: Count, sum: BigIntText, sumSq: BigIntText });

/** An accumulator in JSON form (engine/accumulator.ts `accumulatorToJson`). */
export const AccumulatorJson = z.strictObject({
  runs: Count,
  series: z.array(HistogramJson),
  goals: z.array(
    z.strictObject({
      metByYear: z.array(Count),
      firstReached: z.array(Count),
      value: HistogramJson,
      shortfall: HistogramJson,
    }),
  ),
  budgets: z.array(z.strictObject({ overspent: Count, spend: HistogramJson, demand: HistogramJson })),
  effect: z
    .strictObject({
      goals: z.array(
        z.strictObject({ met: ExactMomentsJson, value: ExactMomentsJson, spendTimesValue: BigIntText }),
      ),
      spend: ExactMomentsJson,
    })
    .optional(),
});

/**
 * The result of one shard of a run (`ladder run … --shard i/n`): the resolved scenario, which
 * blocks of trajectories the shard ran, and their accumulator. `ladder merge` adds the parts of
 * all n shards into the single-machine result. `scenarioHash` is the SHA-256 of the canonical
 * JSON of { format, version, scenario }: parts of different scenarios, seeds, run counts or ladder
 * versions do not merge.
 */
export const PartialResult = z.strictObject({
  format: z.literal(PARTIAL_FORMAT),
  version: z.string(),
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  shard: z
    .strictObject({ index: Count, count: Count.min(1) })
    .refine((s) => s.index < s.count, { message: 'the shard index must be below the shard count' }),
  scenario: ResolvedScenario,
  accumulator: AccumulatorJson,
});
export type PartialResult = z.output<typeof PartialResult>;
