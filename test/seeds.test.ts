import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Plan, Tier } from '../src/schema/plan.js';
import type { Comparison, Goal, LeverType } from '../src/schema/plan.js';

/** The plans in `seeds/`, with the shared seed text each one is built from. */
const PLANS = {
  'zhanjiang-2023': { seed: '000_b6b7b2d6c0d8837f.txt', region: 'zhanjiang', baseYear: 2020 },
  'jieyang-2024': { seed: '001_e5ee640610a49a2c.txt', region: 'jieyang', baseYear: 2023 },
  'jiangmen-2021': { seed: '002_33c4d3663ad753f6.txt', region: 'jiangmen', baseYear: 2020 },
  'yueyang-2022': { seed: '003_311ba6f0175c939d.txt', region: 'yueyang', baseYear: 2021 },
  'hunan-zones-2017': { seed: '004_2cccbe40d0005b5e.txt', region: 'hunan_hightech_zones', baseYear: 2016 },
} as const;
type PlanId = keyof typeof PLANS;
const PLAN_IDS = Object.keys(PLANS) as PlanId[];

const seedsDir = new URL('../seeds/', import.meta.url);
const sharedSeedsDir = new URL('../../shared/seeds/', import.meta.url);
const sharedDataDir = new URL('../../shared/data/', import.meta.url);

/** Goal rows of INDEX.md ("Goals on the ladder"), one row per figure. */
interface ExpectedGoal {
  readonly plan: PlanId;
  /** A projected measure, or `qualitative` for a goal without a figure the model projects. */
  readonly measure: string;
  readonly comparison: Comparison | null;
  readonly target: number | null;
  readonly year: number;
  /** The INDEX.md wording, for failure messages. */
  readonly index: string;
}

const EXPECTED_GOALS: readonly ExpectedGoal[] = [
  { plan: 'zhanjiang-2023', measure: 'hnte', comparison: '>=', target: 700, year: 2025, index: '高企 ≥ 700' },
  {
    plan: 'zhanjiang-2023',
    measure: 'hnte:agri',
    comparison: '>=',
    target: 100,
    year: 2025,
    index: '涉农 高企 ≥ 100',
  },
  {
    plan: 'zhanjiang-2023',
    measure: 'qualitative',
    comparison: null,
    target: null,
    year: 2025,
    index: 'firms listing on capital markets: "a certain number"',
  },
  { plan: 'jieyang-2024', measure: 'hnte', comparison: '>=', target: 600, year: 2026, index: '高企 ≥ 600' },
  {
    plan: 'jieyang-2024',
    measure: 'hnte:manufacturing',
    comparison: '>=',
    target: 500,
    year: 2026,
    index: 'of which manufacturing 高企 ≥ 500',
  },
  {
    plan: 'jieyang-2024',
    measure: 'qualitative',
    comparison: null,
    target: null,
    year: 2026,
    index: '"双倍增" of 高企',
  },
  {
    plan: 'jieyang-2024',
    measure: 'qualitative',
    comparison: null,
    target: null,
    year: 2026,
    index: '专精特新 cultivation (no figure)',
  },
  { plan: 'jiangmen-2021', measure: 'hnte', comparison: '>', target: 2200, year: 2023, index: '高企 > 2200' },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte',
    comparison: 'net-gain',
    target: 350,
    year: 2023,
    index: '高企 net gain ≥ 350 over 2020',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte:aboveScale',
    comparison: '>',
    target: 1200,
    year: 2023,
    index: '规上工业 高企 > 1200',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte:aboveScale',
    comparison: 'net-gain',
    target: 200,
    year: 2023,
    index: '规上工业 高企 net gain ≥ 200 over 2020',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte:rd50m',
    comparison: 'x-base',
    target: 2,
    year: 2023,
    index: '高企 with R&D ≥ 50M yuan: double the 2020 count',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte:revenue500m',
    comparison: '>=',
    target: 120,
    year: 2023,
    index: '高企 with revenue ≥ 500M yuan ≥ 120',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'listed',
    comparison: 'x-base',
    target: 2,
    year: 2023,
    index: 'listed 高企: double the 2020 count',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'listed',
    comparison: 'net-gain',
    target: 10,
    year: 2023,
    index: 'listed 高企: net gain ≥ 10',
  },
  {
    plan: 'jiangmen-2021',
    measure: 'hnte:iuCentre',
    comparison: '>=',
    target: 100,
    year: 2023,
    index: '高企 running an industry–university centre ≥ 100',
  },
  { plan: 'yueyang-2022', measure: 'hnte', comparison: '=', target: 1100, year: 2025, index: '高企 = 1100' },
  {
    plan: 'yueyang-2022',
    measure: 'hnte_new',
    comparison: 'new-since-base',
    target: 500,
    year: 2025,
    index: '500 new 高企 over the period',
  },
  {
    plan: 'yueyang-2022',
    measure: 'tsme',
    comparison: '=',
    target: 1200,
    year: 2025,
    index: 'registered 科技型中小企业 = 1200',
  },
  {
    plan: 'yueyang-2022',
    measure: 'tsme_new',
    comparison: 'new-since-base',
    target: 600,
    year: 2025,
    index: '600 new registered 科技型中小企业',
  },
  {
    plan: 'yueyang-2022',
    measure: 'giant_new',
    comparison: 'new-since-base',
    target: 20,
    year: 2025,
    index: 'new national 小巨人 +20',
  },
  {
    plan: 'yueyang-2022',
    measure: 'srdi_new',
    comparison: 'new-since-base',
    target: 100,
    year: 2025,
    index: 'new provincial 专精特新 +100',
  },
  {
    plan: 'yueyang-2022',
    measure: 'qualitative',
    comparison: null,
    target: 3,
    year: 2025,
    index: '单项冠军 +3',
  },
  {
    plan: 'yueyang-2022',
    measure: 'listed_new',
    comparison: 'new-since-base',
    target: 2,
    year: 2025,
    index: 'new listed or 新三板-quoted tech firms +2',
  },
  {
    plan: 'hunan-zones-2017',
    measure: 'hnte',
    comparison: 'x-base',
    target: 2,
    year: 2019,
    index: '高企 count doubles vs 2016',
  },
  {
    plan: 'hunan-zones-2017',
    measure: 'tsme',
    comparison: 'x-base',
    target: 2,
    year: 2019,
    index: '科技型中小微企业 count doubles vs 2016',
  },
];

