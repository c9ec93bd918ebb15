import type { Prior } from '../schema/prior.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { compileModel, compileRunModel, type CompiledModel } from './compile.js';
import { withPosteriorSamples, withRegimeBreak, type ParamSamples } from './paramSource.js';
import { priorQuantile } from './priorQuantile.js';

/**
 * How to build a compiled model, as plain data (strings, numbers, typed arrays): what a worker
 * thread receives to compile the same model as the thread that sent it. A compiled model holds
 * functions (the priors' inverse CDFs) and cannot be sent itself.
 */
export interface ModelSpec {
  readonly scenario: ResolvedScenario;
  /** compile with the status-quo counterfactual, as `ladder run` does (`compileRunModel`) */
  readonly counterfactual?: boolean;
  /** draw the parameters from a posterior's samples (the counterfactual too) */
  readonly posterior?: { readonly samples: ParamSamples; readonly breakYear: number | null };
  /** a regime break whose multiplier is drawn from a prior (a region's model in a fit) */
  readonly regimeBreak?: { readonly year: number; readonly yearIndex: number; readonly prior: Prior };
}

/** The model a spec describes; the same on every thread. */
export function compileSpec(spec: ModelSpec): CompiledModel {
  let model = spec.counterfactual === true ? compileRunModel(spec.scenario) : compileModel(spec.scenario);
  const post = spec.posterior;
  if (post !== undefined) {
    const cf = model.counterfactual;
    model = {
      ...withPosteriorSamples(model, post.samples, post.breakYear),
      ...(cf !== undefined ? { counterfactual: withPosteriorSamples(cf, post.samples, post.breakYear) } : {}),
    };
  }
  const brk = spec.regimeBreak;
  if (brk !== undefined) {
    model = withRegimeBreak(model, {
      year: brk.year,
      yearIndex: brk.yearIndex,
      shift: priorQuantile(brk.prior),
    });
  }
  return model;
}
