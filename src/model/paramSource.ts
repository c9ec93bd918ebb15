import { PARAM_NAMES } from '../schema/params.js';
import type { BaseRange, CompiledModel } from './compile.js';
import type { Quantile } from './priorQuantile.js';
import type { Uniform } from './sampler.js';

/** The tiers whose base counts a parameter sample may carry, in this order. */
export const SAMPLE_BASE_TIERS = ['tsme', 'hnte', 'srdi', 'giant', 'listed'] as const;
export type SampleBaseTier = (typeof SAMPLE_BASE_TIERS)[number];

/**
 * Parameter vectors a trajectory draws from instead of the priors: the weighted samples of a
 * calibrated posterior. Row k holds `params[k·P … k·P + P − 1]` (P = PARAM_NAMES.length, in
 * PARAM_NAMES order), optionally base counts `base[k·5 …]` (SAMPLE_BASE_TIERS order) and a
 * regime-break multiplier `shift[k]`.
 */
export interface ParamSamples {
  readonly count: number;
  readonly params: Float64Array;
  /** base counts per row; null: the model's own base ranges (a plan's base) */
  readonly base: Float64Array | null;
  /** regime-break multiplier per row; null: 1 */
  readonly shift: Float64Array | null;
  /** cumulative normalised weights: row k is picked when cum[k − 1] ≤ u < cum[k] */
  readonly cumWeights: Float64Array;
  /**
   * 1 for the parameters the samples carry; 0 for those they do not (lever responses a region's
   * counts cannot inform), which are drawn from their priors. Undefined: all carried.
   */
  readonly carried?: Uint8Array;
}

/**
 * A regime break: from `yearIndex` on (an index into the model's years), the first-certification
 * applications (the rates `applyRate` and `directApply`) are multiplied by a factor drawn per
 * trajectory from `shift` (or taken from the posterior sample).
 */
export interface RegimeBreak {
  readonly year: number;
  readonly yearIndex: number;
  readonly shift: Quantile;
}

export type ModelBase = CompiledModel['base'];

/** What a trajectory draws besides its parameter vector. */
export interface ParamDraw {
  readonly base: ModelBase;
  /** multiplier of first-certification applications from the break year on (1 without a break) */
  readonly shift: number;
}

/** Cumulative normalised weights of non-negative weights (all zero: equal weights). */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(0, weights[i] ?? 0);
  const cum = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += total > 0 ? Math.max(0, weights[i] ?? 0) / total : 1 / n;
    cum[i] = acc;
  }
  if (n > 0) cum[n - 1] = 1;
  return cum;
}

/** The row a uniform picks: the first k with cum[k] > u (binary search; inverse-CDF sampling). */
export function pickRow(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 1) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const fixed = (v: number): BaseRange => ({ low: v, high: v });

/**
 * Draws one trajectory's parameter vector into `into`. From the priors: one uniform per
 * parameter through its inverse CDF, in PARAM_NAMES order. From samples: the first uniform picks
 * a row by weight; the other P − 1 are drawn and used only for parameters the samples do not
 * carry (drawn from their priors), so the number of uniforms a trajectory takes stays P either way
 * (and the base draws that follow stay aligned). With a regime break, one more uniform: the
 * multiplier (its prior's inverse CDF, or unused).
 */
export function drawParamSet(model: CompiledModel, u: Uniform, into: Float64Array): ParamDraw {
  const P = PARAM_NAMES.length;
  const s = model.samples;
  const brk = model.regimeBreak;
  if (s === undefined) {
    for (let i = 0; i < P; i++) {
      const q = model.params[i];
      into[i] = q === undefined ? 0 : q(u());
    }
    return { base: model.base, shift: brk === undefined ? 1 : brk.shift(u()) };
  }
  const u0 = u();
  const k = pickRow(s.cumWeights, u0);
  const off = k * P;
  for (let i = 0; i < P; i++) {
    const ui = i === 0 ? u0 : u();
    if (s.carried === undefined || s.carried[i] === 1) into[i] = s.params[off + i] ?? 0;
    else {
      const q = model.params[i];
      into[i] = q === undefined ? 0 : q(ui);
    }
  }
  if (brk !== undefined) u();
  const b = s.base;
  const base: ModelBase =
    b === null
      ? model.base
      : {
          ...model.base,
          tsme: fixed(b[k * 5] ?? 0),
          hnte: fixed(b[k * 5 + 1] ?? 0),
          srdi: fixed(b[k * 5 + 2] ?? 0),
          giant: fixed(b[k * 5 + 3] ?? 0),
          listed: fixed(b[k * 5 + 4] ?? 0),
        };
  return { base, shift: brk === undefined ? 1 : (s.shift?.[k] ?? 1) };
}

/** A model that draws its parameters from samples. */
export type SampledModel = CompiledModel & { readonly samples: ParamSamples };

/** The same model drawing its parameters from `samples` instead of the priors. */
export function withSamples(model: CompiledModel, samples: ParamSamples): SampledModel {
  return { ...model, samples };
}

/**
 * The same model drawing its parameters from a posterior's samples, with the fit's regime break
 * when it has one: from `breakYear` on (at the latest the model's second year) first-certification
 * applications take each sample's multiplier (`samples.shift`). No break without multipliers.
 */
export function withPosteriorSamples(
  model: CompiledModel,
  samples: ParamSamples,
  breakYear: number | null,
): CompiledModel {
  const out = withSamples(model, samples);
  if (breakYear === null || samples.shift === null) return out;
  const baseYear = model.years[0] ?? 0;
  // the multiplier comes from the sample, so the break's own draw is never used
  return withRegimeBreak(out, {
    year: breakYear,
    yearIndex: Math.max(1, breakYear - baseYear),
    shift: () => 1,
  });
}

/** The same model with a regime break. */
export function withRegimeBreak(model: CompiledModel, regimeBreak: RegimeBreak): CompiledModel {
  return { ...model, regimeBreak };
}

/**
 * Consumes the uniforms `drawParamSet` would take, for a trajectory whose parameters the caller
 * set (sensitivity designs): the base draws that follow stay aligned. Base ranges of the model,
 * no regime shift.
 */
export function skipParamDraws(model: CompiledModel, u: Uniform): ParamDraw {
  for (let i = 0; i < PARAM_NAMES.length; i++) u();
  if (model.regimeBreak !== undefined) u();
  return { base: model.base, shift: 1 };
}
