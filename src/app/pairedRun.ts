import { addOutcomes, createPairedStats, type PairedStats } from '../analysis/pairedStats.js';
import { rangeBlocks } from '../engine/blocks.js';
import { outcomeWidth } from '../engine/pairedOutcomes.js';
import { splitBlocks } from '../engine/runBlocks.js';
import { runOrdered } from '../engine/runJob.js';
import { BLOCK_SIZE } from '../engine/runner.js';
import type { PoolModel } from '../engine/workKind.js';
import { PAIRED } from '../engine/workKinds.js';
import type { WorkerPool } from '../engine/workerPool.js';
import { checkpoint } from '../io/interrupt.js';
import { compileSpec, type ModelSpec } from '../model/modelSpec.js';
import type { CompiledModel } from '../model/compile.js';
import type { WorkMeter } from './workProgress.js';

/** Models run side by side on common random numbers: their specs, compiled here. */
export type PairedModels = PoolModel<readonly ModelSpec[], readonly CompiledModel[]>;

/** A handle for scenarios run side by side, each compiled as written (`compileModel`). */
export function pairedModels(specs: readonly ModelSpec[], models?: readonly CompiledModel[]): PairedModels {
  return { spec: specs, model: models ?? specs.map(compileSpec) };
}

/** Trajectories run on the pool between two turns of the event loop. */
const CHUNK = 20 * BLOCK_SIZE;

export interface PairedRunOptions {
  /** threads to run on (app/pool.ts); none: this thread */
  readonly pool?: WorkerPool | undefined;
  /** stops the run between two chunks of blocks (the promise rejects with its reason) */
  readonly signal?: AbortSignal | undefined;
  /** told the trajectories done as pieces finish */
  readonly meter?: WorkMeter | undefined;
}

/**
 * Runs `runs` trajectories of every model on common random numbers (trajectory i of each model
 * draws from the streams (seed, i)) into paired statistics. The pool runs chunks of blocks, cut
 * into pieces; each piece returns its trajectories' outcome rows (engine/pairedOutcomes.ts), and
 * the rows are added in trajectory order, so every sum — floating-point ones included — is the
 * same on any number of threads, and the same as one loop over the trajectories. The event loop
 * turns between chunks: `signal` stops the run there.
 */
export async function runPairedStats(
  source: PairedModels,
  seed: string,
  runs: number,
  goalIndex: readonly (readonly number[])[],
  pairs: readonly (readonly [number, number])[],
  opts: PairedRunOptions = {},
): Promise<PairedStats> {
  const models = source.model;
  const st = createPairedStats(models, goalIndex, pairs);
  const width = outcomeWidth(models, goalIndex);
  for (let start = 0; start < runs; start += CHUNK) {
    const count = Math.min(CHUNK, runs - start);
    const pieces = splitBlocks(rangeBlocks(start, count)).map((p) => ({ m: 0, p }));
    const rows = runOrdered(
      opts.pool,
      PAIRED,
      { models: [source], input: { seed, goalIndex }, pieces },
      { onWork: opts.meter?.job() },
    );
    for (const r of rows)
      for (let off = 0; off + width <= r.length && width > 0; off += width) addOutcomes(st, r, off);
    opts.meter?.add(count);
    await checkpoint(opts.signal);
  }
  return st;
}
