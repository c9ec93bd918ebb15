import type { CompiledModel } from '../model/compile.js';
import { createAccumulator, mergeAccumulators, type Accumulator } from './accumulator.js';
import { rangeBlocks } from './blocks.js';
import { runBlocks, type SpecModel } from './runBlocks.js';
import { BLOCK_SIZE } from './runner.js';
import type { WorkerPool } from './workerPool.js';

/**
 * Monte Carlo standard error of each goal's P(met) in its year: sqrt(p̂(1 − p̂)/n) with
 * p̂ = k/n, the binomial proportion's standard error (the one every report prints).
 */
export function goalStdErrors(model: CompiledModel, acc: Accumulator): number[] {
  const n = acc.runs;
  return model.goals.map((g, i) => {
    const p = (acc.goals[i]?.metByYear[g.yearIndex] ?? 0) / n;
    return n > 0 ? Math.sqrt((p * (1 - p)) / n) : Number.POSITIVE_INFINITY;
  });
}

/** Runs to reach a precision, and whether the cap stopped it first. */
export interface PrecisionRun {
  readonly acc: Accumulator;
  /** whether every goal's standard error is ≤ the precision */
  readonly reached: boolean;
  /** the largest standard error over the goals (0 without goals) */
  readonly worstStdErr: number;
}

const roundUpToBlock = (n: number): number => Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;

/** What to do after a round of {@link runToPrecision}: stop, or run up to `target` trajectories. */
export type PrecisionStep =
  | { readonly done: true; readonly reached: boolean; readonly worstStdErr: number }
  | { readonly done: false; readonly target: number };

/**
 * The stopping rule of {@link runToPrecision}, one round at a time: with nothing run yet, the
 * first round's size; after a round, stop (precision reached, or `maxRuns`) or the next round's
 * size. It reads only the merged accumulator, so a caller may run each round in any pieces.
 */
export function precisionStep(
  model: CompiledModel,
  acc: Accumulator,
  opts: { readonly precision: number; readonly maxRuns: number },
): PrecisionStep {
  const { precision, maxRuns } = opts;
  if (!(precision > 0) || !Number.isFinite(precision)) {
    throw new RangeError(`runToPrecision requires a precision > 0; got ${precision}`);
  }
  if (acc.runs === 0 && maxRuns > 0) {
    return {
      done: false,
      target: Math.min(maxRuns, roundUpToBlock(Math.max(BLOCK_SIZE, Math.ceil(2 / precision)))),
    };
  }
  const worstStdErr = Math.max(0, ...goalStdErrors(model, acc));
  if (worstStdErr <= precision || acc.runs >= maxRuns) {
    return { done: true, reached: worstStdErr <= precision, worstStdErr };
  }
  let needed = 0;
  model.goals.forEach((g, i) => {
    const p = (acc.goals[i]?.metByYear[g.yearIndex] ?? 0) / acc.runs;
    needed = Math.max(needed, (p * (1 - p)) / (precision * precision));
  });
  return { done: false, target: Math.min(maxRuns, roundUpToBlock(Math.max(acc.runs + BLOCK_SIZE, needed))) };
}

/**
 * Adds blocks of trajectories 0, 1, 2, … (the same streams as a fixed run) until every goal's
 * P(met) has a standard error ≤ `precision`, or `maxRuns` is reached.
 *
 * Rounds ({@link precisionStep}): the first has max(1 block, 2/precision) runs rounded up to
 * whole blocks; with p̂ = 0 or 1 its standard error is 0, and then p ≲ 3/n (the "rule of three"),
 * whose standard error √3/n ≤ precision·√3/2 already meets the precision. Each later round goes
 * to the largest p̂(1 − p̂)/precision² over the goals (the n at which the current estimate would
 * meet the precision), at least one block more, rounded up to whole blocks. The stopping rule
 * reads only the merged accumulator, which is the same for any pool, so the run count is too: a
 * result with n runs is byte-identical to a fixed run of n.
 */
export function runToPrecision(
  pool: WorkerPool | undefined,
  source: SpecModel,
  opts: { readonly seed: string; readonly precision: number; readonly maxRuns: number },
): PrecisionRun {
  const total = createAccumulator(source.model);
  for (;;) {
    const step = precisionStep(source.model, total, opts);
    if (step.done) return { acc: total, reached: step.reached, worstStdErr: step.worstStdErr };
    const done = total.runs;
    mergeAccumulators(total, runBlocks(pool, source, opts.seed, rangeBlocks(done, step.target - done)));
  }
}
