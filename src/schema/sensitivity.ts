import { z } from 'zod';

/**
 * The `ladder sensitivity --json` contract (and `sensitivity.json` in the report folder);
 * docs/cli.md, "sensitivity", explains every field. "margin" is the goal's value in its year
 * minus what the goal requires: the target-year count minus the target for an absolute goal.
 */

const Group = z.enum(['lever-response', 'rate', 'base-count']);
const Reliance = z.enum(['inference', 'partly-inference', 'evidence']);

export const SensitivityFactor = z.strictObject({
  name: z.string(),
  group: Group,
  kind: z.enum(['param', 'base', 'mark-share', 'mark-gain']),
  /** evidence tag of the prior; base counts: D observed, S from the plan's text, I a prior range */
  tag: z.string(),
  reliance: Reliance,
  /** ids of the plan's levers whose response this is (lever responses only) */
  levers: z.array(z.string()),
  /** the prior's 10th and 90th percentiles */
  p10: z.number(),
  p90: z.number(),
  /** moving it from p10 to p90 changed no trajectory's goal value in the pilot pairs */
  inert: z.boolean(),
});

export const TornadoRow = z.strictObject({
  factor: z.string(),
  group: Group,
  reliance: Reliance,
  /** value at the 10th and 90th percentile */
  low: z.number(),
  high: z.number(),
  /** P(goal) with the factor at p10 / p90, every other input drawn as usual */
  pLow: z.number(),
  pHigh: z.number(),
  /** pHigh − pLow and the standard error of the paired difference */
  dP: z.number(),
  dPSe: z.number(),
  marginLow: z.number(),
  marginHigh: z.number(),
  dMargin: z.number(),
  dMarginSe: z.number(),
  /** trajectories per arm */
  pairs: z.number().int(),
});

export const LeverRow = z.strictObject({
  /** `lever`: one of the plan's levers; `budget`: a budget cap; `all-levers`: none of the plan's levers */
  target: z.enum(['lever', 'budget', 'all-levers']),
  id: z.string(),
  /** the plan's words (Chinese) and in English */
  label: z.string(),
  labelEn: z.string(),
  /** `off`, `x0.5`, `x2` (every amount of the lever, or the cap), `no-cap` */
  variant: z.enum(['off', 'x0.5', 'x2', 'no-cap']),
  /** P(goal) in the variant; dP = variant − as written, with the paired standard error */
  p: z.number(),
  dP: z.number(),
  dPSe: z.number(),
  dMargin: z.number(),
  dMarginSe: z.number(),
  pairs: z.number().int(),
});

export const SobolRow = z.strictObject({
  factor: z.string(),
  group: Group,
  reliance: Reliance,
  s1: z.number(),
  s1Lo: z.number(),
  s1Hi: z.number(),
  st: z.number(),
  stLo: z.number(),
  stHi: z.number(),
});

export const SobolResult = z.strictObject({
  /** the output analysed: the mean goal margin of `replicates` trajectories per design row */
  output: z.literal('margin'),
  rows: z.number().int(),
  replicates: z.number().int(),
  /** trajectories run for the design: rows × (factors + 2) × replicates */
  trajectories: z.number().int(),
  /** variance of the output over the A and B rows */
  variance: z.number(),
  /** share of that variance that is process noise (within-row variance / replicates) */
  noiseShare: z.number(),
  /** level of the bootstrap intervals */
  level: z.number(),
  bootstrap: z.number().int(),
  /** false when an interval is wider than 0.1 */
  converged: z.boolean(),
  indices: z.array(SobolRow),
});

export const VoiRow = z.strictObject({
  factor: z.string(),
  group: Group,
  reliance: Reliance,
  /** √Var(P(goal | factor)): root-mean-square change of P(goal) once the factor is known */
  rmsChange: z.number(),
  rmsSe: z.number(),
  /** 90% bootstrap interval of rmsChange */
  rmsLo: z.number(),
  rmsHi: z.number(),
  /** E|P(goal | factor) − P(goal)| (plug-in) */
  meanAbsChange: z.number(),
  /** rmsChange of an input with no effect stays below this (two null standard deviations) */
  noiseFloor: z.number(),
  /** P(goal) in each equal-probability bin of the factor, with the bin's value range */
  curve: z.array(z.strictObject({ lo: z.number(), hi: z.number(), p: z.number(), n: z.number().int() })),
});

export const BoxRule = z.strictObject({
  factor: z.string(),
  /** bounds in the factor's units (null: unbounded on that side) */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** the same bounds as percentiles of the factor's prior */
  lowerPercentile: z.number().nullable(),
  upperPercentile: z.number().nullable(),
});

export const DiscoveryBox = z.strictObject({
  rules: z.array(BoxRule),
  /** trajectories in the box / all */
  mass: z.number(),
  /** cases in the box / trajectories in the box */
  density: z.number(),
  /** cases in the box / all cases */
  coverage: z.number(),
  n: z.number().int(),
  cases: z.number().int(),
});

export const Discovery = z.strictObject({
  /** trajectories that are cases: the goal missed (`failure`) or met (`success`) */
  cases: z.number().int(),
  baseRate: z.number(),
  threshold: z.number(),
  boxes: z.array(DiscoveryBox),
  note: z.string().nullable(),
});

export const Driver = z.strictObject({
  factor: z.string(),
  group: Group,
  tag: z.string(),
  reliance: Reliance,
  /** 1-based ranks (null: not ranked, e.g. inert) */
  tornadoRank: z.number().int().nullable(),
  sobolRank: z.number().int().nullable(),
  voiRank: z.number().int().nullable(),
});

export const SensitivityReport = z.strictObject({
  kind: z.literal('sensitivity'),
  scenario: z.string(),
  plan: z.string(),
  seed: z.string(),
  version: z.string(),
  goal: z.strictObject({
    id: z.string(),
    label: z.string(),
    labelEn: z.string(),
    measure: z.string(),
    comparison: z.string(),
    target: z.number(),
    year: z.number().int(),
  }),
  settings: z.strictObject({
    runs: z.number().int(),
    tornadoRuns: z.number().int(),
    tornadoPilot: z.number().int(),
    sobolRows: z.number().int(),
    sobolReplicates: z.number().int(),
    bins: z.number().int(),
  }),
  /** trajectories simulated in all */
  trajectories: z.number().int(),
  probability: z.strictObject({ value: z.number(), se: z.number() }),
  margin: z.strictObject({ mean: z.number(), se: z.number() }),
  factors: z.array(SensitivityFactor),
  tornado: z.array(TornadoRow),
  levers: z.array(LeverRow),
  sobol: SobolResult.nullable(),
  valueOfInformation: z.array(VoiRow),
  discovery: z.strictObject({ failure: Discovery, success: Discovery }),
  drivers: z.array(Driver),
  monteCarloError: z.strictObject({
    probabilitySe: z.number(),
    tornadoMaxDPSe: z.number(),
    tornadoMaxDMarginSe: z.number(),
    leverMaxDPSe: z.number(),
    sobolWidestInterval: z.number().nullable(),
    voiMaxSe: z.number(),
  }),
  warnings: z.array(z.string()),
});
export type SensitivityReport = z.output<typeof SensitivityReport>;
