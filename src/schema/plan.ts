import { z } from 'zod';
import { Id, LocalizedText, MAX_COUNT, MAX_YUAN, SourceQuote, Year } from './common.js';
import { Prior } from './prior.js';
import { checkPriorBounds } from './priorBounds.js';
import { Mark, Sector, measuresOf } from './measure.js';

export { Mark, Sector, Tier } from './measure.js';

/**
 * A base count and where it comes from: `observed` (a published count, see data),
 * `plan` (implied by the plan's own text), or `prior` (no figure: a range drawn per trajectory).
 * `low`/`high` give the range a trajectory draws from (uniform) when the number is uncertain;
 * without them the value is used as is.
 */
export const BaseCount = z
  .strictObject({
    value: z.number().nonnegative().max(MAX_COUNT),
    origin: z.enum(['observed', 'plan', 'prior']),
    low: z.number().nonnegative().max(MAX_COUNT).optional(),
    high: z.number().nonnegative().max(MAX_COUNT).optional(),
    source: z.string().min(1),
    quote: z.string().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.origin === 'prior' && (b.low === undefined || b.high === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['low'],
        message: `a base count known only as a prior needs its range (expected low and high, found ${
          b.low === undefined && b.high === undefined
            ? 'neither'
            : b.low === undefined
              ? 'only high'
              : 'only low'
        })`,
      });
    }
    if (b.low !== undefined && b.low > b.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['low'],
        message: `expected low ≤ value (${b.value}), found ${b.low}`,
      });
    }
    if (b.high !== undefined && b.high < b.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['high'],
        message: `expected high ≥ value (${b.value}), found ${b.high}`,
      });
    }
  });
export type BaseCount = z.output<typeof BaseCount>;

/**
 * How a goal's number is compared:
 * `>=`, `>`; `=` ("达到 N": reached, evaluated as ≥ N); `x-base` (count ≥ target × base count);
 * `net-gain` (count − base count ≥ target); `new-since-base` (sum of the measure's yearly new
 * flow from the year after the base year to the goal year ≥ target).
 */
export const Comparison = z.enum(['>=', '>', '=', 'x-base', 'net-gain', 'new-since-base']);
export type Comparison = z.output<typeof Comparison>;

export const Goal = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('projected'),
    id: Id,
    label: LocalizedText,
    measure: z.string().min(1),
    comparison: Comparison,
    target: z.number().nonnegative(),
    year: Year,
    note: z.string().optional(),
    source: SourceQuote,
  }),
  z.strictObject({
    kind: z.literal('qualitative'),
    id: Id,
    label: LocalizedText,
    year: Year,
    /** A figure stated for something the model does not carry (e.g. 单项冠军). */
    target: z.number().nonnegative().optional(),
    note: z.string().min(1),
    source: SourceQuote,
  }),
]);
export type Goal = z.output<typeof Goal>;

/** What kind of lever: decides which rates it may move (see docs/model.md). */
export const LeverType = z.enum([
  'first-cert-reward',
  'recert-reward',
  'move-in-bonus',
  'rd-subsidy',
  'tax-incentive',
  'cultivation-programme',
  'incubators',
  'platforms',
  'listing-support',
  'srdi-cultivation',
  'tech-finance',
  'talent',
  'technical-upgrade',
  'iu-centres',
  'ip-support',
  'recognition-award',
  'agent-blacklist',
  'investment-fund',
  'rd-spending',
  'zone-evaluation',
]);
export type LeverType = z.output<typeof LeverType>;

/** Units a lever amount may carry. Money is always in yuan. */
export const AmountUnit = z.enum([
  'yuan-per-firm',
  'yuan',
  'yuan-per-year',
  'share-of-deduction',
  'count',
  'count-per-year',
  'share',
]);
export type AmountUnit = z.output<typeof AmountUnit>;

export const Amount = z.strictObject({
  /** at most MAX_YUAN (money) — counts and shares are bounded again by the scenario checks */
  value: z.number().nonnegative().max(MAX_YUAN),
  unit: AmountUnit,
  /** "up to" (最高) amounts and floors (不少于) are marked. */
  bound: z.enum(['exact', 'at-most', 'at-least']).default('exact'),
  note: z.string().optional(),
});
export type Amount = z.output<typeof Amount>;

export const YearSpan = z.strictObject({ from: Year, to: Year }).superRefine((s, ctx) => {
  if (s.from > s.to) {
    ctx.addIssue({
      code: 'custom',
      message: `a span of years runs forwards (expected from ≤ to, found from ${s.from} to ${s.to})`,
    });
  }
});

export const Lever = z.strictObject({
  id: Id,
  type: LeverType,
  label: LocalizedText,
  amounts: z.array(z.strictObject({ id: Id, amount: Amount, label: LocalizedText })).default([]),
  years: YearSpan.optional(),
  /** Budget line ids (see `budgets`) that pay for this lever. */
  budgets: z.array(Id).default([]),
  source: SourceQuote,
});
export type Lever = z.output<typeof Lever>;

/** A budget line of the plan: a cap (money available) or a floor (money promised). */
export const Budget = z.strictObject({
  id: Id,
  label: LocalizedText,
  kind: z.enum(['cap', 'floor']),
  amount: z.number().nonnegative().max(MAX_YUAN),
  per: z.enum(['period', 'year']),
  years: YearSpan,
  source: SourceQuote,
});
export type Budget = z.output<typeof Budget>;

