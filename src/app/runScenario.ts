import { join, relative } from 'node:path';
import { runSerial } from '../engine/runner.js';
import { loadTarget } from '../io/loadScenario.js';
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
}

export interface RunOutcome {
  readonly scenario: ResolvedScenario;
  readonly summary: RunSummary;
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string | undefined;
}

/** Simulates a resolved scenario and summarises it. */
export function simulateScenario(scenario: ResolvedScenario): RunSummary {
  const model = compileModel(scenario);
  const acc = runSerial(model, scenario.seed, scenario.runs);
  return buildSummary(scenario, model, acc, packageVersion());
}

/** `ladder run`: load, apply command-line overrides, simulate, write the report. */
export function runCommand(opts: RunOptions): RunOutcome {
  const loaded = loadTarget(opts.target).scenario;
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
