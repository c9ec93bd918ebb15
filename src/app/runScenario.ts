import { runToPrecision } from '../engine/precision.js';
import { runTrajectories } from '../engine/runBlocks.js';
import type { WorkerPool } from '../engine/workerPool.js';
import { loadTarget } from '../io/loadScenario.js';
import { packageVersion } from '../io/version.js';
import { compileModel } from '../model/compile.js';
import { buildSummary } from '../report/summary.js';
import type { RunSummary } from '../schema/result.js';
import { MAX_RUNS, type ResolvedScenario } from '../schema/scenario.js';
import { defaultWorkers, withPool } from './pool.js';
import { writeRunReport } from './reportDir.js';

export interface RunOptions {
  /** plan id or scenario file */
  readonly target: string;
  /** trajectories; with `precision`, the most to run */
  readonly runs?: number;
  readonly seed?: string;
  /** report folder; default reports/<scenario> under the working directory */
  readonly out?: string;
  /** write no report files */
  readonly noWrite?: boolean;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** run until every goal's P(met) has a standard error ≤ this, instead of a fixed count */
  readonly precision?: number;
}

export interface RunOutcome {
  /** the scenario run (with `runs` the number actually run) */
  readonly scenario: ResolvedScenario;
  readonly summary: RunSummary;
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string | undefined;
  /** the precision asked for, when the run count followed from it */
  readonly precision?: number;
}

/** How `simulateScenario` runs: on which threads, and to a fixed count or a precision. */
export interface SimulateOptions {
  /** threads to run on (see app/pool.ts); none: this thread */
  readonly pool?: WorkerPool | undefined;
  /** run until every goal's P(met) standard error ≤ this; `scenario.runs` is then ignored */
  readonly precision?: number | undefined;
  /** with `precision`: the most trajectories to run (default MAX_RUNS) */
  readonly maxRuns?: number | undefined;
}

/**
 * Simulates a resolved scenario and summarises it: `scenario.runs` trajectories, or as many as
 * `precision` needs (the summary's `runs`). The result is the same on any pool.
 */
export function simulateScenario(scenario: ResolvedScenario, opts: SimulateOptions = {}): RunSummary {
  const model = compileModel(scenario);
  const source = { scenario, model };
  if (opts.precision === undefined) {
    const acc = runTrajectories(opts.pool, source, { seed: scenario.seed, start: 0, count: scenario.runs });
    return buildSummary(scenario, model, acc, packageVersion());
  }
  const precision = opts.precision;
  const run = runToPrecision(opts.pool, source, {
    seed: scenario.seed,
    precision,
    maxRuns: opts.maxRuns ?? MAX_RUNS,
  });
  const summary = buildSummary({ ...scenario, runs: run.acc.runs }, model, run.acc, packageVersion());
  if (run.reached) return summary;
  return {
    ...summary,
    warnings: [
      ...summary.warnings,
      `precision ${precision} not reached: the largest P(met) standard error is ${run.worstStdErr.toFixed(5)} after ${run.acc.runs} runs (the cap)`,
    ],
  };
}

/** `ladder run`: load, apply command-line overrides, simulate, write the report. */
export function runCommand(opts: RunOptions): RunOutcome {
  const loaded = loadTarget(opts.target).scenario;
  let scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const summary = withPool(opts.workers ?? defaultWorkers(), (pool) =>
    simulateScenario(scenario, { pool, precision: opts.precision, maxRuns: opts.runs }),
  );
  scenario = { ...scenario, runs: summary.runs };
  const reportDir = opts.noWrite === true ? undefined : writeRunReport(summary, scenario, opts.out);
  return {
    scenario,
    summary,
    reportDir,
    ...(opts.precision !== undefined ? { precision: opts.precision } : {}),
  };
}
