import { createAccumulator, mergeAccumulators, type Accumulator } from '../engine/accumulator.js';
import type { Block } from '../engine/blocks.js';
import { precisionStep, type PrecisionRun } from '../engine/precision.js';
import { rangeBlocks } from '../engine/blocks.js';
import { runBlocks, type PoolModel } from '../engine/runBlocks.js';
import { ensureWorkers, type WorkerPool } from '../engine/workerPool.js';
import { checkpoint } from '../io/interrupt.js';

/** Blocks of trajectories run on the pool between two turns of the event loop. */
const CHUNK_BLOCKS = 20;

/**
 * Runs blocks of trajectories on the pool (or here) in chunks of CHUNK_BLOCKS, letting the event
 * loop turn between chunks, where a signal stops the run (`checkpoint` throws). A chunk alone is
 * smaller than the job size at which a pool starts its worker threads, so they are started here
 * when the whole job is large enough. Accumulators merge exactly: the chunks change nothing in
 * the result. `onChunk` is told the trajectories run so far.
 */
export async function runBlocksInChunks(
  pool: WorkerPool | undefined,
  source: PoolModel,
  seed: string,
  blocks: readonly Block[],
  opts: { readonly signal?: AbortSignal | undefined; readonly onChunk?: (runs: number) => void } = {},
): Promise<Accumulator> {
  const total = createAccumulator(source.model);
  const runs = blocks.reduce((n, b) => n + b.count, 0);
  if (pool !== undefined && runs >= pool.startRuns) ensureWorkers(pool, pool.threads - 1);
  for (let i = 0; i < blocks.length; i += CHUNK_BLOCKS) {
    mergeAccumulators(total, runBlocks(pool, source, seed, blocks.slice(i, i + CHUNK_BLOCKS)));
    opts.onChunk?.(total.runs);
    await checkpoint(opts.signal);
  }
  return total;
}

/**
 * `runToPrecision` (engine/precision.ts) in chunks that a signal can stop between: the same
 * rounds, the same stopping rule, the same result.
 */
export async function runToPrecisionInChunks(
  pool: WorkerPool | undefined,
  source: PoolModel,
  opts: {
    readonly seed: string;
    readonly precision: number;
    readonly maxRuns: number;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<PrecisionRun> {
  const total = createAccumulator(source.model);
  for (;;) {
    const step = precisionStep(source.model, total, opts);
    if (step.done) return { acc: total, reached: step.reached, worstStdErr: step.worstStdErr };
    const round = rangeBlocks(total.runs, step.target - total.runs);
    mergeAccumulators(total, await runBlocksInChunks(pool, source, opts.seed, round, opts));
  }
}