/** Lever rows of INDEX.md ("Levers stated in the plans"), one row per distinct measure. */
interface ExpectedLever {
  readonly plan: PlanId;
  readonly id: string;
  readonly type: LeverType;
  readonly index: string;
}

const EXPECTED_LEVERS: readonly ExpectedLever[] = [
  {
    plan: 'zhanjiang-2023',
    id: 'move-in-bonus',
    type: 'move-in-bonus',
    index: 'one-off 300k yuan for move-in',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'first-cert-reward',
    type: 'first-cert-reward',
    index: 'matching rewards for newly certified 高企',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'technical-upgrade',
    type: 'technical-upgrade',
    index: '≥ 200 industrial firms doing 技改 each year',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'incubators',
    type: 'incubators',
    index: 'incubators > 18, maker spaces > 20',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'platforms',
    type: 'platforms',
    index: 'R&D institutions > 600, provincial+ platforms ≥ 180',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'county-incubation',
    type: 'incubators',
    index: 'incubation carriers in every county',
  },
  {
    plan: 'zhanjiang-2023',
    id: 'tech-credit-reserve',
    type: 'tech-finance',
    index: 'tech-credit risk reserve',
  },
  { plan: 'zhanjiang-2023', id: 'ip-subsidies', type: 'ip-support', index: 'IP subsidies' },
  {
    plan: 'jieyang-2024',
    id: 'hnte-double-doubling',
    type: 'cultivation-programme',
    index: '高企 "double-doubling" programme',
  },
  { plan: 'jieyang-2024', id: 'tax-policies', type: 'tax-incentive', index: 'tax policies' },
  { plan: 'jieyang-2024', id: 'srdi-cultivation', type: 'srdi-cultivation', index: '专精特新 cultivation' },
  {
    plan: 'jieyang-2024',
    id: 'leader-firms',
    type: 'cultivation-programme',
    index: 'leader-firm cultivation',
  },
  { plan: 'jieyang-2024', id: 'provincial-platforms', type: 'platforms', index: '105 provincial platforms' },
  {
    plan: 'jieyang-2024',
    id: 'rd-institution-coverage',
    type: 'platforms',
    index: 'full coverage of R&D institutions in firms with revenue ≥ 100M',
  },
  { plan: 'jieyang-2024', id: 'incubator-chain', type: 'incubators', index: 'incubator chain' },
  {
    plan: 'jieyang-2024',
    id: 'tech-finance',
    type: 'tech-finance',
    index: 'tech-finance (risk reserve, IP-pledge loans doubling)',
  },
  { plan: 'jieyang-2024', id: 'talent', type: 'talent', index: '16 talent teams, 17 leading talents' },
  {
    plan: 'jiangmen-2021',
    id: 'first-cert-reward',
    type: 'first-cert-reward',
    index: 'reward 300k yuan for first certification (500k inside 人才岛)',
  },
  {
    plan: 'jiangmen-2021',
    id: 'recert-reward',
    type: 'recert-reward',
    index: '100k for re-certification (200k inside 人才岛)',
  },
  { plan: 'jiangmen-2021', id: 'move-in-bonus', type: 'move-in-bonus', index: 'up to 1M yuan for move-in' },
  {
    plan: 'jiangmen-2021',
    id: 'rd-subsidy',
    type: 'rd-subsidy',
    index: 'R&D subsidy of 25% of the extra deduction',
  },
  {
    plan: 'jiangmen-2021',
    id: 'innovation-model',
    type: 'recognition-award',
    index: '≥ 2M yuan a year for "innovation model" 高企',
  },
  {
    plan: 'jiangmen-2021',
    id: 'cultivation-pipeline',
    type: 'cultivation-programme',
    index: 'incubator → tech SME → 高企 closed-loop pipeline',
  },
  {
    plan: 'jiangmen-2021',
    id: 'listing-seed-pools',
    type: 'listing-support',
    index: 'listing "seed" and "golden seed" pools',
  },
  {
    plan: 'jiangmen-2021',
    id: 'tech-finance',
    type: 'tech-finance',
    index: 'risk reserve pool, loan interest subsidies',
  },
  { plan: 'jiangmen-2021', id: 'iu-centres', type: 'iu-centres', index: '100 industry–university centres' },
  {
    plan: 'jiangmen-2021',
    id: 'agent-blacklist',
    type: 'agent-blacklist',
    index: 'black-list for fraudulent application agents',
  },
  {
    plan: 'yueyang-2022',
    id: 'climbing-action',
    type: 'cultivation-programme',
    index: 'tech-enterprise "climbing" (登高) action',
  },
  { plan: 'yueyang-2022', id: 'listing-support', type: 'listing-support', index: 'listing support' },
  { plan: 'yueyang-2022', id: 'rd-institutions', type: 'platforms', index: '15 new-type R&D institutions' },
  {
    plan: 'yueyang-2022',
    id: 'incubators',
    type: 'incubators',
    index: '2 national + 5 provincial incubators',
  },
  { plan: 'yueyang-2022', id: 'city-tech-projects', type: 'rd-subsidy', index: '100 city tech projects' },
  {
    plan: 'yueyang-2022',
    id: 'investment-funds',
    type: 'investment-fund',
    index: 'investment funds > 10 billion yuan',
  },
  { plan: 'yueyang-2022', id: 'rd-spending', type: 'rd-spending', index: 'R&D spend 15 billion yuan a year' },
  { plan: 'yueyang-2022', id: 'tech-loans', type: 'tech-finance', index: 'tech-firm loan share 3%' },
  {
    plan: 'hunan-zones-2017',
    id: 'hnte-sme-cultivation',
    type: 'cultivation-programme',
    index: '高企 and tech SMEs double vs 2016',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'incubators',
    type: 'incubators',
    index:
      '≥ 2 national incubators + 2 national maker spaces per national zone, ≥ 2 provincial per provincial zone',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'leader-firms-100',
    type: 'cultivation-programme',
    index: '"百千万": 100 leader firms',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'high-growth-1000',
    type: 'cultivation-programme',
    index: '"百千万": 1,000 high-growth firms',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'tech-micro-10000',
    type: 'cultivation-programme',
    index: '"百千万": 10,000 tech micro-firms',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'tech-finance-platform',
    type: 'tech-finance',
    index: 'tech-finance platform',
  },
  {
    plan: 'hunan-zones-2017',
    id: 'zone-evaluation',
    type: 'zone-evaluation',
    index: 'performance evaluation of zones',
  },
];

