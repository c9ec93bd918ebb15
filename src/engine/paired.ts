import type { CompiledModel } from '../model/compile.js';
import { simulateTrajectory } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';
import { keyedStream } from './rng.js';
import { processSampler } from './runner.js';

/**
 * Runs trajectories [start, start + count) of several models on common random numbers: model k
 * and model j see the same (seed, i) streams for trajectory i, so their difference is paired.
 * `visit(i, outs)` receives each trajectory's measure buffers, one per model (reused: copy what
 * you keep). The streams are re-keyed in place (`keyedStream`): the numbers of `stream(seed, i, …)`
 * without a generator per trajectory.
 */
export function runPairedRange(
  models: readonly CompiledModel[],
  seed: string,
  start: number,
  count: number,
  visit: (index: number, outs: readonly Float64Array[]) => void,
): void {
  const outs = models.map((m) => new Float64Array(m.measures.length * m.years.length));
  const params = new Float64Array(PARAM_NAMES.length);
  const paramStream = keyedStream(seed, 'param');
  const procStream = keyedStream(seed, 'proc');
  const draw = processSampler(procStream.u);
  for (let i = start; i < start + count; i++) {
    models.forEach((m, k) => {
      const out = outs[k];
      if (out === undefined) return;
      paramStream.seek(i);
      procStream.seek(i);
      simulateTrajectory(m, paramStream.u, draw, params, out);
    });
    visit(i, outs);
  }
}
