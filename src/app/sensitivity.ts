import { join } from 'node:path';
import { serialEvaluate, type Evaluate } from '../analysis/designRuns.js';
import {
  analyseSensitivity,
  DEFAULT_SENSITIVITY,
  type SensitivitySettings,
} from '../analysis/sensitivity.js';
import { InputError } from '../io/errors.js';
import { loadTarget } from '../io/loadScenario.js';
import { parseSetOverride } from '../io/setOverrides.js';
import { suggest } from '../io/suggest.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { checkpoint } from '../io/interrupt.js';
import { shownReportDir } from './reportDir.js';
import type { Lang } from '../report/lang.js';
import { sensitivityFolder } from './sensitivityFolder.js';
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
}

/**
 * The serial evaluator with the batches taken one at a time, each after a turn of the event loop:
 * a signal stops the designs between two batches. The numbers are the serial evaluator's.
 */
export function interruptibleEvaluate(
  signal: AbortSignal | undefined,
  inner: Evaluate = serialEvaluate(),
): Evaluate {
  let queue: Promise<unknown> = Promise.resolve();
  return (scenario, batch) => {
    const next = queue.then(async () => {
      await checkpoint(signal);
      return inner(scenario, batch);
    });
    queue = next.catch(() => undefined);
    return next;
  };
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
 * folder (report.html, summary.md, sensitivity.json, charts). `evaluate` runs the design's batches (serial by
 * default; a worker pool can be passed in).
 */
export async function sensitivityCommand(
  opts: SensitivityOptions,
  evaluate: Evaluate = interruptibleEvaluate(opts.signal),
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
    const report = await analyseSensitivity(scenario, opts.goal, settings, evaluate, packageVersion());
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
