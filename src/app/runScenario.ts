import { join, resolve } from 'node:path';
import { rangeBlocks } from '../engine/blocks.js';
import { specModel, type SpecModel } from '../engine/runBlocks.js';
import type { Progress } from '../engine/runner.js';

import type { WorkerPool } from '../engine/workerPool.js';
import { closePool, defaultWorkers, openPool } from './pool.js';
import { workMeter } from './workProgress.js';
import { plannedFitTrajectories } from '../analysis/calibrate.js';
import { parseSetOverride } from '../io/setOverrides.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { observedStocks } from '../schema/observed.js';
import { posteriorDraws } from '../analysis/posteriorSamples.js';
import { InputError } from '../io/errors.js';
import { summaryOf, type Posterior } from '../schema/posterior.js';
import { posteriorForPlan, shippedFitAvailable } from './posteriorForPlan.js';
import { loadTarget } from '../io/loadScenario.js';
import { pngRenderer } from '../io/rasterize.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir, writeReportDir, type ReportFiles } from '../io/writeReport.js';
import { shownReportDir } from './reportDir.js';
import { reportMetadata } from './reportMetadata.js';
import { runBlocksInChunks, runToPrecisionInChunks } from './runChunks.js';
import type { Lang } from '../report/lang.js';
import { runReportFiles } from '../report/reportFiles.js';
import { buildSummary } from '../report/summary.js';
import type { RunSummary } from '../schema/result.js';
import { MAX_RUNS, type ResolvedScenario } from '../schema/scenario.js';
import { warningSentence } from '../model/warnings.js';

export interface RunOptions {
  /** plan id or scenario file */
  readonly target: string;
  readonly runs?: number;
  readonly seed?: string;
  /** report folder; default reports/<scenario> under the working directory */
  readonly out?: string;
  /** write no report files */
  readonly noWrite?: boolean;
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart as PNG */
  readonly png?: boolean;
  /** told after each block of trajectories */
  readonly onProgress?: Progress;
  /** `--set path=value` overrides, applied to the scenario before validation */
  readonly sets?: readonly string[];
  /** draw parameters from this posterior file (`ladder calibrate --out`), or `auto` */
  readonly posterior?: string;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** run until every goal's P(met) has a standard error ≤ this, instead of a fixed count */
  readonly precision?: number;
  /** stops the run (nothing is written; the promise rejects with the signal's reason) */
  readonly signal?: AbortSignal;
}

export interface RunOutcome {
  readonly scenario: ResolvedScenario;
  readonly summary: RunSummary;
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string | undefined;
  /** names of the files written, inside the report folder */
  readonly reportFiles: readonly string[];
  /** what the report writer noticed (chart warnings, no Chinese font for PNG) */
  readonly notes: readonly string[];
  /** a note on the parameters: fitted observations that could be used, or a posterior of another region */
  readonly parameterNote?: string;
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
  readonly posterior?: Posterior | undefined;
  readonly onProgress?: Progress | undefined;
  /** stops the run between chunks of blocks (the promise rejects with the signal's reason) */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The model of a scenario (with its status-quo counterfactual when levers act), drawing its
 * parameters from a posterior when one is given (or a located error when the posterior does not
 * hold the parameters a region fit carries).
 */
function scenarioSource(
  scenario: ResolvedScenario,
  posterior?: Posterior,
): { source: SpecModel; note?: string } {
  if (posterior === undefined) return { source: specModel({ scenario, counterfactual: true }) };
  const draws = posteriorDraws(posterior);
  if (draws.status !== 'ok') {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'the posterior does not hold the parameters a region fit carries',
      location: { path: 'samples.names' },
      expected: draws.names.join(', '),
      found: 'none of these',
    });
  }
  const spec = {
    scenario,
    counterfactual: true,
    posterior: { samples: draws.samples, breakYear: draws.breakYear },
  };
  return { source: specModel(spec), note: draws.note };
}

/**
 * Simulates a resolved scenario and summarises it: `scenario.runs` trajectories, or as many as
 * `precision` needs (the summary's `runs`). When the plan's levers act, every trajectory is also
 * run without them on the same random numbers, so the summary says what the levers buy and at
 * what cost per additional firm. The result is the same on any pool, with or without a
 * posterior (worker threads receive its samples with the scenario).
 */
export async function simulateScenario(
  scenario: ResolvedScenario,
  opts: SimulateOptions = {},
): Promise<RunSummary> {
  const { source, note } = scenarioSource(scenario, opts.posterior);
  const { model } = source;
  const pool = opts.pool;
  const withNote = (summary: RunSummary): RunSummary =>
    note === undefined ? summary : { ...summary, warnings: [...summary.warnings, note] };
  if (opts.precision === undefined) {
    // chunks of blocks on the pool, the event loop turning between them (a signal stops the run
    // there); the merge is exact, so the chunks change nothing in the result
    const acc = await runBlocksInChunks(pool, source, scenario.seed, rangeBlocks(0, scenario.runs), {
      signal: opts.signal,
      onWork: (done) => opts.onProgress?.(done, scenario.runs),
    });
    return withNote(buildSummary(scenario, model, acc, packageVersion()));
  }
  const precision = opts.precision;
  const run = await runToPrecisionInChunks(pool, source, {
    seed: scenario.seed,
    precision,
    maxRuns: opts.maxRuns ?? MAX_RUNS,
    signal: opts.signal,
  });
  const summary = buildSummary({ ...scenario, runs: run.acc.runs }, model, run.acc, packageVersion());
  if (run.reached) return withNote(summary);
  return withNote({
    ...summary,
    warnings: [
      ...summary.warnings,
      warningSentence('precision-not-reached', {
        precision: String(precision),
        se: run.worstStdErr.toFixed(5),
        runs: String(run.acc.runs),
      }),
    ],
  });
}

