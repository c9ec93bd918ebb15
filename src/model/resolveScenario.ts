import type { ParamName } from '../schema/params.js';
import type { Plan } from '../schema/plan.js';
import type { Prior } from '../schema/prior.js';
import type { ResolvedScenario, ScenarioInput } from '../schema/scenario.js';
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
  const resolvedPlan: Plan =
    input.base === undefined ? plan : { ...plan, base: { ...plan.base, ...input.base } };
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
  };
}