/** Figures of INDEX.md's lever rows that the levers must carry (value of one amount). */
const EXPECTED_AMOUNTS: readonly { plan: PlanId; lever: string; values: readonly number[] }[] = [
  { plan: 'zhanjiang-2023', lever: 'move-in-bonus', values: [300_000] },
  { plan: 'zhanjiang-2023', lever: 'technical-upgrade', values: [200] },
  { plan: 'zhanjiang-2023', lever: 'incubators', values: [18, 20] },
  { plan: 'zhanjiang-2023', lever: 'platforms', values: [600, 180] },
  { plan: 'jieyang-2024', lever: 'provincial-platforms', values: [105] },
  { plan: 'jieyang-2024', lever: 'talent', values: [16, 17] },
  { plan: 'jiangmen-2021', lever: 'first-cert-reward', values: [300_000, 500_000] },
  { plan: 'jiangmen-2021', lever: 'recert-reward', values: [100_000, 200_000] },
  { plan: 'jiangmen-2021', lever: 'move-in-bonus', values: [1_000_000] },
  { plan: 'jiangmen-2021', lever: 'rd-subsidy', values: [0.25] },
  { plan: 'jiangmen-2021', lever: 'innovation-model', values: [2_000_000] },
  { plan: 'jiangmen-2021', lever: 'iu-centres', values: [100] },
  { plan: 'yueyang-2022', lever: 'rd-institutions', values: [15] },
  { plan: 'yueyang-2022', lever: 'incubators', values: [2, 5] },
  { plan: 'yueyang-2022', lever: 'city-tech-projects', values: [100] },
  { plan: 'yueyang-2022', lever: 'investment-funds', values: [10_000_000_000] },
  { plan: 'yueyang-2022', lever: 'rd-spending', values: [15_000_000_000, 0.026] },
  { plan: 'yueyang-2022', lever: 'tech-loans', values: [0.03] },
  { plan: 'hunan-zones-2017', lever: 'leader-firms-100', values: [100] },
  { plan: 'hunan-zones-2017', lever: 'high-growth-1000', values: [1000] },
  { plan: 'hunan-zones-2017', lever: 'tech-micro-10000', values: [10_000] },
];

