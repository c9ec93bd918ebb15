import { join } from 'node:path';
import { goalSeek, type Evaluation } from '../analysis/goalSeek.js';
import { momentMean } from '../engine/moments.js';
import { InputError } from '../io/errors.js';
import { leverBounds } from '../io/leverRef.js';
import { packageVersion } from '../io/version.js';
import { stageReportDir } from '../io/writeReport.js';
import { compileModel } from '../model/compile.js';
import { goalSeekReportFiles } from '../report/analysisReportFiles.js';
import type { Lang } from '../report/lang.js';
import type { WorkerPool } from '../engine/workerPool.js';
import { roundTo } from '../report/round.js';
import type { GoalSeekResult, SeekEvaluation } from '../schema/goalSeekResult.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import {
  evidenceWarnings,
  folderName,
  goalRef,
  leverDescription,
  monotonicityWarning,
  resolveGoal,
} from './analysisParts.js';
import { pairedModels, runPairedStats } from './pairedRun.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { workMeter } from './workProgress.js';
import { loadVaried, type VariedScenario, type VariedScenarioOptions } from './sweepLever.js';
import { writeAnalysisReport, type WrittenReport } from './writeAnalysisReport.js';

export interface GoalSeekOptions extends VariedScenarioOptions {
  readonly goal: string;
  /** the probability P(goal) must reach, in (0, 1) */
  readonly probability: number;
  /** the range searched; default the lever's own (`leverBounds`) */
  readonly min?: number;
  readonly max?: number;
  /** default (max − min)/500 */
  readonly tolerance?: number;
  readonly out?: string;
  readonly noWrite?: boolean;
  /** report languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart as PNG */
  readonly png?: boolean;
}

export interface GoalSeekOutcome extends WrittenReport {
  readonly result: GoalSeekResult;
  readonly scenario: ResolvedScenario;
}

interface Point {
  readonly p: number;
  readonly se: number;
  readonly spend: number;
}

const json = (e: Evaluation<Point>): SeekEvaluation => ({
  value: e.value,
  probability: roundTo(e.p, 4),
  probabilityStdErr: roundTo(e.se, 5),
  spend: Math.round(e.spend),
});

function usage(path: string, message: string, expected: string, found: string): InputError {
  return new InputError({ code: 'E_USAGE', message, location: { path }, expected, found });
}

/**
 * About how many values a search evaluates (for the progress bar's total, never for a result):
 * both ends, a few bracketing steps, the bisection to the tolerance and the two crossings that
 * bound the answer's interval.
 */
function expectedEvaluations(span: number, tolerance: number): number {
  return 6 + Math.ceil(Math.log2(Math.max(2, span / tolerance)));
}

/** A goal-seek with every input checked: the lever, its range and both ends, the goal. */
interface PreparedSeek {
  readonly v: VariedScenario;
  readonly lower: number;
  readonly upper: number;
  readonly goalId: string;
  /** the scenario at the lower end */
  readonly atLower: ResolvedScenario;
}

/** Checks a goal-seek's inputs before any run: the probability, the lever and its range, the goal. */
function prepareSeek(opts: GoalSeekOptions): PreparedSeek {
  if (!(opts.probability > 0 && opts.probability < 1)) {
    throw usage(
      '--probability',
      'bad --probability',
      'a probability between 0 and 1, e.g. 0.8',
      String(opts.probability),
    );
  }
  const v = loadVaried(opts);
  const [defLow, defHigh] = leverBounds(v.ref);
  const lower = opts.min ?? defLow;
  const upper = opts.max ?? defHigh;
  if (!(lower < upper)) {
    throw usage('--max', 'the range to search is empty', `--min below --max`, `${lower} to ${upper}`);
  }
  const baseModel = compileModel(v.scenario);
  const goalId = baseModel.goals[resolveGoal(v.scenario, baseModel, opts.goal)]?.id ?? opts.goal;
  // both ends must be valid values of the lever (a share above 1, a negative budget: located errors)
  const atLower = v.at(lower);
  v.at(upper);
  return { v, lower, upper, goalId, atLower };
}

