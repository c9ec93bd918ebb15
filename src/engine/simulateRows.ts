import type { ParamSamples, SampledModel } from '../model/paramSource.js';
import { simulateTrajectory } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';
import { stream } from './rng.js';
import { processSampler } from './runner.js';

/**
 * A batch of trajectories with given parameters: row r runs with row r of `model.samples` (its
 * parameter vector, base counts and break multiplier, whatever the weights) and draws its
 * randomness from the streams (seed, `streams[r]`, 'param' / 'proc'). Calibration uses it to
 * score proposed parameter vectors, and to re-run a particle's trajectory (same stream index,
 * same draws) to a later horizon.
 */
export interface RowJob {
  readonly model: SampledModel;
  /** stream index of each row's trajectory */
  readonly streams: Float64Array;
}

const ONE = new Float64Array([1]);

/**
 * Simulates rows [start, start + count) of a job and returns their measure buffers, row after row
 * (`count × measures × years` values; each as `simulateTrajectory` writes them). A row's result
 * depends only on (job, seed, row): any split of the rows into blocks, in any order or on any
 * worker, gives the same numbers.
 */
export function simulateRows(job: RowJob, seed: string, start: number, count: number): Float64Array {
  const { model } = job;
  const s = model.samples;
  const P = PARAM_NAMES.length;
  const width = model.measures.length * model.years.length;
  const result = new Float64Array(count * width);
  const params = new Float64Array(P);
  for (let j = 0; j < count; j++) {
    const r = start + j;
    const row: ParamSamples = {
      count: 1,
      params: s.params.subarray(r * P, (r + 1) * P),
      base: s.base === null ? null : s.base.subarray(r * 5, (r + 1) * 5),
      shift: s.shift === null ? null : s.shift.subarray(r, r + 1),
      cumWeights: ONE,
    };
    const index = job.streams[r] ?? r;
    simulateTrajectory(
      { ...model, samples: row },
      stream(seed, index, 'param'),
      processSampler(stream(seed, index, 'proc')),
      params,
      result.subarray(j * width, (j + 1) * width),
    );
  }
  return result;
}
