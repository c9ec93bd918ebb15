import { stream } from '../engine/rng.js';
import { compileModel } from '../model/compile.js';
import { paramSlots } from '../model/paramSlots.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { mean, round, sig, sliceOutcomes, type DesignContext } from './designContext.js';
import { runRows, spanRows, type Evaluate } from './designRuns.js';
import { discoverRegion } from './discovery.js';
import { uncertainFactors } from './factors.js';
import { leverEffects, leverVariants } from './leverEffects.js';
import { HIGH, LOW, oneWayEffects } from './oneWay.js';
import { sobolDesign } from './sobolDesign.js';
import { valueOfInformation } from './valueOfInformation.js';
import { warningSentence } from '../model/warnings.js';

export { leverVariants } from './leverEffects.js';

/** Sizes of the designs. */
export interface SensitivitySettings {
  /** plain Monte Carlo sample (P(goal), value of information, scenario discovery) */
  readonly runs: number;
  /** trajectories per arm of the one-way (tornado) and lever comparisons */
  readonly tornadoRuns: number;
  /** pilot pairs that decide whether an input moves the goal at all */
  readonly tornadoPilot: number;
  /** rows N of each Saltelli matrix */
  readonly sobolRows: number;
  /** trajectories averaged per Saltelli row */
  readonly sobolReplicates: number;
  /** equal-probability bins for the value of information */
  readonly bins: number;
  readonly sobolBootstrap: number;
  readonly voiBootstrap: number;
}

export const DEFAULT_SENSITIVITY: SensitivitySettings = {
  runs: 10_000,
  tornadoRuns: 2000,
  tornadoPilot: 100,
  sobolRows: 2048,
  sobolReplicates: 2,
  bins: 20,
  sobolBootstrap: 1000,
  voiBootstrap: 200,
};

/** What a caller hears while the designs run. */
export interface SensitivityHooks {
  /**
   * The trajectories the designs will run: first an estimate (every input taken as active), then,
   * once the one-way pilot has found the inert inputs, the exact count (`report.trajectories`).
   */
  readonly expect?: (trajectories: number, estimated: boolean) => void;
}

/**
 * The trajectories every design of an analysis runs, with `inputs` uncertain inputs of which
 * `active` move the goal (found by the one-way pilot; default: all of them): the plain sample,
 * the one-way pilot for every input and its remaining pairs for the active ones, each lever
 * variant, and the Saltelli matrices A, B and one AB per active input.
 */
export function designTrajectories(
  scenario: ResolvedScenario,
  settings: SensitivitySettings,
  counts?: { readonly inputs: number; readonly active: number },
): number {
  const inputs = counts?.inputs ?? uncertainFactors(scenario, compileModel(scenario)).length;
  const active = counts?.active ?? inputs;
  const n = settings.runs;
  const pairs = Math.min(settings.tornadoRuns, n);
  const pilot = Math.min(settings.tornadoPilot, pairs);
  const variants = scenario.policy === 'status-quo' ? 0 : leverVariants(scenario).length;
  return (
    n +
    2 * inputs * pilot +
    (pairs > pilot ? 2 * active * (pairs - pilot) : 0) +
    variants * pairs +
    (active > 0 ? (2 + active) * settings.sobolRows * settings.sobolReplicates : 0)
  );
}

/** Drivers listed: the top of each ranking. */
const TOP = 5;

type Driver = SensitivityReport['drivers'][number];

/** Inputs in the top TOP of any ranking, best first (best rank, then sum of ranks). */
function drivers(
  factors: readonly ReturnType<typeof uncertainFactors>[number][],
  rankings: readonly (readonly string[])[],
): Driver[] {
  const rankOf = rankings.map((names) => new Map(names.map((n, r) => [n, r + 1])));
  const rows = factors.map((f) => {
    const [tornadoRank = null, sobolRank = null, voiRank = null] = rankOf.map((m) => m.get(f.name) ?? null);
    return {
      factor: f.name,
      group: f.group,
      tag: f.tag,
      reliance: f.reliance,
      tornadoRank,
      sobolRank,
      voiRank,
    };
  });
  const best = (d: Driver): number => Math.min(d.tornadoRank ?? 1e9, d.sobolRank ?? 1e9, d.voiRank ?? 1e9);
  const sum = (d: Driver): number => (d.tornadoRank ?? 1e6) + (d.sobolRank ?? 1e6) + (d.voiRank ?? 1e6);
  return rows
    .filter((d) => best(d) <= TOP)
    .sort((a, b) => best(a) - best(b) || sum(a) - sum(b) || a.factor.localeCompare(b.factor));
}

/**
 * What drives the verdict on one goal: one-way (tornado) effects of every uncertain input and of
 * the bureau's levers, Sobol' indices of the goal margin, the value of knowing each input, and the
 * regions of the inputs where the goal fails (and where it is met). Every design derives its
 * streams from the scenario's seed and uses common random numbers; every estimate carries its
 * Monte Carlo error. docs/cli.md ("sensitivity") describes the methods and the output.
 */