/**
 * The smallest value of a lever with P(goal) ≥ the probability: `goalSeek` over an evaluator
 * that runs the scenario at a lever value on the same trajectories every time (the same seed and
 * trajectory indices: common random numbers).
 */
export async function seekLever(
  opts: GoalSeekOptions,
  prepared: PreparedSeek = prepareSeek(opts),
): Promise<{ result: GoalSeekResult; scenario: ResolvedScenario }> {
  const { v, lower, upper, goalId, atLower } = prepared;
  const { runs, seed } = v.scenario;
  const tolerance = opts.tolerance ?? (upper - lower) / 500;
  // the evaluations a search takes depend on where the answer lies: the bar's total is an estimate
  const expected = expectedEvaluations(upper - lower, tolerance);
  const meter = workMeter(opts.onProgress);
  let evaluations = 0;
  const evaluateOn =
    (pool: WorkerPool | undefined) =>
    async (value: number): Promise<Point> => {
      meter.expect(runs * Math.max(expected, evaluations + 1), true);
      const s = value === lower ? atLower : v.at(value);
      const model = compileModel(s);
      const gi = model.goals.findIndex((g) => g.id === goalId);
      const source = pairedModels([{ scenario: s }], [model]);
      const st = await runPairedStats(source, seed, runs, [[gi]], [], { pool, signal: opts.signal, meter });
      evaluations += 1;
      const pm = st.perModel[0];
      const met = pm?.goals[0]?.met;
      if (pm === undefined || met === undefined) throw new Error('no statistics');
      const p = met.sum / met.n;
      return { p, se: Math.sqrt((p * (1 - p)) / met.n), spend: momentMean(pm.spend) };
    };
  const start = Number.isFinite(v.ref.current) ? v.ref.current : undefined;
  const r = await withPoolAsync(
    opts.workers ?? defaultWorkers(),
    (pool) =>
      goalSeek<Point>({
        evaluate: evaluateOn(pool),
        lower,
        upper,
        probability: opts.probability,
        tolerance,
        ...(start !== undefined ? { start } : {}),
      }),
    runs * expected,
  );
  const warnings = [...evidenceWarnings(v.scenario, v.ref), ...monotonicityWarning(r.evaluations)];
  const result: GoalSeekResult = {
    kind: 'goal-seek',
    version: packageVersion(),
    scenario: v.scenario.id,
    plan: v.scenario.plan.id,
    source: v.source,
    runs,
    seed,
    lever: leverDescription(v.ref),
    goal: goalRef(v.scenario, goalId),
    probability: opts.probability,
    range: { lower, upper },
    tolerance,
    result:
      r.status === 'found'
        ? { status: 'found', value: r.value, at: json(r.at), interval: r.interval }
        : r.status === 'at-lower-bound'
          ? { status: 'at-lower-bound', value: r.value, at: json(r.at) }
          : r.status === 'not-reachable'
            ? { status: 'not-reachable', upper: r.upper, at: json(r.at) }
            : { status: 'not-converged', bracket: [r.bracket[0], r.bracket[1]] },
    evaluations: r.evaluations.map(json),
    warnings,
  };
  return { result, scenario: v.scenario };
}

/** `ladder goal-seek`: search, write reports/goal-seek-<scenario>--<goal>--<lever>/. */
export async function goalSeekCommand(opts: GoalSeekOptions): Promise<GoalSeekOutcome> {
  const prepared = prepareSeek(opts);
  const { v, goalId } = prepared;
  const dir = opts.out ?? join('reports', `goal-seek-${folderName([v.scenario.id, goalId, v.ref.ref])}`);
  const staged = opts.noWrite === true ? undefined : stageReportDir(dir);
  try {
    const { result, scenario } = await seekLever(opts, prepared);
    return {
      result,
      scenario,
      ...(await writeAnalysisReport(staged, opts, v.path, (o) => goalSeekReportFiles(result, scenario, o))),
    };
  } finally {
    staged?.discard();
  }
}
