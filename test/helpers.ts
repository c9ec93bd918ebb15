import { loadPlan } from '../src/io/loadPlan.js';
import { compileModel, type CompiledModel } from '../src/model/compile.js';
import { resolveScenario } from '../src/model/resolveScenario.js';
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
