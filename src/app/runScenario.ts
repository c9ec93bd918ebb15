import { join, resolve } from 'node:path';
import { accumulate, createAccumulator, mergeAccumulators } from '../engine/accumulator.js';
import { accumulateEffect, createEffectAccumulator, mergeEffect } from '../engine/effect.js';
import { runPairedRange } from '../engine/paired.js';
import { runRange, type Progress } from '../engine/runner.js';
import { resolveStatusQuo } from '../model/resolveScenario.js';
import { parseSetOverride } from '../io/setOverrides.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { observedStocks } from '../schema/observed.js';
import { modelWithPosterior } from '../analysis/posteriorSamples.js';
import { InputError } from '../io/errors.js';
import type { Posterior } from '../schema/posterior.js';
import { forEachBlock } from './blocks.js';
import { shownReportDir } from './reportDir.js';
import { posteriorForPlan, shippedFitAvailable } from './posteriorForPlan.js';
import { loadTarget } from '../io/loadScenario.js';
import { pngRenderer } from '../io/rasterize.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { compileModel, type CompiledModel } from '../model/compile.js';
import type { Lang } from '../report/lang.js';
import { runReportFiles } from '../report/reportFiles.js';
import { buildSummary } from '../report/summary.js';
import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';

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
  /** stops the run (nothing is written; the promise rejects with the signal's reason) */
  readonly signal?: AbortSignal;
  /** draw parameters from this posterior file (`ladder calibrate --out`), or `auto` */
  readonly posterior?: string;
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
}

/** The model of a scenario, drawing its parameters from a posterior when one is given. */
function scenarioModel(
  scenario: ResolvedScenario,
  posterior?: Posterior,
): { model: CompiledModel; note?: string } {
  const model = compileModel(scenario);
  if (posterior === undefined) return { model };
  const use = modelWithPosterior(model, posterior);
  if (use.status !== 'ok') {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'the posterior does not hold the parameters a region fit carries',
      location: { path: 'samples.names' },
      expected: use.names.join(', '),
      found: 'none of these',
    });
  }
  return { model: use.model, note: use.note };
}

/** How `simulateScenario` runs. */
export interface SimulateOptions {
  /** told after each block of trajectories */
  readonly onProgress?: Progress | undefined;
  /** draw the parameters from this posterior instead of the priors */
  readonly posterior?: Posterior | undefined;
  /** stops the run between two blocks of trajectories (the promise rejects with its reason) */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Simulates a resolved scenario and summarises it. When the scenario's plan has levers acting,
 * the same trajectories are also run without them (common random numbers), so the summary says
 * what the levers buy and at what cost per additional firm. The blocks run in order on this
 * thread; between two blocks the event loop turns, so a signal can stop the run.
 */
export async function simulateScenario(
  scenario: ResolvedScenario,
  opts: SimulateOptions = {},
): Promise<RunSummary> {
  const { onProgress, posterior, signal } = opts;
  const { model, note } = scenarioModel(scenario, posterior);
  const withNote = (summary: RunSummary): RunSummary =>
    note === undefined ? summary : { ...summary, warnings: [...summary.warnings, note] };
  if (scenario.policy === 'status-quo' || scenario.plan.levers.length === 0) {
    const total = createAccumulator(model);
    await forEachBlock(scenario.runs, signal, (start, count) => {
      mergeAccumulators(total, runRange(model, scenario.seed, start, count));
      onProgress?.(start + count, scenario.runs);
    });
    return withNote(buildSummary(scenario, model, total, packageVersion()));
  }
  const counterfactual = scenarioModel(resolveStatusQuo(scenario), posterior).model;
  const acc = createAccumulator(model);
  const effect = createEffectAccumulator(model);
  await forEachBlock(scenario.runs, signal, (start, count) => {
    const blockAcc = createAccumulator(model);
    const blockEffect = createEffectAccumulator(model);
    runPairedRange([model, counterfactual], scenario.seed, start, count, (_i, [out, base]) => {
      if (out === undefined || base === undefined) return;
      accumulate(model, blockAcc, out);
      accumulateEffect(model, counterfactual, blockEffect, out, base);
    });
    mergeAccumulators(acc, blockAcc);
    mergeEffect(effect, blockEffect);
    onProgress?.(start + count, scenario.runs);
  });
  return withNote(buildSummary(scenario, model, acc, packageVersion(), effect));
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
  const posterior =
    opts.posterior !== undefined
      ? await posteriorForPlan(scenario.plan, opts.posterior, scenario.seed, opts.signal)
      : undefined;
  // the report folder's temporary sibling exists from here on: a folder that cannot be written
  // fails now, and whatever stops the run below removes it again
  const dir = resolve(opts.out ?? join('reports', scenario.id));
  const staged = opts.noWrite === true ? undefined : stageReportDir(dir);
  try {
    const simulated = await simulateScenario(scenario, {
      onProgress: opts.onProgress,
      posterior,
      signal: opts.signal,
    });
    let parameterNote: string | undefined;
    if (posterior !== undefined) {
      if (posterior.region !== scenario.plan.region.id) {
        parameterNote = `the posterior was fitted to ${posterior.region}; the plan's region is ${scenario.plan.region.id}`;
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
    if (staged !== undefined) {
      const png = opts.png === true ? pngRenderer() : undefined;
      if (png !== undefined && png.cjkFont === undefined) {
        notes.push(
          'no Chinese font found for the PNG charts (install fonts-noto-cjk): Chinese text may not show in them',
        );
      }
      const report = await runReportFiles(summary, scenario, {
        ...(opts.langs !== undefined ? { langs: opts.langs } : {}),
        observed: observedStocks(loadObserved(SHIPPED_OBSERVED), scenario.plan.region.id),
        metadata: {
          generatedAt: new Date().toISOString(),
          reportDir: dir,
          source: target.path,
          runtime: `Node ${process.version}, ${process.platform} ${process.arch}`,
        },
        ...(png !== undefined ? { rasterize: png.rasterize } : {}),
      });
      notes.push(...report.warnings);
      names = Object.keys(report.files);
      reportDir = shownReportDir(staged.commit(report.files, opts.signal));
    }
    return {
      scenario,
      summary,
      reportDir,
      reportFiles: names,
      notes,
      ...(parameterNote !== undefined ? { parameterNote } : {}),
    };
  } finally {
    staged?.discard();
  }
}
