import { join } from 'node:path';
import { costPerFirm, pairedDifference } from '../analysis/pairedStats.js';
import { InputError } from '../io/errors.js';
import { loadTarget } from '../io/loadScenario.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { compileModel, type CompiledModel } from '../model/compile.js';
import { compareReportFiles } from '../report/analysisReportFiles.js';
import type { Lang } from '../report/lang.js';
import { roundTo } from '../report/round.js';
import type { PairedDifference } from '../schema/analysisCommon.js';
import type { CompareResult } from '../schema/compareResult.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { folderName, goalEstimateJson, goalRef, spendEstimateJson } from './analysisParts.js';
import { writeAnalysisReport, type WrittenReport } from './writeAnalysisReport.js';
import { pairedModels, runPairedStats } from './pairedRun.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { workMeter } from './workProgress.js';
import type { Progress } from '../engine/runner.js';
import { warningSentence } from '../model/warnings.js';

export interface CompareOptions {
  /** plan ids or scenario files, the first being the reference */
  readonly targets: readonly string[];
  /** default: the first scenario's */
  readonly runs?: number;
  /** default: the first scenario's */
  readonly seed?: string;
  /** report folder; default reports/compare-<ids> */
  readonly out?: string;
  readonly noWrite?: boolean;
  /** stops the run between two blocks of trajectories; nothing is written */
  readonly signal?: AbortSignal;
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart as PNG */
  readonly png?: boolean;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** told the trajectories done as the run goes */
  readonly onProgress?: Progress;
}

export interface CompareOutcome extends WrittenReport {
  readonly result: CompareResult;
  readonly scenarios: readonly ResolvedScenario[];
}

const round = (d: PairedDifference, digits: number): PairedDifference => ({
  diff: roundTo(d.diff, digits),
  pairedStdErr: roundTo(d.pairedStdErr, digits + 1),
  unpairedStdErr: roundTo(d.unpairedStdErr, digits + 1),
});

/**
 * The goals compared: those of the first scenario that every other scenario evaluates with the
 * same definition (measure, comparison, target, year). Scenarios of one plan share them all;
 * the rest are listed with the reason they were left out.
 */
function matchGoals(
  scenarios: readonly ResolvedScenario[],
  models: readonly CompiledModel[],
): { ids: string[]; index: number[][]; omitted: CompareResult['omittedGoals'] } {
  const first = scenarios[0];
  const firstModel = models[0];
  if (first === undefined || firstModel === undefined) return { ids: [], index: [], omitted: [] };
  const omitted: CompareResult['omittedGoals'] = [];
  const ids: string[] = [];
  const index: number[][] = models.map(() => []);
  for (const spec of first.plan.goals) {
    if (spec.kind !== 'projected') continue;
    const g = firstModel.goals.find((x) => x.id === spec.id);
    if (g === undefined) {
      omitted.push({ scenario: first.id, goal: spec.id, reason: 'not evaluated (after the horizon)' });
      continue;
    }
    const found = models.map((m, k) => {
      const s = scenarios[k];
      const other = s?.plan.goals.find((x) => x.id === g.id);
      const i = m.goals.findIndex((x) => x.id === g.id);
      if (s === undefined || other === undefined || i < 0) {
        omitted.push({
          scenario: s?.id ?? String(k),
          goal: g.id,
          reason: other === undefined ? 'the plan has no such goal' : 'not evaluated (after the horizon)',
        });
        return -1;
      }
      if (
        other.kind !== 'projected' ||
        other.measure !== spec.measure ||
        other.comparison !== spec.comparison ||
        other.target !== spec.target ||
        other.year !== spec.year
      ) {
        omitted.push({ scenario: s.id, goal: g.id, reason: 'defined differently in this scenario’s plan' });
        return -1;
      }
      return i;
    });
    if (found.every((i) => i >= 0)) {
      ids.push(g.id);
      found.forEach((i, k) => index[k]?.push(i));
    }
  }
  return { ids, index, omitted };
}

