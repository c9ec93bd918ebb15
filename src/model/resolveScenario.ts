import type { ParamName } from '../schema/params.js';
import type { Budget, Lever, Plan } from '../schema/plan.js';
import type { Prior } from '../schema/prior.js';
import type { BudgetOverride, LeverOverride, ResolvedScenario, ScenarioInput } from '../schema/scenario.js';
import { DEFAULT_PRIORS } from './priors.js';

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = '1';

/** The default last simulated year: the latest goal year or the plan's end. */
export function defaultHorizon(plan: Plan): number {
  return Math.max(plan.period.to, ...plan.goals.map((g) => g.year));
}

/**
 * Applies defaults to a scenario: the plan (with base overrides), the model's priors with the
 * scenario's overrides, runs, seed, horizon. Pure; the plan passed in is already validated, and
 * the caller re-validates the plan when `base` overrides change it.
 */
export function resolveScenario(input: ScenarioInput, plan: Plan, fallbackId: string): ResolvedScenario {
  const priors: Record<ParamName, Prior> = { ...DEFAULT_PRIORS };
  for (const [k, v] of Object.entries(input.priors ?? {}) as [ParamName, Prior | undefined][]) {
    if (v !== undefined) priors[k] = v;
  }
  const policy = input.policy ?? 'as-written';
  const levers = policy === 'status-quo' ? [] : applyLeverOverrides(plan.levers, input.levers ?? {});
  const budgets = applyBudgetOverrides(plan.budgets, input.budgets ?? {});
  const budgetIds = new Set(budgets.map((b) => b.id));
  const resolvedPlan: Plan = {
    ...plan,
    base: input.base === undefined ? plan.base : { ...plan.base, ...input.base },
    levers: levers.map((l) => ({ ...l, budgets: l.budgets.filter((b) => budgetIds.has(b)) })),
    budgets,
  };
  return {
    id: input.id ?? fallbackId,
    name: input.name ?? plan.name,
    description: input.description ?? '',
    plan: resolvedPlan,
    runs: input.runs ?? DEFAULT_RUNS,
    seed: input.seed === undefined ? DEFAULT_SEED : String(input.seed),
    horizon: input.horizon ?? defaultHorizon(plan),
    applicationMultiplier: input.applicationMultiplier ?? {},
    priors,
    policy,
  };
}

/** The plan's levers with a scenario's overrides: disabled ones dropped, amounts and years replaced. */
export function applyLeverOverrides(
  levers: readonly Lever[],
  overrides: Readonly<Record<string, LeverOverride>>,
): Lever[] {
  return levers.flatMap((l) => {
    const o = overrides[l.id];
    if (o === undefined) return [l];
    if (o.enabled === false) return [];
    return [
      {
        ...l,
        amounts: l.amounts.map((a) => {
          const v = o.amounts?.[a.id];
          return v === undefined ? a : { ...a, amount: { ...a.amount, value: v } };
        }),
        ...(o.years !== undefined ? { years: o.years } : {}),
      },
    ];
  });
}

/** The plan's budget lines with a scenario's overrides: disabled caps dropped, amounts replaced. */
export function applyBudgetOverrides(
  budgets: readonly Budget[],
  overrides: Readonly<Record<string, BudgetOverride>>,
): Budget[] {
  return budgets.flatMap((b) => {
    const o = overrides[b.id];
    if (o === undefined) return [b];
    if (o.enabled === false) return [];
    return [o.amount === undefined ? b : { ...b, amount: o.amount }];
  });
}

/** The same scenario without the plan's levers: the counterfactual of what the plan buys. */
export function resolveStatusQuo(s: ResolvedScenario): ResolvedScenario {
  return { ...s, policy: 'status-quo', plan: { ...s.plan, levers: [] } };
}
