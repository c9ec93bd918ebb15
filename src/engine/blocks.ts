import { BLOCK_SIZE } from './runner.js';

/** A run of consecutive trajectories: indices [start, start + count). */
export interface Block {
  readonly start: number;
  readonly count: number;
}

/** Trajectories [start, start + count) cut into blocks of `blockSize` (the last may be shorter). */
export function rangeBlocks(start: number, count: number, blockSize = BLOCK_SIZE): Block[] {
  const blocks: Block[] = [];
  for (let s = start; s < start + count; s += blockSize) {
    blocks.push({ start: s, count: Math.min(blockSize, start + count - s) });
  }
  return blocks;
}

/** Which part of a run a machine takes: shard `index` (0-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The blocks of shard i of n in a run of `runs` trajectories: blocks i, i + n, i + 2n, … of
 * {@link rangeBlocks}(0, runs). Every block goes to exactly one shard, so the shards' results
 * merge into the whole run's; round-robin keeps the shards within one block of each other.
 */
export function shardBlocks(runs: number, shard: Shard, blockSize = BLOCK_SIZE): Block[] {
  return rangeBlocks(0, runs, blockSize).filter((_, b) => b % shard.count === shard.index);
}
