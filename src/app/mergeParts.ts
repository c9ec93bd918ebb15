import {
  accumulatorFromJson,
  createAccumulator,
  mergeAccumulators,
  type Accumulator,
} from '../engine/accumulator.js';
import { shardBlocks } from '../engine/blocks.js';
import { InputError } from '../io/errors.js';
import { readPartFile, type PartFile } from '../io/readPartFile.js';
import { packageVersion } from '../io/version.js';
import { compileRunModel, type CompiledModel } from '../model/compile.js';
import { buildSummary } from '../report/summary.js';
import type { PartialResult } from '../schema/partial.js';
import { resolve } from 'node:path';
import type { Lang } from '../report/lang.js';
import { reportRun, type RunOutcome } from './runScenario.js';
import { scenarioHash } from './scenarioHash.js';

export interface MergeOptions {
  /** the part files, in any order */
  readonly files: readonly string[];
  /** report folder; default reports/<scenario> under the working directory */
  readonly out?: string;
  /** write no report files */
  readonly noWrite?: boolean;
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
}

const mergeError = (file: string, message: string, expected?: string, found?: string): InputError =>
  new InputError({
    code: 'E_MERGE',
    message,
    location: { file },
    ...(expected !== undefined ? { expected } : {}),
    ...(found !== undefined ? { found } : {}),
  });

/** Checks that an accumulator has the shape of the model's (so the merge adds like to like). */
function checkShape(f: PartFile, model: CompiledModel): void {
  const acc = f.part.accumulator;
  const nYears = model.years.length;
  const ok =
    acc.series.length === model.measures.length * nYears &&
    acc.goals.length === model.goals.length &&
    acc.goals.every((g) => g.metByYear.length === nYears && g.firstReached.length === nYears + 1);
  if (!ok) {
    throw mergeError(
      f.file,
      'the part’s results do not fit its scenario (a damaged file?)',
      `${model.measures.length * nYears} series and ${model.goals.length} goals over ${nYears} years`,
      `${acc.series.length} series and ${acc.goals.length} goals`,
    );
  }
}

/**
 * Checks that the parts are the n shards of one run, each once: same scenario hash (scenario,
 * seed, runs and ladder version), made by this ladder version, the same n, every index once, and
 * each part holding the runs of its shard. Returns the parts in shard order.
 */
export function checkParts(files: readonly PartFile[], version: string): PartFile[] {
  const first = files[0];
  if (first === undefined) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'name the part files to merge',
      expected: 'one or more files',
      found: 'none',
    });
  }
  for (const f of files) {
    const p = f.part;
    if (scenarioHash(p.scenario, p.version) !== p.scenarioHash) {
      throw mergeError(
        f.file,
        'the part’s scenario does not match its hash (edited or damaged)',
        `the scenario the hash ${p.scenarioHash.slice(0, 12)}… was made from`,
        `a scenario that hashes to ${scenarioHash(p.scenario, p.version).slice(0, 12)}…`,
      );
    }
    if (p.version !== version) {
      throw mergeError(
        f.file,
        'the part was made by another version of ladder',
        `ladder ${version}`,
        p.version,
      );
    }
    if (p.scenarioHash !== first.part.scenarioHash) {
      const a = first.part.scenario;
      const b = p.scenario;
      throw mergeError(
        f.file,
        `the part is of another run than ${first.file}`,
        `scenario ${a.id}, seed ${JSON.stringify(a.seed)}, ${a.runs} runs, same settings`,
        `scenario ${b.id}, seed ${JSON.stringify(b.seed)}, ${b.runs} runs${a.id === b.id && a.seed === b.seed && a.runs === b.runs ? ', other settings' : ''}`,
      );
    }
    if (p.shard.count !== first.part.shard.count) {
      throw mergeError(
        f.file,
        `the part is shard ${p.shard.index}/${p.shard.count}, ${first.file} is of ${first.part.shard.count} shards`,
        `shards of ${first.part.shard.count}`,
        `shards of ${p.shard.count}`,
      );
    }
  }
  const n = first.part.shard.count;
  const byIndex = new Map<number, PartFile>();
  for (const f of files) {
    const twin = byIndex.get(f.part.shard.index);
    if (twin !== undefined) {
      throw mergeError(
        f.file,
        `shard ${f.part.shard.index}/${n} is given twice (also ${twin.file})`,
        'each shard once',
        `shard ${f.part.shard.index} again`,
      );
    }
    byIndex.set(f.part.shard.index, f);
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError({
      code: 'E_MERGE',
      message: `missing ${missing.length === 1 ? 'shard' : 'shards'} ${missing.join(', ')} of ${n}`,
      expected: `all ${n} shards (0 to ${n - 1})`,
      found: `${files.length} part${files.length === 1 ? '' : 's'}`,
    });
  }
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, f]) => f);
  for (const f of ordered) {
    const runs = shardBlocks(f.part.scenario.runs, f.part.shard).reduce((s, b) => s + b.count, 0);
    if (f.part.accumulator.runs !== runs) {
      throw mergeError(
        f.file,
        'the part holds another number of runs than its shard',
        String(runs),
        String(f.part.accumulator.runs),
      );
    }
  }
  return ordered;
}

/** Adds the accumulators of the parts (checked by {@link checkParts}). */
export function mergePartAccumulators(parts: readonly PartialResult[], model: CompiledModel): Accumulator {
  const total = createAccumulator(model);
  for (const p of parts) mergeAccumulators(total, accumulatorFromJson(p.accumulator));
  return total;
}

/**
 * `ladder merge part-*.json`: checks that the parts are the shards of one run, adds their
 * accumulators (exact integer counts, so the order does not matter) and summarises and reports
 * as `ladder run` does: the output is byte-identical to the single-machine run's.
 */
export async function mergeCommand(opts: MergeOptions): Promise<RunOutcome> {
  const version = packageVersion();
  const files = checkParts(opts.files.map(readPartFile), version);
  const first = files[0];
  if (first === undefined) throw new Error('checkParts returns at least one part');
  const scenario = first.part.scenario;
  const model = compileRunModel(scenario);
  for (const f of files) checkShape(f, model);
  const acc = mergePartAccumulators(
    files.map((f) => f.part),
    model,
  );
  const summary = buildSummary(scenario, model, acc, version);
  return reportRun(scenario, summary, {
    out: opts.out,
    noWrite: opts.noWrite,
    langs: opts.langs,
    sourcePath: resolve(first.file),
  });
}
