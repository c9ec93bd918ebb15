import { join, relative } from 'node:path';
import { accumulate, createAccumulator, mergeAccumulators } from '../engine/accumulator.js';
import { accumulateEffect, createEffectAccumulator, mergeEffect } from '../engine/effect.js';
import { runPairedRange } from '../engine/paired.js';
import { BLOCK_SIZE, runSerial } from '../engine/runner.js';
import { resolveStatusQuo } from '../model/resolveScenario.js';
import { loadTarget } from '../io/loadScenario.js';
import { parseSetOverride } from '../io/setOverrides.js';
import { packageVersion } from '../io/version.js';
import { writeReportDir } from '../io/writeReport.js';
import { compileModel } from '../model/compile.js';
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
  /** `--set path=value` overrides, applied to the scenario before validation */
  readonly sets?: readonly string[];
}

export interface RunOutcome {
  readonly scenario: ResolvedScenario;
  readonly summary: RunSummary;
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string | undefined;
}

/**
 * Simulates a resolved scenario and summarises it. When the scenario's plan has levers acting,
 * the same trajectories are also run without them (common random numbers), so the summary says
 * what the levers buy and at what cost per additional firm.
 */
export function simulateScenario(scenario: ResolvedScenario): RunSummary {
  const model = compileModel(scenario);
  if (scenario.policy === 'status-quo' || scenario.plan.levers.length === 0) {
    return buildSummary(scenario, model, runSerial(model, scenario.seed, scenario.runs), packageVersion());
  }
  const counterfactual = compileModel(resolveStatusQuo(scenario));
  const acc = createAccumulator(model);
  const effect = createEffectAccumulator(model);
  for (let start = 0; start < scenario.runs; start += BLOCK_SIZE) {
    const count = Math.min(BLOCK_SIZE, scenario.runs - start);
    const blockAcc = createAccumulator(model);
    const blockEffect = createEffectAccumulator(model);
    runPairedRange([model, counterfactual], scenario.seed, start, count, (_i, [out, base]) => {
      if (out === undefined || base === undefined) return;
      accumulate(model, blockAcc, out);
      accumulateEffect(model, counterfactual, blockEffect, out, base);
    });
    mergeAccumulators(acc, blockAcc);
    mergeEffect(effect, blockEffect);
  }
  return buildSummary(scenario, model, acc, packageVersion(), effect);
}

/** `ladder run`: load, apply command-line overrides, simulate, write the report. */
export function runCommand(opts: RunOptions): RunOutcome {
  const loaded = loadTarget(opts.target, (opts.sets ?? []).map(parseSetOverride)).scenario;
  const scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const summary = simulateScenario(scenario);
  let reportDir: string | undefined;
  if (opts.noWrite !== true) {
    const written = writeReportDir(
      opts.out ?? join('reports', scenario.id),
      runReportFiles(summary, scenario),
    );
    const rel = relative(process.cwd(), written);
    reportDir = rel === '' || rel.startsWith('..') ? written : rel;
  }
  return { scenario, summary, reportDir };
}