/**
 * Budget lines. INDEX.md lists Jiangmen's "500M yuan of fiscal money over three years" among the
 * levers; it is the budget that pays the first-certification, re-certification and move-in rewards.
 */
const EXPECTED_BUDGETS: readonly {
  plan: PlanId;
  id: string;
  kind: 'cap' | 'floor';
  amount: number;
  per: 'period' | 'year';
  paysFor: readonly string[];
}[] = [
  {
    plan: 'jiangmen-2021',
    id: 'hnte-cultivation',
    kind: 'cap',
    amount: 500_000_000,
    per: 'period',
    paysFor: ['first-cert-reward', 'recert-reward', 'move-in-bonus'],
  },
  {
    plan: 'jiangmen-2021',
    id: 'rd-subsidy',
    kind: 'cap',
    amount: 10_000_000,
    per: 'year',
    paysFor: ['rd-subsidy'],
  },
  {
    plan: 'jiangmen-2021',
    id: 'innovation-model',
    kind: 'floor',
    amount: 2_000_000,
    per: 'year',
    paysFor: ['innovation-model'],
  },
];

/** Measures a projected goal may use. */
const MEASURES = new Set([
  ...Tier.options,
  'hnte:agri',
  'hnte:manufacturing',
  'hnte:aboveScale',
  'hnte:rd50m',
  'hnte:revenue500m',
  'hnte:iuCentre',
  'tsme_new',
  'hnte_new',
  'srdi_new',
  'giant_new',
  'listed_new',
]);

