import { MAX_COUNT } from './common.js';
import type { Plan } from './plan.js';
import type { ScenarioInput } from './scenario.js';

/** A problem of a scenario against its plan, at a field path of the scenario. */
export interface ScenarioIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly expected: string;
  readonly found: string;
  /** candidates for a "did you mean" */
  readonly candidates: readonly string[];
}

/**
 * Checks what only the plan can tell: lever, amount and budget ids exist; years of lever
 * overrides and application multipliers fall in the simulated span.
 */
export function checkScenarioAgainstPlan(input: ScenarioInput, plan: Plan, horizon: number): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const leverIds = plan.levers.map((l) => l.id);
  for (const [id, o] of Object.entries(input.levers ?? {})) {
    const lever = plan.levers.find((l) => l.id === id);
    if (lever === undefined) {
      issues.push({
        path: ['levers', id],
        message: `unknown lever ${JSON.stringify(id)} for plan ${plan.id}`,
        expected: `one of ${leverIds.join(', ')}`,
        found: JSON.stringify(id),
        candidates: leverIds,
      });
      continue;
    }
    const amountIds = lever.amounts.map((a) => a.id);
    for (const aid of Object.keys(o.amounts ?? {})) {
      if (!amountIds.includes(aid)) {
        issues.push({
          path: ['levers', id, 'amounts', aid],
          message: `unknown amount ${JSON.stringify(aid)} of lever ${id}`,
          expected:
            amountIds.length > 0 ? `one of ${amountIds.join(', ')}` : 'none (this lever has no amount)',
          found: JSON.stringify(aid),
          candidates: amountIds,
        });
      }
    }
    for (const [aid, value] of Object.entries(o.amounts ?? {})) {
      const unit = lever.amounts.find((a) => a.id === aid)?.amount.unit;
      if ((unit === 'share' || unit === 'share-of-deduction') && value > 1) {
        issues.push({
          path: ['levers', id, 'amounts', aid],
          message: `amount ${aid} of lever ${id} is a share`,
          expected: 'a share in [0, 1]',
          found: String(value),
          candidates: [],
        });
      }
      if ((unit === 'count' || unit === 'count-per-year') && value > MAX_COUNT) {
        issues.push({
          path: ['levers', id, 'amounts', aid],
          message: `amount ${aid} of lever ${id} is a count`,
          expected: `a count of at most ${MAX_COUNT}`,
          found: String(value),
          candidates: [],
        });
      }
    }
    if (o.years !== undefined && (o.years.from <= plan.baseYear || o.years.to > horizon)) {
      issues.push({
        path: ['levers', id, 'years'],
        message: `lever years outside the simulated span`,
        expected: `years from ${plan.baseYear + 1} to ${horizon}`,
        found: `${o.years.from}–${o.years.to}`,
        candidates: [],
      });
    }
  }
  const budgetIds = plan.budgets.map((b) => b.id);
  for (const id of Object.keys(input.budgets ?? {})) {
    if (!budgetIds.includes(id)) {
      issues.push({
        path: ['budgets', id],
        message: `unknown budget ${JSON.stringify(id)} for plan ${plan.id}`,
        expected:
          budgetIds.length > 0 ? `one of ${budgetIds.join(', ')}` : 'none (this plan states no budget)',
        found: JSON.stringify(id),
        candidates: budgetIds,
      });
    }
  }
  for (const y of Object.keys(input.applicationMultiplier ?? {})) {
    const year = Number(y);
    if (year <= plan.baseYear || year > horizon) {
      issues.push({
        path: ['applicationMultiplier', y],
        message: 'application multiplier for a year outside the simulated span',
        expected: `a year from ${plan.baseYear + 1} to ${horizon}`,
        found: y,
        candidates: [],
      });
    }
  }
  return issues;
}
