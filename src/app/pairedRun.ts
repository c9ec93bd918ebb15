import { addTrajectory, createPairedStats, type PairedStats } from '../analysis/pairedStats.js';
import { runPairedRange } from '../engine/paired.js';
import type { CompiledModel } from '../model/compile.js';
import { forEachBlock } from './blocks.js';

/**
 * Runs `runs` trajectories of every model on common random numbers (trajectory i of each model
 * draws from the streams (seed, i)), block by block, into paired statistics. `signal` stops the
 * run between two blocks.
 */
export async function runPairedStats(
  models: readonly CompiledModel[],
  seed: string,
  runs: number,
  goalIndex: readonly (readonly number[])[],
  pairs: readonly (readonly [number, number])[],
  signal?: AbortSignal,
): Promise<PairedStats> {
  const st = createPairedStats(models, goalIndex, pairs);
  await forEachBlock(runs, signal, (start, count) => {
    runPairedRange(models, seed, start, count, (_i, outs) => {
      addTrajectory(st, outs);
    });
  });
  return st;
}
