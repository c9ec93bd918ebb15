import type { CompiledModel } from '../model/compile.js';
import { simulateTrajectory } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';
import { processSampler } from './runner.js';
import { stream } from './rng.js';

/**
 * Runs trajectories [start, start + count) of several models on common random numbers: model k
 * and model j see the same (seed, i) streams for trajectory i, so their difference is paired.
 * `visit(i, outs)` receives each trajectory's measure buffers, one per model (reused: copy what
 * you keep).
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
  for (let i = start; i < start + count; i++) {
    models.forEach((m, k) => {
      const out = outs[k];
      if (out === undefined) return;
      simulateTrajectory(m, stream(seed, i, 'param'), processSampler(stream(seed, i, 'proc')), params, out);
    });
    visit(i, outs);
  }
}
