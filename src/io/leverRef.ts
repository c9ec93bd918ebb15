import { PARAM_BOUNDS, PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { AmountUnit, BaseCount } from '../schema/plan.js';
import type { Prior } from '../schema/prior.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { InputError } from './errors.js';
import type { SetOverride } from './setOverrides.js';
import { suggest } from './suggest.js';

/**
 * A number of a scenario that a sweep or a goal-seek varies, resolved against the scenario:
 * a lever amount, a budget line, a field of a prior or of a base count, or an application
 * multiplier. `current` is its value in the scenario (NaN when the scenario does not set it).
 */
export type LeverRef =
  | {
      readonly kind: 'amount';
      readonly ref: string;
      readonly lever: string;
      readonly amount: string;
      readonly unit: AmountUnit;
      readonly current: number;
    }
  | { readonly kind: 'budget'; readonly ref: string; readonly budget: string; readonly current: number }
  | {
      readonly kind: 'prior';
      readonly ref: string;
      readonly param: ParamName;
      readonly field: string;
      readonly prior: Prior;
      readonly current: number;
    }
  | {
      readonly kind: 'base';
      readonly ref: string;
      readonly key: string;
      readonly field: string;
      readonly count: BaseCount;
      readonly current: number;
    }
  | { readonly kind: 'multiplier'; readonly ref: string; readonly year: string; readonly current: number };

/** The forms a lever reference may take, for messages. */
export const LEVER_REF_FORMS =
  '<lever-id> (its first amount), <lever-id>.<amount-id>, budget:<budget-id>, or a --set path such as ' +
  'levers.<id>.amounts.<amount-id>, budgets.<id>.amount, priors.<name>.high, base.<key>.value, ' +
  'applicationMultiplier.<year>';

function refError(ref: string, message: string, expected: string, candidates: readonly string[] = []): never {
  const last = ref.split(/[.:]/).pop() ?? ref;
  const near = suggest(ref, candidates) ?? (last !== ref ? suggest(last, candidates) : undefined);
  throw new InputError({
    code: 'E_USAGE',
    message,
    location: { file: '--lever', path: ref },
    expected,
    found: JSON.stringify(ref),
    ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
  });
}

/** Every short reference of the scenario's levers and budgets (for "did you mean"). */
export function leverRefCandidates(s: ResolvedScenario): string[] {
  return [
    ...s.plan.levers.flatMap((l) => [l.id, ...l.amounts.map((a) => `${l.id}.${a.id}`)]),
    ...s.plan.budgets.map((b) => `budget:${b.id}`),
  ];
}

function amountRef(
  s: ResolvedScenario,
  ref: string,
  leverId: string,
  amountId: string | undefined,
): LeverRef {
  const lever = s.plan.levers.find((l) => l.id === leverId);
  if (lever === undefined) {
    const why =
      s.policy === 'status-quo'
        ? `the scenario runs the status quo: none of the plan's levers acts, so ${JSON.stringify(leverId)} cannot be varied`
        : `no lever ${JSON.stringify(leverId)} acts in scenario ${s.id}`;
    refError(ref, why, LEVER_REF_FORMS, leverRefCandidates(s));
  }
  if (lever.amounts.length === 0) {
    refError(
      ref,
      `lever ${lever.id} states no amount, so there is nothing to vary; vary the prior of its response instead (docs/model.md, "Levers")`,
      'a lever with an amount, or a prior field such as priors.listingSupportEffect.high',
      leverRefCandidates(s),
    );
  }
  const amount = amountId === undefined ? lever.amounts[0] : lever.amounts.find((a) => a.id === amountId);
  if (amount === undefined) {
    refError(
      ref,
      `lever ${lever.id} has no amount ${JSON.stringify(amountId)}`,
      `one of ${lever.amounts.map((a) => `${lever.id}.${a.id}`).join(', ')}`,
      lever.amounts.map((a) => `${lever.id}.${a.id}`),
    );
  }
  return {
    kind: 'amount',
    ref,
    lever: lever.id,
    amount: amount.id,
    unit: amount.amount.unit,
    current: amount.amount.value,
  };
}

function budgetRef(s: ResolvedScenario, ref: string, budgetId: string): LeverRef {
  const budget = s.plan.budgets.find((b) => b.id === budgetId);
  if (budget === undefined) {
    refError(
      ref,
      s.plan.budgets.length === 0
        ? `plan ${s.plan.id} states no budget line`
        : `no budget ${JSON.stringify(budgetId)} in scenario ${s.id}`,
      s.plan.budgets.length === 0
        ? 'a lever amount or a prior field'
        : `one of ${s.plan.budgets.map((b) => `budget:${b.id}`).join(', ')}`,
      s.plan.budgets.map((b) => `budget:${b.id}`),
    );
  }
  return { kind: 'budget', ref, budget: budget.id, current: budget.amount };
}

function priorRef(s: ResolvedScenario, ref: string, name: string, field: string | undefined): LeverRef {
  if (!(PARAM_NAMES as readonly string[]).includes(name)) {
    refError(ref, `unknown parameter ${JSON.stringify(name)}`, 'a parameter of docs/model.md', [
      ...PARAM_NAMES.map((p) => `priors.${p}.high`),
    ]);
  }
  const param = name as ParamName;
  const prior = s.priors[param];
  const fields =
    prior.dist === 'fixed' ? ['value'] : prior.dist === 'pert' ? ['low', 'mode', 'high'] : ['low', 'high'];
  if (field === undefined || !fields.includes(field)) {
    refError(
      ref,
      `the prior of ${param} is ${prior.dist}: name one of its numbers`,
      fields.map((f) => `priors.${param}.${f}`).join(', '),
      fields.map((f) => `priors.${param}.${f}`),
    );
  }
  const current = prior.dist === 'fixed' ? prior.value : (prior as Record<string, unknown>)[field];
  return { kind: 'prior', ref, param, field, prior, current: typeof current === 'number' ? current : NaN };
}

function baseRef(s: ResolvedScenario, ref: string, key: string, field: string | undefined): LeverRef {
  const count = s.plan.base[key];
  const keys = Object.keys(s.plan.base);
  if (count === undefined) {
    refError(
      ref,
      `no base count ${JSON.stringify(key)} in plan ${s.plan.id}`,
      `one of ${keys.join(', ')}`,
      keys.map((k) => `base.${k}.value`),
    );
  }
  const fields = ['value', 'low', 'high'];
  if (field === undefined || !fields.includes(field)) {
    refError(
      ref,
      'name a number of the base count',
      fields.map((f) => `base.${key}.${f}`).join(', '),
      fields.map((f) => `base.${key}.${f}`),
    );
  }
  const current = field === 'value' ? count.value : field === 'low' ? count.low : count.high;
  return { kind: 'base', ref, key, field, count, current: current ?? NaN };
}

/**
 * Resolves a lever reference against a scenario. Throws a located `InputError` (`--lever`) for
 * an unknown lever, amount, budget or parameter, with the nearest name when there is one.
 */
export function parseLeverRef(ref: string, s: ResolvedScenario): LeverRef {
  const text = ref.trim();
  if (text.startsWith('budget:')) return budgetRef(s, text, text.slice('budget:'.length));
  const parts = text.split('.');
  const [head, a, b, c] = parts;
  switch (head) {
    case 'levers':
      if (a !== undefined && b === 'amounts' && c !== undefined && parts.length === 4)
        return amountRef(s, text, a, c);
      return refError(
        text,
        'a lever path names an amount',
        'levers.<lever-id>.amounts.<amount-id>',
        leverRefCandidates(s),
      );
    case 'budgets':
      if (a !== undefined && b === 'amount' && parts.length === 3) return budgetRef(s, text, a);
      return refError(text, 'a budget path names its amount', 'budgets.<budget-id>.amount');
    case 'priors':
      if (a !== undefined && parts.length <= 3) return priorRef(s, text, a, b);
      return refError(
        text,
        'a prior path names a parameter and a number',
        'priors.<name>.<low|mode|high|value>',
      );
    case 'base':
      if (a !== undefined && parts.length <= 3) return baseRef(s, text, a, b);
      return refError(text, 'a base path names a count and a number', 'base.<key>.<value|low|high>');
    case 'applicationMultiplier':
      if (a !== undefined && /^\d{4}$/.test(a) && parts.length === 2)
        return { kind: 'multiplier', ref: text, year: a, current: s.applicationMultiplier[a] ?? 1 };
      return refError(text, 'an application multiplier names a year', 'applicationMultiplier.<year>');
    default:
      break;
  }
  if (
    parts.length <= 2 &&
    head !== undefined &&
    (s.plan.levers.some((l) => l.id === head) || s.policy === 'status-quo')
  )
    return amountRef(s, text, head, a);
  return refError(
    text,
    `unknown lever ${JSON.stringify(text)} for scenario ${s.id}`,
    LEVER_REF_FORMS,
    leverRefCandidates(s),
  );
}

/**
 * The `--set` overrides that give the referenced number the value `value`. A prior or a base
 * count is written whole (the scenario's own, or the default, with one number changed), so the
 * result validates like a scenario file: a share above 1, a negative amount or a prior outside
 * its range is refused with the override's text as its location.
 */
export function leverOverrides(ref: LeverRef, value: number): SetOverride[] {
  // errors at the override are located at `--lever <ref>=<value>`
  const set = (path: readonly string[], v: unknown): SetOverride => ({
    text: `--lever ${ref.ref}=${String(value)}`,
    path,
    value: v,
  });
  switch (ref.kind) {
    case 'amount':
      return [set(['levers', ref.lever, 'amounts', ref.amount], value)];
    case 'budget':
      return [set(['budgets', ref.budget, 'amount'], value)];
    case 'prior':
      return [set(['priors', ref.param], { ...ref.prior, [ref.field]: value })];
    case 'base':
      return [set(['base', ref.key], { ...ref.count, [ref.field]: value })];
    case 'multiplier':
      return [set(['applicationMultiplier', ref.year], value)];
  }
}

/**
 * The range a goal-seek searches when none is given: a share in [0, 1], a prior within its
 * parameter's bounds, a multiplier in [0, 20], anything else from 0 to ten times its current
 * value (or a round default when it is 0).
 */
export function leverBounds(ref: LeverRef): readonly [number, number] {
  const tenfold = (fallback: number): readonly [number, number] => [
    0,
    Number.isFinite(ref.current) && ref.current > 0 ? 10 * ref.current : fallback,
  ];
  switch (ref.kind) {
    case 'amount':
      if (ref.unit === 'share' || ref.unit === 'share-of-deduction') return [0, 1];
      if (ref.unit === 'count' || ref.unit === 'count-per-year') return tenfold(100);
      return tenfold(1_000_000);
    case 'budget':
      return tenfold(1_000_000_000);
    case 'prior':
      return PARAM_BOUNDS[ref.param];
    case 'base':
      return tenfold(1000);
    case 'multiplier':
      return [0, 20];
  }
}

/** Whether the number is money (yuan), for display. */
export function isMoney(ref: LeverRef): boolean {
  return (
    ref.kind === 'budget' ||
    (ref.kind === 'amount' &&
      (ref.unit === 'yuan' || ref.unit === 'yuan-per-firm' || ref.unit === 'yuan-per-year'))
  );
}
