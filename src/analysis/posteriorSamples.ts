import type { CompiledModel } from '../model/compile.js';
import { cumulativeWeights, withPosteriorSamples, type ParamSamples } from '../model/paramSource.js';
import { PARAM_NAMES } from '../schema/params.js';
import type { Posterior } from '../schema/posterior.js';
import { BREAK_DIM } from './regionSetup.js';
import { warningSentence } from '../model/warnings.js';

/** A posterior's samples as a plan's model draws them, with the note that says so. */
export type PosteriorDraws =
  | {
      readonly status: 'ok';
      readonly samples: ParamSamples;
      /** the fit's break year when its samples carry a multiplier */
      readonly breakYear: number | null;
      readonly note: string;
    }
  | { readonly status: 'missing'; readonly names: readonly string[] };

export type PosteriorUse =
  | { readonly status: 'ok'; readonly model: CompiledModel; readonly note: string }
  | { readonly status: 'missing'; readonly names: readonly string[] };

/**
 * The samples a plan's model draws its parameters from (by weight) instead of the priors: the
 * columns of the model's parameters, and the break multiplier when the fit has a break. The plan
 * keeps its own base counts (its base year is not the fit's); the fit's base counts, ratios and
 * observation parameters are left out. Apply them with `withPosteriorSamples` (model/paramSource.ts):
 * with a break in the fit, the plan's years from the break year on carry each sample's multiplier
 * of first-certification applications (all of them when the plan starts after the break).
 */
export function posteriorDraws(posterior: Posterior): PosteriorDraws {
  const names = posterior.samples.names;
  const cols = PARAM_NAMES.map((n) => names.indexOf(n));
  const breakCol = names.indexOf(BREAK_DIM);
  if (posterior.breakYear !== null && breakCol < 0) return { status: 'missing', names: [BREAK_DIM] };
  // a fit carries the rates the counts inform; lever responses (and any parameter a fit left
  // out) are drawn from their priors
  const carried = Uint8Array.from(cols, (c) => (c >= 0 ? 1 : 0));
  if (!carried.some((c) => c === 1)) return { status: 'missing', names: [...PARAM_NAMES] };
  const fromPriors = PARAM_NAMES.filter((_, i) => carried[i] === 0);
  const rows = posterior.samples.values;
  const P = PARAM_NAMES.length;
  const params = new Float64Array(rows.length * P);
  const shift = breakCol >= 0 ? new Float64Array(rows.length) : null;
  rows.forEach((row, k) => {
    cols.forEach((c, i) => (params[k * P + i] = row[c] ?? 0));
    if (shift !== null) shift[k] = row[breakCol] ?? 1;
  });
  const samples: ParamSamples = {
    count: rows.length,
    params,
    base: null,
    shift,
    cumWeights: cumulativeWeights(posterior.samples.weights),
    carried,
  };
  const fitted =
    posterior.until !== null ? `up to ${posterior.until}` : `${posterior.baseYear}–${posterior.lastYear}`;
  return {
    status: 'ok',
    samples,
    breakYear: posterior.breakYear !== null && shift !== null ? posterior.breakYear : null,
    note: warningSentence('posterior-used', {
      region: posterior.region,
      fitted,
      ...(posterior.breakYear !== null ? { break: String(posterior.breakYear) } : {}),
      samples: String(rows.length),
      ...(fromPriors.length > 0 ? { fromPriors: fromPriors.join(', ') } : {}),
    }),
  };
}

/** A plan's model that draws its parameters from a posterior file's samples: see {@link posteriorDraws}. */
export function modelWithPosterior(model: CompiledModel, posterior: Posterior): PosteriorUse {
  const draws = posteriorDraws(posterior);
  if (draws.status !== 'ok') return draws;
  return {
    status: 'ok',
    model: withPosteriorSamples(model, draws.samples, draws.breakYear),
    note: draws.note,
  };
}
