import type { CompiledBudget, CompiledModel } from '../model/compile.js';
import { goalMet, goalRequirement, goalValue } from '../model/goals.js';
import { runPairedRange } from './paired.js';

/**
 * What a comparison keeps of one trajectory of several models: for each model k in turn, for
 * each compared goal g (index `goalIndex[k][g]` into the model's goals) its value in the goal
 * year and 1/0 for met; then the total spend; then 1/0 per budget line for promises over its cap.
 * One row of numbers per trajectory, so the rows of a block can be sent between threads and
 * added to paired statistics in trajectory order (analysis/pairedStats.ts, `addOutcomes`).
 */
export function outcomeWidth(
  models: readonly CompiledModel[],
  goalIndex: readonly (readonly number[])[],
): number {
  return models.reduce((w, m, k) => w + 2 * (goalIndex[k]?.length ?? 0) + 1 + m.budgets.length, 0);
}

/** Total spend over the simulated years (the `spend` measure, yuan). */
export function totalSpend(model: CompiledModel, out: Float64Array): number {
  const nYears = model.years.length;
  let s = 0;
  if (model.spendMeasure >= 0)
    for (let y = 1; y < nYears; y++) s += out[model.spendMeasure * nYears + y] ?? 0;
  return s;
}

/** Whether a trajectory's promises exceed a cap: over its period, or in any year (`per: year`). */
export function overspends(bud: CompiledBudget, out: Float64Array, nYears: number): boolean {
  if (bud.kind !== 'cap') return false;
  let demand = 0;
  for (let y = 0; y < nYears; y++) {
    if (bud.active[y] !== 1) continue;
    const d = out[bud.demandMeasure * nYears + y] ?? 0;
    if (bud.per === 'year' && d > bud.amount) return true;
    demand += d;
  }
  return bud.per === 'period' && demand > bud.amount;
}

/** Writes one trajectory's outcome row (see {@link outcomeWidth}) at `row[offset …]`. */
export function writeOutcomes(
  models: readonly CompiledModel[],
  goalIndex: readonly (readonly number[])[],
  outs: readonly Float64Array[],
  row: Float64Array,
  offset: number,
): void {
  let j = offset;
  models.forEach((model, k) => {
    const out = outs[k];
    const gi = goalIndex[k] ?? [];
    const nYears = model.years.length;
    for (const i of gi) {
      const goal = model.goals[i];
      if (goal === undefined || out === undefined) {
        row[j++] = 0;
        row[j++] = 0;
        continue;
      }
      const v = goalValue(goal, out, nYears, goal.yearIndex);
      row[j++] = v;
      row[j++] = goalMet(goal, v, goalRequirement(goal, out, nYears)) ? 1 : 0;
    }
    row[j++] = out === undefined ? 0 : totalSpend(model, out);
    for (const b of model.budgets) row[j++] = out !== undefined && overspends(b, out, nYears) ? 1 : 0;
  });
}

/**
 * Runs trajectories [start, start + count) of several models on common random numbers
 * (`runPairedRange`) and returns their outcome rows, trajectory after trajectory.
 */
export function pairedOutcomes(
  models: readonly CompiledModel[],
  goalIndex: readonly (readonly number[])[],
  seed: string,
  start: number,
  count: number,
): Float64Array {
  const width = outcomeWidth(models, goalIndex);
  const rows = new Float64Array(count * width);
  runPairedRange(models, seed, start, count, (i, outs) => {
    writeOutcomes(models, goalIndex, outs, rows, (i - start) * width);
  });
  return rows;
}
