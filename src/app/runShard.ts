import { accumulatorToJson } from '../engine/accumulator.js';
import { shardBlocks, type Shard } from '../engine/blocks.js';
import { specModel } from '../engine/runBlocks.js';
import { loadTarget } from '../io/loadScenario.js';
import { shownPath } from '../io/loadPlan.js';
import { packageVersion } from '../io/version.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { SetOverride } from '../io/setOverrides.js';
import { PARTIAL_FORMAT, type PartialResult } from '../schema/partial.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { runBlocksInChunks } from './runChunks.js';
import { scenarioHash } from './scenarioHash.js';

export interface ShardOptions {
  /** plan id or scenario file */
  readonly target: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly shard: Shard;
  /** the part file (default part-<i>-of-<n>.json in the working directory) */
  readonly out?: string;
  /** threads, this one included (default: all cores) */
  readonly workers?: number;
  /** `--set` overrides */
  readonly sets?: readonly SetOverride[];
  /** stops the run between chunks of blocks (nothing is written) */
  readonly signal?: AbortSignal;
}

export interface ShardOutcome {
  readonly scenario: ResolvedScenario;
  readonly part: PartialResult;
  /** the part file written, relative to the working directory when inside it */
  readonly file: string;
}

/** The default name of a part file. */
export function partFileName(shard: Shard): string {
  return `part-${shard.index}-of-${shard.count}.json`;
}

/**
 * Runs shard i of n of a scenario: blocks i, i + n, i + 2n, … of its trajectories (see
 * engine/blocks.ts). The part records the resolved scenario and its hash, so `ladder merge` can
 * refuse parts that do not belong together.
 */
export async function simulateShard(
  scenario: ResolvedScenario,
  shard: Shard,
  workers = 1,
  signal?: AbortSignal,
): Promise<PartialResult> {
  const source = specModel({ scenario, counterfactual: true });
  const blocks = shardBlocks(scenario.runs, shard);
  const runs = blocks.reduce((n, b) => n + b.count, 0);
  const acc = await withPoolAsync(
    workers,
    (pool) => runBlocksInChunks(pool, source, scenario.seed, blocks, { signal }),
    runs,
  );
  const version = packageVersion();
  return {
    format: PARTIAL_FORMAT,
    version,
    scenarioHash: scenarioHash(scenario, version),
    shard: { index: shard.index, count: shard.count },
    scenario,
    accumulator: accumulatorToJson(acc),
  };
}

/** `ladder run … --shard i/n`: load, apply overrides, run the shard, write its part file. */
export async function runShardCommand(opts: ShardOptions): Promise<ShardOutcome> {
  const loaded = loadTarget(opts.target, opts.sets ?? []).scenario;
  const scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const part = await simulateShard(scenario, opts.shard, opts.workers ?? defaultWorkers(), opts.signal);
  const file = writeFileAtomic(opts.out ?? partFileName(opts.shard), `${JSON.stringify(part)}\n`);
  return { scenario, part, file: shownPath(file) };
}
