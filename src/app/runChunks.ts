import { createAccumulator, mergeAccumulators, type Accumulator } from '../engine/accumulator.js';
import { rangeBlocks, type Block } from '../engine/blocks.js';
import { precisionStep, type PrecisionRun } from '../engine/precision.js';
import { runBlocks, type SpecModel } from '../engine/runBlocks.js';
import { ensureWorkers, type WorkerPool } from '../engine/workerPool.js';
import { checkpoint } from '../io/interrupt.js';

/** Blocks of trajectories run on the pool between two turns of the event loop. */
const CHUNK_BLOCKS = 20;

/**
 * Runs blocks of trajectories on the pool (or here) in chunks of CHUNK_BLOCKS, letting the event
 * loop turn between chunks, where a signal stops the run (`checkpoint` throws). Accumulators merge
 * exactly: the chunks change nothing in the result. `onWork` is told the trajectories run so far,
 * as pieces finish. Worker threads start when the whole call is as large as the pool's
 * `startRuns` (a chunk alone is smaller than the default), or as the pool was opened to
 * (app/pool.ts `plannedRuns`).
 */
export async function runBlocksInChunks(
  pool: WorkerPool | undefined,
  source: SpecModel,
  seed: string,
  blocks: readonly Block[],
  opts: { readonly signal?: AbortSignal | undefined; readonly onWork?: (runs: number) => void } = {},
): Promise<Accumulator> {
  const total = createAccumulator(source.model);
  const report = opts.onWork;
  // a chunk alone is below the size at which a pool starts its worker threads: the whole call
  // decides (as one job of its size would)
  const runs = blocks.reduce((n, b) => n + b.count, 0);
  if (pool !== undefined && runs >= pool.startRuns) ensureWorkers(pool, pool.threads - 1);
  for (let i = 0; i < blocks.length; i += CHUNK_BLOCKS) {
    const before = total.runs;
    const onWork =
      report === undefined
        ? undefined
        : (done: number) => {
            report(before + done);
          };
    mergeAccumulators(total, runBlocks(pool, source, seed, blocks.slice(i, i + CHUNK_BLOCKS), { onWork }));
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
  source: SpecModel,
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
