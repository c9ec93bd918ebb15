import { z } from 'zod';
import { ObsKind, Qualifier } from './observed.js';

/** A forecast of one figure and how it scored (interval scores at α = 0.5 and 0.1; CRPS). */
export const ForecastScore = z.strictObject({
  p05: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
  in50: z.boolean(),
  in90: z.boolean(),
  is50: z.number(),
  is90: z.number(),
  crps: z.number(),
});
export type ForecastScore = z.output<typeof ForecastScore>;

export const BacktestRow = z.strictObject({
  origin: z.number().int(),
  line: z.number().int(),
  measure: z.string(),
  year: z.string(),
  kind: ObsKind,
  qualifier: Qualifier,
  value: z.number(),
  /** years after the origin */
  lead: z.number().int(),
  model: ForecastScore,
  /** the naive linear-trend band; null where the series has fewer than two earlier points */
  naive: ForecastScore.nullable(),
});
export type BacktestRow = z.output<typeof BacktestRow>;

/** Averages over scored figures. */
export const ScoreSummary = z.strictObject({
  n: z.number().int(),
  cover50: z.number(),
  cover90: z.number(),
  meanIs50: z.number(),
  meanIs90: z.number(),
  meanCrps: z.number(),
});
export type ScoreSummary = z.output<typeof ScoreSummary>;

export const BacktestOrigin = z.strictObject({
  origin: z.number().int(),
  baseYear: z.number().int(),
  rows: z.array(BacktestRow),
  /** figures after the origin that are not scored, and why */
  skipped: z.array(
    z.strictObject({ line: z.number().int(), measure: z.string(), year: z.string(), reason: z.string() }),
  ),
  warnings: z.array(z.string()),
});

/** What `ladder backtest --json` prints. */
export const Backtest = z.strictObject({
  region: z.string(),
  observedFile: z.string(),
  breakYear: z.number().int().nullable(),
  seed: z.string(),
  particles: z.number().int(),
  origins: z.array(BacktestOrigin),
  /** the model over every scored figure, and both methods over the figures the naive band covers */
  summary: z.strictObject({
    model: ScoreSummary.nullable(),
    modelOnPaired: ScoreSummary.nullable(),
    naiveOnPaired: ScoreSummary.nullable(),
  }),
});
export type Backtest = z.output<typeof Backtest>;