/** Runs scenarios on common random numbers and compares them goal by goal against the first. */
export async function compareScenarios(
  loaded: readonly { scenario: ResolvedScenario; source: string }[],
  opts: Pick<CompareOptions, 'runs' | 'seed' | 'signal' | 'workers' | 'onProgress'> = {},
): Promise<CompareResult> {
  const first = loaded[0]?.scenario;
  if (first === undefined || loaded.length < 2) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'compare needs at least two scenarios',
      expected: 'two or more plan ids or scenario files',
      found: String(loaded.length),
    });
  }
  const runs = opts.runs ?? first.runs;
  const seed = opts.seed ?? first.seed;
  const warnings: string[] = [];
  const scenarios = loaded.map((l) => ({ ...l.scenario, runs, seed }));
  for (const l of loaded) {
    if (opts.seed === undefined && l.scenario.seed !== seed) {
      warnings.push(warningSentence('compare-seed', { scenario: l.scenario.id, own: l.scenario.seed, seed }));
    }
  }
  const plans = [...new Set(scenarios.map((s) => s.plan.id))];
  if (plans.length > 1) {
    warnings.push(warningSentence('compare-plans', { plans: plans.join(', ') }));
  }
  const models = scenarios.map(compileModel);
  const { ids, index, omitted } = matchGoals(scenarios, models);
  if (ids.length === 0) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'the scenarios have no goal in common to compare',
      location: { path: 'scenarios' },
      expected: 'scenarios of the same plan, or plans sharing goal ids and definitions',
      found: [
        scenarios.map((s) => `${s.id} (plan ${s.plan.id})`).join(', '),
        ...omitted.slice(0, 3).map((o) => `${o.goal} of ${o.scenario}: ${o.reason}`),
      ].join('; '),
    });
  }
  const pairs = scenarios.slice(1).map((_, k) => [k + 1, 0] as const);
  const meter = workMeter(opts.onProgress);
  meter.expect(runs);
  const source = pairedModels(
    scenarios.map((scenario) => ({ scenario })),
    models,
  );
  const st = await withPoolAsync(
    opts.workers ?? defaultWorkers(),
    (pool) => runPairedStats(source, seed, runs, index, pairs, { pool, signal: opts.signal, meter }),
    runs * models.length,
  );
  return {
    kind: 'compare',
    version: packageVersion(),
    runs,
    seed,
    scenarios: loaded.map((l) => ({
      id: l.scenario.id,
      name: l.scenario.name.zh,
      nameEn: l.scenario.name.en,
      plan: l.scenario.plan.id,
      policy: l.scenario.policy,
      source: l.source,
    })),
    goals: ids.map((id) => goalRef(first, id)),
    omittedGoals: omitted,
    results: scenarios.map((s, k) => ({
      scenario: s.id,
      goals: ids.map((id, g) => goalEstimateJson(st, k, g, id)),
      spend: spendEstimateJson(st, k),
    })),
    differences: pairs.map(([k, j], p) => {
      const pp = st.perPair[p];
      const a = st.perModel[k];
      const b = st.perModel[j];
      if (pp === undefined || a === undefined || b === undefined) throw new Error('missing pair');
      return {
        scenario: scenarios[k]?.id ?? '',
        against: scenarios[j]?.id ?? '',
        goals: ids.map((id, g) => {
          const d = pp.goals[g];
          const ga = a.goals[g];
          const gb = b.goals[g];
          if (d === undefined || ga === undefined || gb === undefined) throw new Error('missing goal');
          const cost = costPerFirm(pp.spend, d.value, d.spendTimesValue);
          return {
            id,
            probability: round(pairedDifference(d.met, ga.met, gb.met), 4),
            value: round(pairedDifference(d.value, ga.value, gb.value), 2),
            yuanPerFirm: cost === null ? null : Math.round(cost.ratio),
            yuanPerFirmStdErr: cost === null ? null : Math.round(cost.stdErr),
          };
        }),
        spend: (() => {
          const d = pairedDifference(pp.spend, a.spend, b.spend);
          return {
            diff: Math.round(d.diff),
            pairedStdErr: Math.round(d.pairedStdErr),
            unpairedStdErr: Math.round(d.unpairedStdErr),
          };
        })(),
      };
    }),
    warnings,
  };
}

/** `ladder compare`: load every scenario, compare, write reports/compare-<ids>/. */
export async function compareCommand(opts: CompareOptions): Promise<CompareOutcome> {
  const loaded = opts.targets.map((t) => loadTarget(t));
  const scenarios = loaded.map((l) => l.scenario);
  const dir = opts.out ?? join('reports', `compare-${folderName(scenarios.map((s) => s.id))}`);
  const staged = opts.noWrite === true ? undefined : stageReportDir(dir);
  try {
    const result = await compareScenarios(loaded, opts);
    // the scenarios as they ran: every one on the comparison's runs and seed
    const ran = scenarios.map((s) => ({ ...s, runs: result.runs, seed: result.seed }));
    const sources = loaded.map((l) => l.path).join('; ');
    return {
      result,
      scenarios,
      ...(await writeAnalysisReport(staged, opts, sources, (o) => compareReportFiles(result, ran, o))),
    };
  } finally {
    staged?.discard();
  }
}
