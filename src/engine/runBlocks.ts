import type { CompiledModel } from '../model/compile.js';
import { compileSpec, type ModelSpec } from '../model/modelSpec.js';
import type { Accumulator } from './accumulator.js';
import { rangeBlocks, type Block } from './blocks.js';
import { runFolded, type JobOptions } from './runJob.js';
import type { PoolModel } from './workKind.js';
import { TRAJECTORIES } from './workKinds.js';
import type { WorkerPool } from './workerPool.js';

/** A model as the pool runs it: its spec for the worker threads, compiled for this thread. */
export type SpecModel = PoolModel<ModelSpec, CompiledModel>;

/** A handle for a model spec, compiled here (make one per model and keep it: see `PoolModel`). */
export function specModel(spec: ModelSpec): SpecModel {
  return { spec, model: compileSpec(spec) };
}

/**
 * Trajectories per piece of the shared queue. Smaller than a block, so that the threads finish
 * together: the last piece a thread takes (and the first, on a worker thread whose code is not
 * yet optimised) is short. The pieces change nothing in the result.
 */
export const QUEUE_PIECE = 250;

/** Blocks cut into pieces of at most `size` trajectories, in order. */
export function splitBlocks(blocks: readonly Block[], size = QUEUE_PIECE): Block[] {
  return blocks.flatMap((b) => rangeBlocks(b.start, b.count, size));
}

/**
 * Runs a list of blocks of a model and returns their merged accumulator: on this thread, or on
 * the pool's threads (runJob.ts), each folding the pieces it ran into one accumulator, the parts
 * added with `mergeAccumulators`. Every trajectory's draws depend only on (seed, index) and the
 * merge adds integer counts, so the result is identical whichever thread ran which block.
 *
 * @throws Error if a worker thread reports an error (the message carries its stack).
 */
export function runBlocks(
  pool: WorkerPool | undefined,
  source: SpecModel,
  seed: string,
  blocks: readonly Block[],
  opts: JobOptions = {},
): Accumulator {
  const pieces = splitBlocks(blocks).map((p) => ({ m: 0, p }));
  return runFolded(pool, TRAJECTORIES, { models: [source], input: { seed }, pieces }, opts);
}

/**
 * Runs trajectories [start, start + count) of a model on the pool (or here without one) and
 * returns their merged accumulator. The result is identical to `runSerial` over the same
 * indices, whatever the pool.
 */
export function runTrajectories(
  pool: WorkerPool | undefined,
  source: SpecModel,
  range: { readonly seed: string; readonly start: number; readonly count: number },
  opts: JobOptions = {},
): Accumulator {
  return runBlocks(pool, source, range.seed, rangeBlocks(range.start, range.count), opts);
}
