import { join } from 'node:path';
import { momentMean, momentStdErr } from '../engine/moments.js';
import { InputError } from '../io/errors.js';
import { leverOverrides, parseLeverRef, type LeverRef } from '../io/leverRef.js';
import { loadTarget } from '../io/loadScenario.js';
import { parseSetOverride, type SetOverride } from '../io/setOverrides.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { compileModel, type CompiledModel } from '../model/compile.js';
import { sweepReportFiles } from '../report/analysisReportFiles.js';
import type { Lang } from '../report/lang.js';
import { roundTo } from '../report/round.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SweepResult } from '../schema/sweepResult.js';
import {
  evidenceWarnings,
  folderName,
  goalEstimateJson,
  goalRef,
  leverDescription,
  resolveGoal,
  spendEstimateJson,
} from './analysisParts.js';
import { writeAnalysisReport, type WrittenReport } from './writeAnalysisReport.js';
import { pairedModels, runPairedStats, type PairedModels } from './pairedRun.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { workMeter } from './workProgress.js';
import type { Progress } from '../engine/runner.js';

/** A scenario to vary: its target and `--set` overrides, and the run settings. */
export interface VariedScenarioOptions {
  /** plan id or scenario file */
  readonly target: string;
  /** lever reference (see `parseLeverRef`) */
  readonly lever: string;
  /** `--set path=value` overrides applied before the lever's */
  readonly sets?: readonly string[];
  readonly runs?: number;
  readonly seed?: string;
  /** stops the run between two blocks of trajectories; nothing is written */
  readonly signal?: AbortSignal;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** told the trajectories done as the run goes */
  readonly onProgress?: Progress;
}

export interface SweepOptions extends VariedScenarioOptions {
  readonly values: readonly number[];
  /** one goal id; default every projected goal */
  readonly goal?: string;
  readonly out?: string;
  readonly noWrite?: boolean;
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart as PNG */
  readonly png?: boolean;
}

export interface SweepOutcome extends WrittenReport {
  readonly result: SweepResult;
  readonly scenario: ResolvedScenario;
}

/** A scenario with a lever reference resolved, and a way to get the scenario at a lever value. */
export interface VariedScenario {
  readonly scenario: ResolvedScenario;
  readonly source: string;
  /** the file's absolute path (for a report's metadata block) */
  readonly path: string;
  readonly ref: LeverRef;
  /** the scenario with the lever at `value`, validated like a file (located errors) */
  readonly at: (value: number) => ResolvedScenario;
}

/** Loads a scenario with its `--set` overrides and resolves the lever reference against it. */
export function loadVaried(opts: VariedScenarioOptions): VariedScenario {
  const sets: SetOverride[] = (opts.sets ?? []).map(parseSetOverride);
  const withRun = (s: ResolvedScenario): ResolvedScenario => ({
    ...s,
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  const base = loadTarget(opts.target, sets);
  const scenario = withRun(base.scenario);
  const ref = parseLeverRef(opts.lever, scenario);
  return {
    scenario,
    source: base.source,
    path: base.path,
    ref,
    at: (value) => withRun(loadTarget(opts.target, [...sets, ...leverOverrides(ref, value)]).scenario),
  };
}

/** Values of `--values` must be finite numbers: said with where they came from. */
function checkValues(values: readonly number[]): void {
  if (values.length === 0) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'a sweep needs at least one value',
      location: { path: '--values' },
      expected: '--values a,b,c or --from A --to B --steps N',
      found: 'none',
    });
  }
}

/** A sweep with every input checked: the scenario at each value compiled, the goals resolved. */
interface PreparedSweep {
  readonly v: VariedScenario;
  /** the scenario at each value, compiled */
  readonly source: PairedModels;
  readonly models: readonly CompiledModel[];
  readonly goalIds: readonly string[];
}

/** Checks a sweep's inputs (values, lever, goal, the scenario at every value) before any run. */
function prepareSweep(opts: SweepOptions): PreparedSweep {
  checkValues(opts.values);
  const v = loadVaried(opts);
  const scenarios = opts.values.map(v.at);
  const models = scenarios.map(compileModel);
  const source = pairedModels(
    scenarios.map((scenario) => ({ scenario })),
    models,
  );
  const first = models[0];
  if (first === undefined) throw new Error('no model');
  const goalIds =
    opts.goal !== undefined
      ? [first.goals[resolveGoal(v.scenario, first, opts.goal)]?.id ?? '']
      : first.goals.map((g) => g.id);
  return { v, source, models, goalIds };
}

/**
 * P(goal) and spend as one lever varies, every value on the same trajectories (common random
 * numbers), with the paired difference of each value from the previous one.
 */
export async function sweepLever(
  opts: SweepOptions,
  prepared: PreparedSweep = prepareSweep(opts),
): Promise<{ result: SweepResult; scenario: ResolvedScenario }> {
  const { v, source, models, goalIds } = prepared;
  const index = models.map((m) => goalIds.map((id) => m.goals.findIndex((g) => g.id === id)));
  const pairs = models.slice(1).map((_, k) => [k + 1, k] as const);
  const { runs, seed } = v.scenario;
  const meter = workMeter(opts.onProgress);
  meter.expect(runs);
  const st = await withPoolAsync(
    opts.workers ?? defaultWorkers(),
    (pool) => runPairedStats(source, seed, runs, index, pairs, { pool, signal: opts.signal, meter }),
    runs * models.length,
  );
  const result: SweepResult = {
    kind: 'sweep',
    version: packageVersion(),
    scenario: v.scenario.id,
    plan: v.scenario.plan.id,
    source: v.source,
    runs,
    seed,
    lever: leverDescription(v.ref),
    goals: goalIds.map((id) => goalRef(v.scenario, id)),
    points: opts.values.map((value, k) => {
      const pm = st.perModel[k];
      const pp = k > 0 ? st.perPair[k - 1] : undefined;
      const model = models[k];
      if (pm === undefined || model === undefined) throw new Error('missing model');
      return {
        value,
        goals: goalIds.map((id, g) => {
          const d = pp?.goals[g]?.met;
          return {
            ...goalEstimateJson(st, k, g, id),
            fromPrevious:
              d === undefined
                ? null
                : { diff: roundTo(momentMean(d), 4), pairedStdErr: roundTo(momentStdErr(d), 5) },
          };
        }),
        spend: spendEstimateJson(st, k),
        budgets: model.budgets.flatMap((b, i) => {
          if (b.kind !== 'cap') return [];
          const p = (pm.overspent[i] ?? 0) / runs;
          return [
            {
              id: b.id,
              overspendProbability: roundTo(p, 4),
              overspendStdErr: roundTo(Math.sqrt((p * (1 - p)) / runs), 5),
            },
          ];
        }),
      };
    }),
    warnings: evidenceWarnings(v.scenario, v.ref),
  };
  return { result, scenario: v.scenario };
}

/** `ladder sweep`: sweep, write reports/sweep-<scenario>--<lever>/. */
export async function sweepCommand(opts: SweepOptions): Promise<SweepOutcome> {
  const prepared = prepareSweep(opts);
  const { v } = prepared;
  const dir = opts.out ?? join('reports', `sweep-${folderName([v.scenario.id, v.ref.ref])}`);
  const staged = opts.noWrite === true ? undefined : stageReportDir(dir);
  try {
    const { result, scenario } = await sweepLever(opts, prepared);
    return {
      result,
      scenario,
      ...(await writeAnalysisReport(staged, opts, v.path, (o) => sweepReportFiles(result, scenario, o))),
    };
  } finally {
    staged?.discard();
  }
}
