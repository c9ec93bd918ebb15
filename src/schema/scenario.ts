import { z } from 'zod';
import { Id, LocalizedText, MAX_YUAN, Year } from './common.js';
import { YearSpan } from './plan.js';
import { BaseCount, Plan } from './plan.js';
import { Prior } from './prior.js';
import { PARAM_BOUNDS, ParamName } from './params.js';
import { checkPriorBounds } from './priorBounds.js';

/** Largest number of trajectories a single run accepts. */
export const MAX_RUNS = 10_000_000;

/**
 * Fewest trajectories a run accepts: every estimate carries its Monte Carlo standard error, and
 * a standard error from a sample variance (what the levers buy, paired differences) needs two.
 */
export const MIN_RUNS = 2;

/** What a scenario may change of one of the plan's levers. */
export const LeverOverride = z.strictObject({
  /** false: the lever is not applied */
  enabled: z.boolean().optional(),
  /**
   * amounts by their id in the plan (`standard`, `per-firm`, …), in the amount's own unit; ids are
   * checked against the plan (with a suggestion), so any text is accepted here
   */
  amounts: z.record(z.string(), z.number().nonnegative().max(MAX_YUAN)).optional(),
  years: YearSpan.optional(),
});
export type LeverOverride = z.output<typeof LeverOverride>;

/** What a scenario may change of one of the plan's budget lines. */
export const BudgetOverride = z.strictObject({
  /** yuan */
  amount: z.number().nonnegative().max(MAX_YUAN).optional(),
  /** false: no cap (rewards are paid whatever they cost) */
  enabled: z.boolean().optional(),
});
export type BudgetOverride = z.output<typeof BudgetOverride>;

/**
 * `as-written`: the plan's levers act (default). `status-quo`: none of the plan's levers act —
 * the counterfactual that shows what the plan buys.
 */
export const Policy = z.enum(['as-written', 'status-quo']);
export type Policy = z.output<typeof Policy>;

/**
 * A scenario as a person writes it (YAML): the plan it runs and what it overrides.
 * Everything but `plan` is optional; defaults come from the plan and the model's priors.
 */
export const ScenarioInput = z
  .strictObject({
    id: Id.optional(),
    name: LocalizedText.optional(),
    description: z.string().optional(),
    plan: Id,
    runs: z.number().int().min(MIN_RUNS).max(MAX_RUNS).optional(),
    seed: z.union([z.string().min(1), z.number().int()]).optional(),
    /** Last simulated year (default: the latest goal year or plan end). */
    horizon: Year.optional(),
    /**
     * Multipliers on first-certificate applications in given years (a surge year such as 2016,
     * or a campaign): `{ 2022: 2 }` doubles the year's applications. Default 1.
     */
    applicationMultiplier: z
      .record(z.string().regex(/^\d{4}$/, 'a year such as 2022'), z.number().min(0).max(20))
      .optional(),
    /** Prior overrides by parameter name. */
    priors: z.partialRecord(ParamName, Prior).optional(),
    policy: Policy.optional(),
    /** Lever overrides by the plan's lever id (checked against the plan, with a suggestion). */
    levers: z.record(z.string(), LeverOverride).optional(),
    /** Budget overrides by the plan's budget id (checked against the plan, with a suggestion). */
    budgets: z.record(z.string(), BudgetOverride).optional(),
    /** Base-state overrides (same keys as the plan's `base`). */
    base: z.record(z.string(), BaseCount).optional(),
  })
  .superRefine((s, ctx) => {
    for (const [name, prior] of Object.entries(s.priors ?? {}) as [ParamName, Prior | undefined][]) {
      if (prior !== undefined) checkPriorBounds(prior, PARAM_BOUNDS[name], ['priors', name], ctx, name);
    }
  });
export type ScenarioInput = z.output<typeof ScenarioInput>;

/** A scenario with every default applied: what the engine runs and every report records. */
export const ResolvedScenario = z.strictObject({
  id: Id,
  name: LocalizedText,
  description: z.string(),
  plan: Plan,
  runs: z.number().int().min(MIN_RUNS).max(MAX_RUNS),
  seed: z.string(),
  horizon: Year,
  applicationMultiplier: z.record(z.string(), z.number()),
  priors: z.record(ParamName, Prior),
  policy: Policy,
});
export type ResolvedScenario = z.output<typeof ResolvedScenario>;