export async function analyseSensitivity(
  scenario: ResolvedScenario,
  goalId: string,
  settings: SensitivitySettings,
  evaluate: Evaluate,
  version: string,
  hooks: SensitivityHooks = {},
): Promise<SensitivityReport> {
  const model = compileModel(scenario);
  const goalIndex = model.goals.findIndex((g) => g.id === goalId);
  const goal = scenario.plan.goals.find((g) => g.id === goalId);
  if (goalIndex < 0 || goal === undefined || goal.kind !== 'projected') {
    throw new Error(`analyseSensitivity: ${goalId} is not a simulated goal of ${scenario.id}`);
  }
  const seed = scenario.seed;
  const slots = paramSlots(model).length;
  const factors = uncertainFactors(scenario, model);
  let trajectories = 0;
  const ctx: DesignContext = {
    scenario,
    seed,
    slots,
    run: async (s, rowSeed, rows, keep = false) => {
      const r = await runRows(evaluate, s, rowSeed, goalIndex, rows, keep);
      trajectories += r.met.length;
      return r;
    },
  };
  const warnings: string[] = [];

  const n = settings.runs;
  const pairs = Math.min(settings.tornadoRuns, n);
  const pilot = Math.min(settings.tornadoPilot, pairs);
  const planned = (active: number): number =>
    designTrajectories(scenario, settings, { inputs: factors.length, active });
  hooks.expect?.(planned(factors.length), true);

  // the plain sample: P(goal) as `ladder run` reports it, and the inputs each trajectory drew
  const plain = await ctx.run(scenario, seed, spanRows(new Float64Array(slots).fill(Number.NaN), 0, n), true);
  const p = mean(plain.met);
  const pSe = Math.sqrt((p * (1 - p)) / n);
  const marginMean = mean(plain.margin);
  let ss = 0;
  for (const x of plain.margin) ss += (x - marginMean) ** 2;
  const marginSe = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  if (p === 0 || p === 1) {
    warnings.push(warningSentence('goal-always', { outcome: p === 0 ? 'missed' : 'met', runs: String(n) }));
  }

  const oneWay = await oneWayEffects(ctx, factors, pairs, pilot);
  const active = factors.filter((_f, i) => oneWay.active[i] === true);
  hooks.expect?.(planned(active.length), false);
  const levers = await leverEffects(ctx, sliceOutcomes(plain, 0, pairs), pairs);
  let sobol: SensitivityReport['sobol'] = null;
  if (active.length > 0) {
    const s = await sobolDesign(
      ctx,
      active,
      settings.sobolRows,
      settings.sobolReplicates,
      settings.sobolBootstrap,
    );
    sobol = s.result;
    warnings.push(...s.warnings);
  }
  const uniforms = plain.uniforms ?? new Float64Array(0);
  const columns = active.map((f) =>
    Float64Array.from({ length: n }, (_, r) => uniforms[r * slots + f.slot] ?? 0),
  );
  const voi = valueOfInformation(
    active,
    columns,
    plain.met,
    settings.bins,
    stream(seed, 0, 'voi-bootstrap'),
    settings.voiBootstrap,
  );
  const discovery = {
    failure: discoverRegion(
      active,
      columns,
      Uint8Array.from(plain.met, (v) => 1 - v),
      'missed',
    ),
    success: discoverRegion(active, columns, plain.met, 'met'),
  };

  const maxOf = (xs: readonly number[]): number => xs.reduce((a, b) => Math.max(a, b), 0);
  return {
    kind: 'sensitivity',
    scenario: scenario.id,
    plan: scenario.plan.id,
    seed,
    version,
    goal: {
      id: goal.id,
      label: goal.label.zh,
      labelEn: goal.label.en,
      measure: goal.measure,
      comparison: goal.comparison,
      target: goal.target,
      year: goal.year,
    },
    settings: {
      runs: n,
      tornadoRuns: pairs,
      tornadoPilot: pilot,
      sobolRows: settings.sobolRows,
      sobolReplicates: settings.sobolReplicates,
      bins: settings.bins,
    },
    trajectories,
    probability: { value: round(p, 4), se: round(pSe, 4) },
    margin: { mean: round(marginMean, 2), se: round(marginSe, 2) },
    factors: factors.map((f, i) => ({
      name: f.name,
      group: f.group,
      kind: f.kind,
      tag: f.tag,
      reliance: f.reliance,
      levers: scenario.plan.levers.filter((l) => f.leverTypes.includes(l.type)).map((l) => l.id),
      p10: sig(f.value(LOW)),
      p90: sig(f.value(HIGH)),
      inert: oneWay.active[i] !== true,
    })),
    tornado: oneWay.rows,
    levers,
    sobol,
    valueOfInformation: voi,
    discovery,
    drivers: drivers(active, [
      oneWay.rows.map((t) => t.factor),
      (sobol?.indices ?? []).map((x) => x.factor),
      voi.map((v) => v.factor),
    ]),
    monteCarloError: {
      probabilitySe: round(pSe, 4),
      tornadoMaxDPSe: round(maxOf(oneWay.rows.map((t) => t.dPSe)), 4),
      tornadoMaxDMarginSe: round(maxOf(oneWay.rows.map((t) => t.dMarginSe)), 2),
      leverMaxDPSe: round(maxOf(levers.map((l) => l.dPSe)), 4),
      sobolWidestInterval:
        sobol === null
          ? null
          : round(maxOf(sobol.indices.flatMap((x) => [x.s1Hi - x.s1Lo, x.stHi - x.stLo])), 3),
      voiMaxSe: round(maxOf(voi.map((v) => v.rmsSe)), 4),
    },
    warnings,
  };
}
