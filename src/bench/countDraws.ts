import { binomial } from '../engine/binomial.js';
import { poisson } from '../engine/poisson.js';
import { keyedStream } from '../engine/rng.js';
import type { CompiledModel } from '../model/compile.js';
import type { ProcessSampler } from '../model/sampler.js';
import { simulateTrajectory } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';

/**
 * Exact draws (binomial and Poisson calls) per trajectory of a model, averaged over trajectories
 * [0, count): the same streams as a run, with a ProcessSampler that counts its calls. Draws that
 * return at once (n = 0, p = 0 or 1, mean = 0) count too: the model makes those calls.
 */
export function drawsPerTrajectory(model: CompiledModel, seed: string, count: number): number {
  const paramStream = keyedStream(seed, 'param');
  const procStream = keyedStream(seed, 'proc');
  const u = procStream.u;
  let draws = 0;
  const counting: ProcessSampler = {
    binomial: (n, p) => {
      draws += 1;
      return binomial(u, n, p);
    },
    poisson: (mean) => {
      draws += 1;
      return poisson(u, mean);
    },
  };
  const out = new Float64Array(model.measures.length * model.years.length);
  const params = new Float64Array(PARAM_NAMES.length);
  for (let i = 0; i < count; i++) {
    paramStream.seek(i);
    procStream.seek(i);
    simulateTrajectory(model, paramStream.u, counting, params, out);
  }
  return draws / count;
}
