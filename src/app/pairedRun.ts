import { addTrajectory, createPairedStats, type PairedStats } from '../analysis/pairedStats.js';
import { runPairedRange } from '../engine/paired.js';
import { BLOCK_SIZE } from '../engine/runner.js';
import type { CompiledModel } from '../model/compile.js';

/**
 * Runs `runs` trajectories of every model on common random numbers (trajectory i of each model
 * draws from the streams (seed, i)), block by block, into paired statistics.
 */
export function runPairedStats(
  models: readonly CompiledModel[],
  seed: string,
  runs: number,
  goalIndex: readonly (readonly number[])[],
  pairs: readonly (readonly [number, number])[],
): PairedStats {
  const st = createPairedStats(models, goalIndex, pairs);
  for (let start = 0; start < runs; start += BLOCK_SIZE) {
    runPairedRange(models, seed, start, Math.min(BLOCK_SIZE, runs - start), (_i, outs) => {
      addTrajectory(st, outs);
    });
  }
  return st;
}