/** `ladder run`: load, apply command-line overrides, simulate, write the report. */
export async function runCommand(opts: RunOptions): Promise<RunOutcome> {
  const target = loadTarget(opts.target, (opts.sets ?? []).map(parseSetOverride));
  const loaded = target.scenario;
  const scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  // one pool for the fit (--posterior auto) and the run; worker threads start when the command
  // plans enough trajectories (a run's chunks are smaller than one start-up's worth on their own)
  const meter = workMeter(opts.onProgress);
  const auto = opts.posterior === 'auto';
  // (a run to a precision does not know its count: its rounds start them when one is large enough)
  const planned =
    opts.precision !== undefined && !auto ? undefined : scenario.runs + (auto ? plannedFitTrajectories() : 0);
  const pool = openPool(opts.workers ?? defaultWorkers(), planned);
  try {
    const posterior =
      opts.posterior !== undefined
        ? await posteriorForPlan(scenario.plan, opts.posterior, scenario.seed, opts.signal, {
            pool,
            meter,
            after: scenario.runs,
          })
        : undefined;
    // the report folder's temporary sibling exists from here on: a folder that cannot be written
    // fails now, and whatever stops the run below removes it again
    const dir = resolve(opts.out ?? join('reports', scenario.id));
    const staged = opts.noWrite === true ? undefined : stageReportDir(dir);
    try {
      // the run's progress counts after the fit's
      meter.expect(meter.done() + scenario.runs);
      const onWork = meter.job();
      const simulated = await simulateScenario(scenario, {
        pool,
        precision: opts.precision,
        maxRuns: opts.runs,
        posterior,
        ...(onWork !== undefined
          ? {
              onProgress: (done: number) => {
                onWork(done);
              },
            }
          : {}),
        signal: opts.signal,
      });
      closePool(pool);
      return await reportRun({ ...scenario, runs: simulated.runs }, simulated, {
        ...opts,
        noWrite: staged === undefined,
        posterior,
        sourcePath: target.path,
        ...(staged !== undefined ? { write: (files: ReportFiles) => staged.commit(files, opts.signal) } : {}),
      });
    } finally {
      staged?.discard();
    }
  } finally {
    closePool(pool);
  }
}

export interface ReportRunOptions {
  readonly out?: string | undefined;
  readonly noWrite?: boolean | undefined;
  readonly langs?: readonly Lang[] | undefined;
  readonly png?: boolean | undefined;
  readonly precision?: number | undefined;
  readonly posterior?: Posterior | undefined;
  /** the file the scenario came from (for the report's metadata block) */
  readonly sourcePath: string;
  /** writes the report's files and returns the folder (default: an atomic write of `out`) */
  readonly write?: ((files: ReportFiles) => string) | undefined;
}

/**
 * The end of a run, shared by `ladder run` and `ladder merge` so their outputs are the same:
 * the note on where parameters come from, then the report folder, written atomically.
 */
export async function reportRun(
  ran: ResolvedScenario,
  simulated: RunSummary,
  opts: ReportRunOptions,
): Promise<RunOutcome> {
  const scenario = ran;
  const posterior = opts.posterior;
  let parameterNote: string | undefined;
  if (posterior !== undefined) {
    if (posterior.region !== scenario.plan.region.id) {
      parameterNote = warningSentence('posterior-region', {
        posterior: posterior.region,
        region: scenario.plan.region.id,
      });
    }
  } else {
    const shipped = shippedFitAvailable(scenario.plan);
    if (shipped.available) parameterNote = shipped.message;
  }
  // said in the output: the summary, the report and the table all carry it
  const summary: RunSummary =
    parameterNote === undefined
      ? simulated
      : { ...simulated, warnings: [...simulated.warnings, parameterNote] };
  let reportDir: string | undefined;
  const notes: string[] = [];
  let names: string[] = [];
  if (opts.noWrite !== true) {
    const dir = resolve(opts.out ?? join('reports', scenario.id));
    const png = opts.png === true ? pngRenderer() : undefined;
    if (png !== undefined && png.cjkFont === undefined) {
      notes.push(
        'no Chinese font found for the PNG charts (install fonts-noto-cjk): Chinese text may not show in them',
      );
    }
    const report = await runReportFiles(summary, ran, {
      ...(opts.langs !== undefined ? { langs: opts.langs } : {}),
      observed: observedStocks(loadObserved(SHIPPED_OBSERVED), scenario.plan.region.id),
      metadata: reportMetadata(dir, opts.sourcePath),
      ...(png !== undefined ? { rasterize: png.rasterize } : {}),
      ...(posterior !== undefined ? { posterior: summaryOf(posterior) } : {}),
    });
    notes.push(...report.warnings);
    names = Object.keys(report.files);
    const written = opts.write !== undefined ? opts.write(report.files) : writeReportDir(dir, report.files);
    reportDir = shownReportDir(written);
  }
  return {
    scenario: ran,
    summary,
    reportDir,
    reportFiles: names,
    notes,
    ...(parameterNote !== undefined ? { parameterNote } : {}),
    ...(opts.precision !== undefined ? { precision: opts.precision } : {}),
  };
}
