import { z } from 'zod';
import { ObsKind, Qualifier } from './observed.js';
import { Prior } from './prior.js';
import { SeriesRow } from './result.js';

/** Format tag of a posterior file; a file with another tag is refused. */
export const POSTERIOR_FORMAT = 'ladder-posterior/1';

/** Prior → posterior of one calibrated coordinate. */
export const CoordinateSummary = z.strictObject({
  name: z.string(),
  /** a model parameter, a base count (the 高企 count or another tier's ratio to it), an observation parameter, the break multiplier */
  group: z.enum(['param', 'base', 'observation', 'break']),
  prior: Prior,
  priorMean: z.number(),
  priorSd: z.number(),
  priorP05: z.number(),
  priorP95: z.number(),
  mean: z.number(),
  sd: z.number(),
  p05: z.number(),
  p50: z.number(),
  p95: z.number(),
  /** 1 − posterior variance / prior variance: 0 the data say nothing, 1 they pin it */
  shrinkage: z.number(),
});
export type CoordinateSummary = z.output<typeof CoordinateSummary>;

/** One row of the region's observations, and what the fit makes of it. */
export const FitRow = z.strictObject({
  line: z.number().int(),
  measure: z.string(),
  year: z.string(),
  kind: ObsKind,
  qualifier: Qualifier,
  value: z.number(),
  status: z.enum(['fitted', 'held-out', 'not-fitted']),
  /** why a row is not fitted or held out */
  reason: z.string(),
  /** posterior predictive of the model quantity (simulated counts); null for rows not predicted */
  p05: z.number().nullable(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  mean: z.number().nullable(),
  /**
   * P(Y ≤ value) under the posterior predictive with reporting noise (P(Y ≥ value) for a lower
   * bound): the posterior predictive check
   */
  predictive: z.number().nullable(),
  /** the figure falls outside the 90% posterior predictive interval (for a bound: P(Y ≥ value) < 0.05) */
  outside90: z.boolean().nullable(),
});
export type FitRow = z.output<typeof FitRow>;

export const SmcStageSummary = z.strictObject({
  temperature: z.number(),
  ess: z.number(),
  acceptance: z.number(),
  moves: z.number().int(),
  moved: z.number(),
});

export const CalibrationDiagnostics = z.strictObject({
  particles: z.number().int(),
  simsPerParticle: z.number().int(),
  /** trajectories simulated in all */
  simulations: z.number().int(),
  stages: z.array(SmcStageSummary),
  /** effective sample size of the last reweighting (before the final resampling and moves) */
  ess: z.number(),
  /** distinct particle states at the end */
  unique: z.number().int(),
  /** ln p(data | model), the SMC estimate of the log marginal likelihood (compare fits of one data set, e.g. with and without a break) */
  logEvidence: z.number(),
});

/** What `ladder calibrate --json` prints: the posterior file without its samples. */
export const CalibrationSummary = z.strictObject({
  format: z.literal(POSTERIOR_FORMAT),
  region: z.string(),
  observedFile: z.string(),
  until: z.number().int().nullable(),
  breakYear: z.number().int().nullable(),
  baseYear: z.number().int(),
  lastYear: z.number().int(),
  seed: z.string(),
  version: z.string(),
  method: z.literal('smc-synthetic-likelihood'),
  diagnostics: CalibrationDiagnostics,
  coordinates: z.array(CoordinateSummary),
  observations: z.array(FitRow),
  /**
   * The posterior predictive of every series the region's figures belong to, by year (measure
   * names as in the observed-counts file): the fan the figures are drawn over. Absent in files
   * written before it existed.
   */
  fan: z.array(SeriesRow).optional(),
  warnings: z.array(z.string()),
});
export type CalibrationSummary = z.output<typeof CalibrationSummary>;

/** Weighted samples: one row of values per sample, columns named as `names`. */
export const PosteriorSamples = z
  .strictObject({
    names: z.array(z.string()).min(1),
    values: z.array(z.array(z.number())).min(1),
    weights: z.array(z.number().nonnegative()),
  })
  .superRefine((s, ctx) => {
    s.values.forEach((row, i) => {
      if (row.length !== s.names.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: `expected ${s.names.length} values (one per name), found ${row.length}`,
        });
      }
    });
    if (s.weights.length !== s.values.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `expected one weight per sample (${s.values.length}), found ${s.weights.length}`,
      });
    }
  });
export type PosteriorSamples = z.output<typeof PosteriorSamples>;

/** A posterior file (`ladder calibrate --out`): the summary and the samples. */
export const Posterior = z.strictObject({ ...CalibrationSummary.shape, samples: PosteriorSamples });
export type Posterior = z.output<typeof Posterior>;

/** The summary part of a posterior file (everything but the samples). */
export function summaryOf(p: Posterior): CalibrationSummary {
  return z.object(CalibrationSummary.shape).parse(p);
}
