import { loadPlan } from '../src/io/loadPlan.js';
import { compileModel, type CompiledModel } from '../src/model/compile.js';
import { resolveScenario } from '../src/model/resolveScenario.js';
import type { RunSummary } from '../src/schema/result.js';
import type { ResolvedScenario, ScenarioInput } from '../src/schema/scenario.js';

export const PLAN_IDS = [
  'zhanjiang-2023',
  'jieyang-2024',
  'jiangmen-2021',
  'yueyang-2022',
  'hunan-zones-2017',
] as const;

/** A resolved scenario of a shipped plan with optional overrides. */
export function scenarioOf(planId: string, overrides: Partial<ScenarioInput> = {}): ResolvedScenario {
  const plan = loadPlan(planId);
  return resolveScenario({ plan: planId, ...overrides }, plan, planId);
}

export function modelOf(planId: string, overrides: Partial<ScenarioInput> = {}): CompiledModel {
  return compileModel(scenarioOf(planId, overrides));
}

/**
 * What is wrong with a run summary's numbers: NaN or infinite anywhere; a probability outside
 * [0, 1]; a negative count, spend or demand (series, budgets, the quantiles of a goal on a count).
 * Differences (the levers' effect) and net gains may be negative. Empty when all is well.
 */
export function summaryProblems(summary: RunSummary): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push(`${path} = ${v}`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, `${path}.${i}`);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(summary, '');
  const nonNegative = (x: number | null, path: string): void => {
    if (x !== null && x < 0) problems.push(`${path} = ${x} < 0`);
  };
  const probability = (x: number | null, path: string): void => {
    if (x !== null && !(x >= 0 && x <= 1)) problems.push(`${path} = ${x} outside [0, 1]`);
  };
  for (const r of summary.series) {
    for (const k of ['p05', 'p25', 'p50', 'p75', 'p95', 'mean'] as const) {
      nonNegative(r[k], `series ${r.measure} ${r.year} ${k}`);
    }
  }
  for (const g of summary.goals) {
    probability(g.probability, `goal ${g.id} probability`);
    for (const y of [...g.byYear, ...g.firstReached]) probability(y.probability, `goal ${g.id} ${y.year}`);
    probability(g.shortfall.probability, `goal ${g.id} shortfall`);
    if (!['net-gain', 'x-base'].includes(g.comparison)) {
      for (const [k, q] of Object.entries(g.quantiles)) nonNegative(q, `goal ${g.id} ${k}`);
    }
  }
  for (const b of summary.budgets) {
    for (const [k, x] of [...Object.entries(b.spend), ...Object.entries(b.demand)]) {
      nonNegative(x, `budget ${b.id} ${k}`);
    }
    probability(b.overspendProbability, `budget ${b.id} overspend`);
  }
  return problems;
}
