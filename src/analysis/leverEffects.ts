import { LEVER_RESPONSES, type ResponseForm } from '../model/leverResponses.js';
import type { Lever } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { spanRows } from './designRuns.js';
import { round, type DesignContext, type Outcomes } from './designContext.js';
import { pairedDifference } from './pairedDifference.js';

/** One scenario variant the bureau could choose instead of the plan as written. */
export interface LeverVariant {
  readonly target: 'lever' | 'budget' | 'all-levers';
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly variant: 'off' | 'x0.5' | 'x2' | 'no-cap';
  readonly scenario: ResolvedScenario;
}

/** Response forms whose strength depends on the lever's amount (the others act on or off). */
const AMOUNT_FORMS: ReadonlySet<ResponseForm> = new Set(['reward', 'rd-subsidy', 'count']);

function scaleLever(l: Lever, f: number): Lever {
  return {
    ...l,
    amounts: l.amounts.map((a) => ({
      ...a,
      amount: {
        ...a.amount,
        value: a.amount.unit === 'share' ? Math.min(1, a.amount.value * f) : a.amount.value * f,
      },
    })),
  };
}

/**
 * What the bureau controls, as scenario variants: all levers off (the status quo), each lever off,
 * the amounts of each lever whose response depends on its amount halved and doubled, each budget
 * cap halved, doubled and lifted.
 */
export function leverVariants(s: ResolvedScenario): LeverVariant[] {
  const plan = s.plan;
  const out: LeverVariant[] = [];
  const withPlan = (p: Partial<typeof plan>): ResolvedScenario => ({ ...s, plan: { ...plan, ...p } });
  if (plan.levers.length > 0) {
    out.push({
      target: 'all-levers',
      id: 'all',
      label: '不实施方案中的任何措施',
      labelEn: 'none of the plan’s levers',
      variant: 'off',
      scenario: { ...withPlan({ levers: [] }), policy: 'status-quo' },
    });
  }
  plan.levers.forEach((l, i) => {
    const replace = (x: Lever | null): Lever[] =>
      plan.levers.flatMap((y, j) => (j !== i ? [y] : x === null ? [] : [x]));
    const named = { target: 'lever' as const, id: l.id, label: l.label.zh, labelEn: l.label.en };
    out.push({ ...named, variant: 'off', scenario: withPlan({ levers: replace(null) }) });
    if (l.amounts.length > 0 && AMOUNT_FORMS.has(LEVER_RESPONSES[l.type].form)) {
      out.push({ ...named, variant: 'x0.5', scenario: withPlan({ levers: replace(scaleLever(l, 0.5)) }) });
      out.push({ ...named, variant: 'x2', scenario: withPlan({ levers: replace(scaleLever(l, 2)) }) });
    }
  });
  plan.budgets.forEach((b, i) => {
    if (b.kind !== 'cap') return;
    const budgets = (amount: number | null): typeof plan.budgets =>
      plan.budgets.flatMap((y, j) => (j !== i ? [y] : amount === null ? [] : [{ ...y, amount }]));
    const named = { target: 'budget' as const, id: b.id, label: b.label.zh, labelEn: b.label.en };
    out.push({ ...named, variant: 'x0.5', scenario: withPlan({ budgets: budgets(b.amount * 0.5) }) });
    out.push({ ...named, variant: 'x2', scenario: withPlan({ budgets: budgets(b.amount * 2) }) });
    out.push({
      ...named,
      variant: 'no-cap',
      scenario: withPlan({
        budgets: budgets(null),
        levers: plan.levers.map((l) => ({ ...l, budgets: l.budgets.filter((id) => id !== b.id) })),
      }),
    });
  });
  return out;
}

/**
 * Each lever variant run on trajectories 0 … pairs − 1 and compared with the same trajectories of
 * the plan as written (`asWritten`), as paired differences.
 */
export async function leverEffects(
  ctx: DesignContext,
  asWritten: Outcomes,
  pairs: number,
): Promise<SensitivityReport['levers']> {
  const variants = ctx.scenario.policy === 'status-quo' ? [] : leverVariants(ctx.scenario);
  const drawn = new Float64Array(ctx.slots).fill(Number.NaN);
  const runs = await Promise.all(
    variants.map((v) => ctx.run(v.scenario, ctx.seed, spanRows(drawn, 0, pairs))),
  );
  return variants.map((v, k) => {
    const r = runs[k];
    if (r === undefined) throw new Error('leverEffects: lost a variant');
    const dp = pairedDifference(asWritten.met, r.met);
    const dm = pairedDifference(asWritten.margin, r.margin);
    return {
      target: v.target,
      id: v.id,
      label: v.label,
      labelEn: v.labelEn,
      variant: v.variant,
      p: round(dp.meanB, 4),
      dP: round(dp.diff, 4),
      dPSe: round(dp.se, 4),
      dMargin: round(dm.diff, 2),
      dMarginSe: round(dm.se, 2),
      pairs,
    };
  });
}
