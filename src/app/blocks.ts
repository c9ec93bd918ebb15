import { BLOCK_SIZE } from '../engine/runner.js';
import { checkpoint } from '../io/interrupt.js';

/**
 * Visits trajectories [0, runs) in blocks of BLOCK_SIZE, in order, and lets the event loop turn
 * after each block: a signal stops the run between two blocks (`checkpoint` throws). The numbers
 * are those of one plain loop over the blocks.
 */
export async function forEachBlock(
  runs: number,
  signal: AbortSignal | undefined,
  visit: (start: number, count: number) => void,
): Promise<void> {
  for (let start = 0; start < runs; start += BLOCK_SIZE) {
    visit(start, Math.min(BLOCK_SIZE, runs - start));
    await checkpoint(signal);
  }
}
