import { join, relative } from 'node:path';
import { runSerial } from '../engine/runner.js';
import { loadTarget } from '../io/loadScenario.js';
import { packageVersion } from '../io/version.js';
import { writeReportDir } from '../io/writeReport.js';
import { modelWithPosterior } from '../analysis/posteriorSamples.js';
import { InputError } from '../io/errors.js';
import { compileModel } from '../model/compile.js';
import type { Posterior } from '../schema/posterior.js';
import { posteriorForPlan, shippedFitAvailable } from './posteriorForPlan.js';
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
  /** draw parameters from this posterior file (`ladder calibrate --out`), or `auto` */
  readonly posterior?: string;
}

export interface RunOutcome {
  readonly scenario: ResolvedScenario;
  readonly summary: RunSummary;
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string | undefined;
  /** a note on the parameters: fitted observations that could be used, or a posterior of another region */
  readonly parameterNote?: string;
}

/** Simulates a resolved scenario and summarises it; with a posterior, parameters come from its samples. */
export function simulateScenario(scenario: ResolvedScenario, posterior?: Posterior): RunSummary {
  let model = compileModel(scenario);
  let note: string | undefined;
  if (posterior !== undefined) {
    const use = modelWithPosterior(model, posterior);
    if (use.status !== 'ok') {
      throw new InputError({
        code: 'E_SCHEMA',
        message: 'the posterior does not hold every model parameter',
        location: { path: 'samples.names' },
        expected: use.names.join(', '),
        found: 'none of these',
      });
    }
    model = use.model;
    note = use.note;
  }
  const acc = runSerial(model, scenario.seed, scenario.runs);
  const summary = buildSummary(scenario, model, acc, packageVersion());
  return note === undefined ? summary : { ...summary, warnings: [...summary.warnings, note] };
}

/** `ladder run`: load, apply command-line overrides, simulate, write the report. */
export function runCommand(opts: RunOptions): RunOutcome {
  const loaded = loadTarget(opts.target).scenario;
  const scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const posterior =
    opts.posterior !== undefined ? posteriorForPlan(scenario.plan, opts.posterior, scenario.seed) : undefined;
  const summary = simulateScenario(scenario, posterior);
  let parameterNote: string | undefined;
  if (posterior !== undefined) {
    if (posterior.region !== scenario.plan.region.id) {
      parameterNote = `the posterior was fitted to ${posterior.region}; the plan's region is ${scenario.plan.region.id}`;
    }
  } else {
    const shipped = shippedFitAvailable(scenario.plan);
    if (shipped.available) parameterNote = shipped.message;
  }
  let reportDir: string | undefined;
  if (opts.noWrite !== true) {
    const written = writeReportDir(
      opts.out ?? join('reports', scenario.id),
      runReportFiles(summary, scenario),
    );
    const rel = relative(process.cwd(), written);
    reportDir = rel === '' || rel.startsWith('..') ? written : rel;
  }
  return { scenario, summary, reportDir, ...(parameterNote !== undefined ? { parameterNote } : {}) };
}