/** Text artefacts of the seed files that no quote may carry. */
const ARTEFACTS = ['[bookmark', '188博金宝', '金宝搏'];

function readPlan(id: PlanId): Plan {
  const raw: unknown = parse(readFileSync(new URL(`${id}.yaml`, seedsDir), 'utf8'));
  const result = Plan.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`seeds/${id}.yaml does not match Plan:\n${issues}`);
  }
  return result.data;
}

function readSeedText(file: string): string {
  return readFileSync(new URL(file, sharedSeedsDir), 'utf8');
}

/** Rows of observed_counts.csv keyed by "region,measure,year" (the first four columns hold no commas). */
function readObserved(): Map<string, number> {
  const text = readFileSync(new URL('data/observed_counts.csv', seedsDir), 'utf8');
  const rows = new Map<string, number>();
  for (const line of text.split('\n').slice(1)) {
    const [region, measure, year, value] = line.split(',');
    if (region === undefined || measure === undefined || year === undefined || value === undefined) continue;
    rows.set(`${region},${measure},${year}`, Number(value));
  }
  return rows;
}

function goalMatches(goal: Goal, row: ExpectedGoal): boolean {
  if (goal.year !== row.year || (goal.target ?? null) !== row.target) return false;
  if (row.measure === 'qualitative') return goal.kind === 'qualitative';
  return goal.kind === 'projected' && goal.measure === row.measure && goal.comparison === row.comparison;
}

const plans = new Map(PLAN_IDS.map((id) => [id, readPlan(id)] as const));

function planOf(id: PlanId): Plan {
  const plan = plans.get(id);
  if (plan === undefined) throw new Error(`no plan ${id}`);
  return plan;
}