export const Region = z.strictObject({
  /** Region id as in the observed counts (`zhanjiang`, `hunan_hightech_zones`, …). */
  id: z.string().regex(/^[a-z][a-z_]*$/),
  level: z.enum(['city', 'province', 'zones']),
  province: z.string().min(1),
  name: LocalizedText,
});

export const MarkSpec = z.strictObject({
  label: LocalizedText,
  /** Share of newly certified 高企 that carry the mark. */
  shareOfNew: Prior,
  /** Yearly rate at which certified 高企 without the mark gain it. */
  gainRate: Prior,
});
export type MarkSpec = z.output<typeof MarkSpec>;

const PlanShape = z.strictObject({
  id: Id,
  name: LocalizedText,
  region: Region,
  document: z.strictObject({
    title: z.string().min(1),
    number: z.string().optional(),
    status: z.enum(['issued', 'draft-for-comment', 'reported']),
    file: z.string().min(1),
  }),
  period: YearSpan,
  baseYear: Year,
  /** Sector strata the goals need (none: one stratum). Shares come from `base` counts `hnte:<sector>`. */
  sectors: z.array(Sector).default([]),
  /** Marks the goals need, with their dynamics. */
  marks: z.partialRecord(Mark, MarkSpec).default({}),
  /** Base state at the end of `baseYear`: tiers and strata (`hnte:agri`, `hnte:aboveScale`, …). */
  base: z.record(z.string(), BaseCount),
  goals: z.array(Goal).min(1),
  levers: z.array(Lever).default([]),
  budgets: z.array(Budget).default([]),
  notes: z.array(z.string()).default([]),
});

const REQUIRED_BASE = ['tsme', 'hnte', 'srdi', 'giant', 'listed'] as const;

/**
 * The checks that span fields: goal years after the base year, goal measures the plan carries,
 * the base state complete, budget references resolvable, ids unique.
 */
export const Plan = PlanShape.superRefine((plan, ctx) => {
  for (const key of REQUIRED_BASE) {
    if (plan.base[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['base', key],
        message: `expected a base count for ${key}, found none`,
      });
    }
  }
  for (const s of plan.sectors) {
    if (s !== 'other' && plan.base[`hnte:${s}`] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['base', `hnte:${s}`],
        message: `expected a base count for sector ${s}, found none`,
      });
    }
  }
  for (const m of Object.keys(plan.marks)) {
    if (plan.base[`hnte:${m}`] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['base', `hnte:${m}`],
        message: `expected a base count for mark ${m}, found none`,
      });
    }
  }
  const allowedBase = new Set<string>([
    ...REQUIRED_BASE,
    ...plan.sectors.map((s) => `hnte:${s}`),
    ...Object.keys(plan.marks).map((m) => `hnte:${m}`),
  ]);
  for (const key of Object.keys(plan.base)) {
    if (!allowedBase.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['base', key],
        message: `expected one of ${[...allowedBase].join(', ')}, found ${JSON.stringify(key)}`,
      });
    }
  }
  const hnteBase = plan.base['hnte']?.value ?? 0;
  let sectorSum = 0;
  for (const s of plan.sectors) if (s !== 'other') sectorSum += plan.base[`hnte:${s}`]?.value ?? 0;
  if (sectorSum > hnteBase) {
    ctx.addIssue({
      code: 'custom',
      path: ['base'],
      message: `expected sector 高企 counts to add up to at most the 高企 count ${hnteBase}, found ${sectorSum}`,
    });
  }
  if (plan.period.from <= plan.baseYear - 1) {
    // a base year after the plan start is allowed (latest solid count), but not more than a year after
    ctx.addIssue({
      code: 'custom',
      path: ['baseYear'],
      message: `expected the base year at most one year after the plan start ${plan.period.from}, found ${plan.baseYear}`,
    });
  }
  for (const [m, spec] of Object.entries(plan.marks)) {
    checkPriorBounds(spec.shareOfNew, [0, 1], ['marks', m, 'shareOfNew'], ctx, `${m} share of new 高企`);
    checkPriorBounds(spec.gainRate, [0, 1], ['marks', m, 'gainRate'], ctx, `${m} gain rate`);
  }
  const measures = measuresOf(plan.sectors, Object.keys(plan.marks));
  const goalIds = new Set<string>();
  plan.goals.forEach((g, i) => {
    if (goalIds.has(g.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'id'],
        message: `expected a unique goal id, found ${g.id} twice`,
      });
    }
    goalIds.add(g.id);
    if (g.year <= plan.baseYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'year'],
        message: `expected a target year after the base year ${plan.baseYear}, found ${g.year}`,
      });
    }
    if (g.kind === 'projected' && !measures.includes(g.measure)) {
      ctx.addIssue({
        code: 'custom',
        path: ['goals', i, 'measure'],
        message: `expected a measure this plan carries (${measures.join(', ')}), found ${JSON.stringify(g.measure)}`,
      });
    }
  });
  const budgetIds = new Set(plan.budgets.map((b) => b.id));
  plan.levers.forEach((l, i) => {
    l.budgets.forEach((b, j) => {
      if (!budgetIds.has(b)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levers', i, 'budgets', j],
          message: `expected a budget id of this plan (${[...budgetIds].join(', ') || 'none'}), found ${JSON.stringify(b)}`,
        });
      }
    });
  });
});

export type PlanInput = z.input<typeof Plan>;
export type Plan = z.output<typeof Plan>;
