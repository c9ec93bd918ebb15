import type { CompiledModel } from '../model/compile.js';
import { goalMet, goalRequirement, goalValue } from '../model/goals.js';
import { paramSlots } from '../model/paramSlots.js';
import { simulateTrajectory } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';
import { stream } from './rng.js';
import { processSampler } from './runner.js';

/**
 * One row of a sensitivity design: the uniforms of the trajectory's `param` stream
 * (model/paramSlots.ts layout) and the trajectories that run it. A slot given as NaN is taken
 * from the trajectory's own stream (seed, i, 'param'), as a plain run would draw it; process
 * noise comes from (seed, i, 'proc'). A row with every slot NaN is trajectory i of `ladder run`.
 */
export interface DesignRow {
  /** one uniform per slot, NaN: drawn as usual */
  readonly u: Float64Array;
  /** trajectories [start, start + count) */
  readonly start: number;
  readonly count: number;
}

/**
 * The unit of work of a sensitivity analysis: rows → trajectories → one goal's outcome. Plain
 * data (strings, numbers, typed arrays), so a batch can be sent to a worker as it is.
 */
export interface RowBatch {
  /** key of the trajectories' streams */
  readonly seed: string;
  /** index into `model.goals` */
  readonly goal: number;
  readonly rows: readonly DesignRow[];
  /** return the uniforms every trajectory used (for analyses of the drawn inputs) */
  readonly keepUniforms: boolean;
}

/** Per trajectory, rows in order and trajectories in order within a row. */
export interface RowBatchResult {
  /** goal value in its year − requirement (the count minus the target for absolute goals) */
  readonly margin: Float64Array;
  /** 1 when the goal is met */
  readonly met: Uint8Array;
  /** slots × trajectories (trajectory-major), when asked for */
  readonly uniforms: Float64Array | undefined;
}

/**
 * Runs a batch of design rows. Trajectory i of a row reads all the layout's uniforms of its param
 * stream first (so the stream position never depends on the design), replaces the slots the row
 * fixes, and replays them to `simulateTrajectory`: results depend only on (seed, i, row).
 * Throws if the trajectory takes more or fewer uniforms than the layout has (the layout and the
 * model disagree: a programming error, caught by the tests).
 */
export function runRowBatch(model: CompiledModel, batch: RowBatch): RowBatchResult {
  const slots = paramSlots(model).length;
  const total = batch.rows.reduce((a, r) => a + r.count, 0);
  const margin = new Float64Array(total);
  const met = new Uint8Array(total);
  const uniforms = batch.keepUniforms ? new Float64Array(total * slots) : undefined;
  const goal = model.goals[batch.goal];
  if (goal === undefined) throw new Error(`runRowBatch: no goal ${batch.goal}`);
  const nYears = model.years.length;
  const out = new Float64Array(model.measures.length * nYears);
  const params = new Float64Array(PARAM_NAMES.length);
  const u = new Float64Array(slots);
  let pos = 0;
  const replay = (): number => {
    if (pos >= slots)
      throw new Error(`runRowBatch: the trajectory took more than ${slots} parameter uniforms`);
    return u[pos++] ?? 0;
  };
  let k = 0;
  for (const row of batch.rows) {
    for (let i = row.start; i < row.start + row.count; i++) {
      const own = stream(batch.seed, i, 'param');
      for (let s = 0; s < slots; s++) {
        const drawn = own();
        const fixed = row.u[s] ?? Number.NaN;
        u[s] = Number.isNaN(fixed) ? drawn : fixed;
      }
      pos = 0;
      simulateTrajectory(model, replay, processSampler(stream(batch.seed, i, 'proc')), params, out);
      if (pos !== slots)
        throw new Error(`runRowBatch: the trajectory took ${pos} of ${slots} parameter uniforms`);
      const value = goalValue(goal, out, nYears, goal.yearIndex);
      const req = goalRequirement(goal, out, nYears);
      margin[k] = value - req;
      met[k] = goalMet(goal, value, req) ? 1 : 0;
      if (uniforms !== undefined) uniforms.set(u, k * slots);
      k++;
    }
  }
  return { margin, met, uniforms };
}
