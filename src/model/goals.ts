import type { CompiledGoal } from './compile.js';

/**
 * A goal's value and requirement in year index `y` of one trajectory, read from the measure
 * buffer `out` (`out[m · nYears + y]`).
 *
 * value: the measure in year y, or for `new-since-base` the measure summed over the years after
 * the base year up to y. requirement: the target, or target × base value (`x-base`), or base
 * value + target (`net-gain`). Met: value ≥ requirement, or value > requirement for `>`
 * (`=`, "达到 N", counts as met when N is reached).
 */
export function goalValue(goal: CompiledGoal, out: Float64Array, nYears: number, y: number): number {
  const row = goal.measureIndex * nYears;
  if (!goal.cumulative) return out[row + y] ?? 0;
  let sum = 0;
  for (let k = 1; k <= y; k++) sum += out[row + k] ?? 0;
  return sum;
}

export function goalRequirement(goal: CompiledGoal, out: Float64Array, nYears: number): number {
  const base = out[goal.measureIndex * nYears] ?? 0;
  switch (goal.comparison) {
    case 'x-base':
      return goal.target * base;
    case 'net-gain':
      return base + goal.target;
    default:
      return goal.target;
  }
}

export function goalMet(goal: CompiledGoal, value: number, requirement: number): boolean {
  return goal.comparison === '>' ? value > requirement : value >= requirement;
}