describe('seeds', () => {
  it('holds all five plans, each under its own id, region and seed file', () => {
    expect([...plans.keys()].sort()).toEqual([...PLAN_IDS].sort());
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const spec = PLANS[id];
      expect(plan.id).toBe(id);
      expect(plan.region.id).toBe(spec.region);
      expect(plan.document.file).toBe(spec.seed);
      expect(plan.baseYear).toBe(spec.baseYear);
      expect(plan.baseYear).toBeLessThanOrEqual(plan.period.from);
      expect(readSeedText(spec.seed).length).toBeGreaterThan(0);
    }
  });

  it('uses region ids that the observed counts use', () => {
    const regions = new Set([...readObserved().keys()].map((key) => key.split(',')[0]));
    for (const id of PLAN_IDS) expect(regions, id).toContain(planOf(id).region.id);
  });

  it.each(EXPECTED_GOALS.map((row) => [`${row.plan}: ${row.index}`, row] as const))(
    'carries the INDEX.md goal %s',
    (_name, row) => {
      const goals = planOf(row.plan).goals;
      // Rows sharing a shape (two qualitative goals of one year) must each find their own goal.
      const same = EXPECTED_GOALS.filter(
        (r) =>
          r.plan === row.plan &&
          r.measure === row.measure &&
          r.comparison === row.comparison &&
          r.target === row.target &&
          r.year === row.year,
      ).length;
      expect(goals.filter((g) => goalMatches(g, row)).length).toBeGreaterThanOrEqual(same);
    },
  );

  it('carries no goal that INDEX.md does not list', () => {
    for (const id of PLAN_IDS) {
      const expected = EXPECTED_GOALS.filter((row) => row.plan === id).length;
      expect(planOf(id).goals, id).toHaveLength(expected);
    }
  });

  it.each(EXPECTED_LEVERS.map((row) => [`${row.plan}: ${row.index}`, row] as const))(
    'carries the INDEX.md lever %s',
    (_name, row) => {
      const lever = planOf(row.plan).levers.find((l) => l.id === row.id);
      expect(lever, row.id).toBeDefined();
      expect(lever?.type).toBe(row.type);
    },
  );

  it('carries the figures of the levers', () => {
    for (const row of EXPECTED_AMOUNTS) {
      const lever = planOf(row.plan).levers.find((l) => l.id === row.lever);
      const values = lever?.amounts.map((a) => a.amount.value) ?? [];
      expect(values, `${row.plan} ${row.lever}`).toEqual(row.values);
    }
  });

  it('carries the budget lines, and every lever names budgets that exist', () => {
    for (const row of EXPECTED_BUDGETS) {
      const plan = planOf(row.plan);
      const budget = plan.budgets.find((b) => b.id === row.id);
      expect(budget, row.id).toMatchObject({ kind: row.kind, amount: row.amount, per: row.per });
      expect(budget?.years).toEqual(plan.period);
      for (const leverId of row.paysFor) {
        expect(plan.levers.find((l) => l.id === leverId)?.budgets, leverId).toContain(row.id);
      }
    }
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const expected = EXPECTED_BUDGETS.filter((row) => row.plan === id).map((row) => row.id);
      expect(plan.budgets.map((b) => b.id).sort(), id).toEqual([...expected].sort());
      const budgetIds = new Set(plan.budgets.map((b) => b.id));
      for (const lever of plan.levers) {
        for (const b of lever.budgets) expect(budgetIds, `${id} ${lever.id}`).toContain(b);
      }
    }
  });

  it('gives goals and levers unique ids and projected goals known measures', () => {
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const goalIds = plan.goals.map((g) => g.id);
      const leverIds = plan.levers.map((l) => l.id);
      expect(new Set(goalIds).size, id).toBe(goalIds.length);
      expect(new Set(leverIds).size, id).toBe(leverIds.length);
      for (const goal of plan.goals) {
        if (goal.kind === 'projected') expect(MEASURES, `${id} ${goal.id}`).toContain(goal.measure);
      }
    }
  });

  it('quotes every goal, lever and budget verbatim from the plan text', () => {
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const text = readSeedText(plan.document.file);
      const sources = [
        ...plan.goals.map((g) => [`goal ${g.id}`, g.source] as const),
        ...plan.levers.map((l) => [`lever ${l.id}`, l.source] as const),
        ...plan.budgets.map((b) => [`budget ${b.id}`, b.source] as const),
      ];
      for (const [what, source] of sources) {
        expect(source.file, `${id} ${what}`).toBe(plan.document.file);
        expect(text.includes(source.quote), `${id} ${what}: ${source.quote}`).toBe(true);
        for (const artefact of ARTEFACTS) expect(source.quote, `${id} ${what}`).not.toContain(artefact);
      }
    }
  });

  it('has every goal after the base year and within the reach of the plan', () => {
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      for (const goal of plan.goals) {
        expect(goal.year, `${id} ${goal.id}`).toBeGreaterThan(plan.baseYear);
        expect(goal.year, `${id} ${goal.id}`).toBeLessThanOrEqual(plan.period.to);
      }
    }
  });

  it('has a base count for every tier, sector and mark', () => {
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const required = [
        ...Tier.options,
        ...plan.sectors.filter((s) => s !== 'other').map((s) => `hnte:${s}`),
        ...Object.keys(plan.marks).map((m) => `hnte:${m}`),
      ];
      for (const key of required) expect(Object.keys(plan.base), id).toContain(key);
    }
  });

  it('traces every base count to its source', () => {
    const observed = readObserved();
    for (const id of PLAN_IDS) {
      const plan = planOf(id);
      const text = readSeedText(plan.document.file);
      for (const [key, count] of Object.entries(plan.base)) {
        const where = `${id} base ${key}`;
        if (count.origin === 'observed') {
          const match = /^observed_counts\.csv: ([a-z_]+,[a-z_]+,\d{4})$/.exec(count.source);
          expect(match, where).not.toBeNull();
          expect(observed.get(match?.[1] ?? ''), where).toBe(count.value);
          expect(match?.[1]?.endsWith(`,${plan.baseYear}`), where).toBe(true);
        } else if (count.origin === 'plan') {
          expect(count.source, where).toBe(plan.document.file);
          expect(text.includes(count.quote ?? '\u0000'), where).toBe(true);
        } else {
          expect(count.low, where).toBeDefined();
          expect(count.high, where).toBeDefined();
        }
      }
    }
  });

  it('ships the observed counts unchanged', () => {
    const shipped = readFileSync(new URL('data/observed_counts.csv', seedsDir));
    const shared = readFileSync(new URL('observed_counts.csv', sharedDataDir));
    expect(shipped.equals(shared)).toBe(true);
  });
});
