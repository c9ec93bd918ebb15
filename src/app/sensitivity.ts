import { join } from 'node:path';
import type { Evaluate } from '../analysis/designRuns.js';
import {
  analyseSensitivity,
  DEFAULT_SENSITIVITY,
  designTrajectories,
  type SensitivitySettings,
} from '../analysis/sensitivity.js';
import { InputError } from '../io/errors.js';
import { loadTarget } from '../io/loadScenario.js';
import { parseSetOverride } from '../io/setOverrides.js';
import { suggest } from '../io/suggest.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { shownReportDir } from './reportDir.js';
import type { Lang } from '../report/lang.js';
import { sensitivityFolder } from './sensitivityFolder.js';
import { poolEvaluate } from './poolEvaluate.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { workMeter } from './workProgress.js';
import type { Progress } from '../engine/runner.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';

export interface SensitivityOptions {
  /** plan id or scenario file */
  readonly target: string;
  /** id of one of the plan's simulated goals */
  readonly goal: string;
  /** plain Monte Carlo sample (default: the scenario's runs) */
  readonly runs?: number;
  readonly seed?: string;
  readonly tornadoRuns?: number;
  readonly sobolRows?: number;
  readonly sobolReps?: number;
  /** report folder; default reports/sensitivity/<scenario>/<goal> */
  readonly out?: string;
  readonly noWrite?: boolean;
  readonly sets?: readonly string[];
  /** stops the designs between two batches; nothing is written */
  readonly signal?: AbortSignal;
  /** report.html languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write report.html's charts as PNG */
  readonly png?: boolean;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** told the trajectories done as the designs run (against an estimate until the pilot is done) */
  readonly onProgress?: Progress;
}

export interface SensitivityOutcome {
  readonly scenario: ResolvedScenario;
  readonly report: SensitivityReport;
  readonly reportDir: string | undefined;
  /** names of the files written, inside the report folder */
  readonly reportFiles?: readonly string[];
  /** what the report writer noticed (chart warnings, no Chinese font for PNG) */
  readonly notes?: readonly string[];
}

/** The goal ids `sensitivity` can analyse: projected goals up to the scenario's horizon. */
export function simulatedGoalIds(s: ResolvedScenario): string[] {
  return s.plan.goals.filter((g) => g.kind === 'projected' && g.year <= s.horizon).map((g) => g.id);
}

/**
 * `ladder sensitivity`: load the scenario, check the goal, run the designs, write the report
 * folder (report.html, summary.md, sensitivity.json, charts). `evaluate` runs the design's batches
 * (default: on a pool of `opts.workers` threads, see poolEvaluate.ts; the numbers are the same).
 */
export async function sensitivityCommand(
  opts: SensitivityOptions,
  evaluate?: Evaluate,
): Promise<SensitivityOutcome> {
  const target = loadTarget(opts.target, (opts.sets ?? []).map(parseSetOverride));
  const loaded = target.scenario;
  const scenario: ResolvedScenario = {
    ...loaded,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  };
  const goals = simulatedGoalIds(scenario);
  if (!goals.includes(opts.goal)) {
    const other = scenario.plan.goals.find((g) => g.id === opts.goal);
    const near = suggest(opts.goal, goals);
    throw new InputError({
      code: other === undefined ? 'E_NOT_FOUND' : 'E_USAGE',
      message:
        other === undefined
          ? `plan ${scenario.plan.id} has no goal ${JSON.stringify(opts.goal)}`
          : `goal ${opts.goal} is not simulated (${other.kind === 'qualitative' ? 'it has no figure' : 'its year is after the horizon'})`,
      location: { path: '--goal' },
      expected: `one of ${goals.join(', ')}`,
      found: JSON.stringify(opts.goal),
      ...(near !== undefined && other === undefined ? { hint: `did you mean \`${near}\`?` } : {}),
    });
  }
  const settings: SensitivitySettings = {
    ...DEFAULT_SENSITIVITY,
    runs: scenario.runs,
    ...(opts.tornadoRuns !== undefined ? { tornadoRuns: opts.tornadoRuns } : {}),
    ...(opts.sobolRows !== undefined ? { sobolRows: opts.sobolRows } : {}),
    ...(opts.sobolReps !== undefined ? { sobolReplicates: opts.sobolReps } : {}),
  };
  const staged =
    opts.noWrite === true
      ? undefined
      : stageReportDir(opts.out ?? join('reports', 'sensitivity', scenario.id, opts.goal));
  try {
    const meter = workMeter(opts.onProgress);
    const analyse = (ev: Evaluate): Promise<SensitivityReport> =>
      analyseSensitivity(scenario, opts.goal, settings, ev, packageVersion(), {
        expect: (total, estimated) => {
          meter.expect(total, estimated);
        },
      });
    const report =
      evaluate !== undefined
        ? await analyse(evaluate)
        : await withPoolAsync(
            opts.workers ?? defaultWorkers(),
            (pool) => analyse(poolEvaluate({ pool, signal: opts.signal, meter })),
            designTrajectories(scenario, settings),
          );
    if (staged === undefined) return { scenario, report, reportDir: undefined };
    const { bundle, notes } = await sensitivityFolder(report, scenario, {
      ...(opts.langs !== undefined ? { langs: opts.langs } : {}),
      ...(opts.png !== undefined ? { png: opts.png } : {}),
      dir: staged.target,
      source: target.path,
    });
    const reportDir = shownReportDir(staged.commit(bundle.files, opts.signal));
    return { scenario, report, reportDir, reportFiles: Object.keys(bundle.files), notes };
  } finally {
    staged?.discard();
  }
}
