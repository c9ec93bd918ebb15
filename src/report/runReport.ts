import { DEFAULT_PRIORS } from '../model/priors.js';
import { priorSourceText } from '../model/priorSourcesZh.js';
import type { ObservedPoint } from '../schema/observed.js';
import { PARAM_NAMES } from '../schema/params.js';
import type { BaseCount } from '../schema/plan.js';
import type { Prior } from '../schema/prior.js';
import { Tier } from '../schema/measure.js';
import type { GoalResult, RunSummary, SeriesRow } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { fanChartSpec, type FanGoal } from './charts/fanChart.js';
import { goalByYearSpec } from './charts/goalByYearChart.js';
import { goalDistributionSpec } from './charts/goalDistributionChart.js';
import type { Block, Cell, ChartDef, ReportDocument, Section } from './document.js';
import { evidenceClass, type EvidenceClass } from './evidence.js';
import { fixedThreshold } from './goalDistribution.js';
import { goalVerdict, type RelativeRequirement } from './goalVerdict.js';
import type { Lang } from './lang.js';
import { formatCount, formatPercent } from './numberFormat.js';
import { scenarioHash } from './scenarioHash.js';
import { leversSection } from './leversSection.js';
import { localizeWarnings } from './warningText.js';
import { shippedNote } from './shippedNotesZh.js';
import { calibrationFitSection } from './calibrationFitSection.js';
import { regionName } from './calibrationText.js';
import type { CalibrationSummary } from '../schema/posterior.js';
import { GLOSSARY, measureName, paramName } from './terms.js';

/** What a run report is built from: plain data, read and computed by the layers below. */
export interface RunReportInput {
  readonly summary: RunSummary;
  readonly scenario: ResolvedScenario;
  /** published year-end counts of the plan's region (any measure; the charts pick theirs) */
  readonly observed: readonly ObservedPoint[];
  /** the posterior the run drew its parameters from (`--posterior`), if any */
  readonly posterior?: CalibrationSummary;
}

/**
 * How many years before the base year a fan chart draws published counts for context: as many as
 * it simulates (at least MIN_LOOKBACK), so the simulated years keep at least half the chart's
 * width. Older counts stay listed with their sources in the assumptions.
 */
function observedLookback(baseYear: number, horizon: number): number {
  return Math.max(MIN_LOOKBACK, horizon - baseYear);
}
const MIN_LOOKBACK = 3;

type T = (zh: string, en: string) => string;

function translator(lang: Lang): T {
  return (zh, en) => (lang === 'zh' ? zh : en);
}

/** The series rows of one measure, in year order. */
function seriesOf(summary: RunSummary, measure: string): SeriesRow[] {
  return summary.series.filter((r) => r.measure === measure).sort((a, b) => a.year - b.year);
}

/**
 * What a goal relative to the base count requires: target × base (`x-base`) or base + target
 * (`net-gain`), at the 5%, 50% and 95% base counts of the base-year series. Exact: the
 * requirement is monotone in the base count.
 */
export function relativeRequirement(goal: GoalResult, summary: RunSummary): RelativeRequirement | undefined {
  if (goal.comparison !== 'x-base' && goal.comparison !== 'net-gain') return undefined;
  const base = summary.series.find((r) => r.measure === goal.measure && r.year === summary.baseYear);
  if (base === undefined) return undefined;
  const f = (b: number): number => (goal.comparison === 'x-base' ? goal.target * b : b + goal.target);
  return { median: f(base.p50), low: f(base.p05), high: f(base.p95) };
}

/** Share-of-runs label of the goal year on the P-by-year chart. */
function goalYearLabel(goal: GoalResult, runs: number, lang: Lang): string {
  // no trajectory (or every one) met it: the rule-of-three bound, not "0.0%"
  const p =
    goal.probability === 0 || goal.probability === 1
      ? probabilityCell(goal, runs)
      : formatPercent(goal.probability, goal.probabilityStdErr);
  return lang === 'zh' ? `${goal.year}年：${p}` : `${goal.year}: ${p}`;
}

function observedLabel(o: ObservedPoint, lang: Lang): string {
  const v = formatCount(o.value, lang);
  if (o.qualifier === 'approximate') return lang === 'zh' ? `约${v}` : `≈${v}`;
  if (o.qualifier === 'lower_bound') return lang === 'zh' ? `超${v}` : `>${v}`;
  return v;
}

/** The measures drawn as fan charts: the tiers, then every stratum or mark a goal counts. */
function fanMeasures(summary: RunSummary): string[] {
  const out: string[] = [...Tier.options];
  for (const g of summary.goals) {
    if (g.measure.startsWith('hnte:') && !out.includes(g.measure)) out.push(g.measure);
  }
  return out.filter((m) => summary.series.some((r) => r.measure === m));
}

/** A chart id from parts: lower-case letters, digits and dashes. */
export function chartId(...parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "目标 ≥700", "目标 >2200", "目标 约2200" (relative: at the median base count). */
function requirementLabel(goal: GoalResult, requirement: number, relative: boolean, lang: Lang): string {
  const value = relative
    ? `${lang === 'zh' ? '约' : '≈'}${formatCount(requirement, lang)}`
    : `${goal.comparison === '>' ? '>' : '≥'}${formatCount(goal.target, lang)}`;
  return lang === 'zh' ? `目标 ${value}` : `goal ${value}`;
}

function goalCharts(input: RunReportInput, goal: GoalResult, lang: Lang): ChartDef[] {
  const { summary, scenario } = input;
  const t = translator(lang);
  const name = measureName(goal.measure, lang, scenario.plan);
  const relative = relativeRequirement(goal, summary);
  const threshold = fixedThreshold(goal.comparison, goal.target);
  const requirement = relative?.median ?? threshold ?? goal.target;
  const cumulative = goal.comparison === 'new-since-base';
  const what = cumulative
    ? t(
        `${summary.baseYear + 1}—${goal.year}年累计${name}`,
        `${name}, total ${summary.baseYear + 1}–${goal.year}`,
      )
    : t(`${goal.year}年${name}数量`, `${name} in ${goal.year}`);
  const distribution: ChartDef = {
    id: chartId('goal', goal.id, 'distribution'),
    alt:
      relative === undefined
        ? t(
            `${what}的模拟分布，与目标要求（${requirementLabel(goal, requirement, false, lang)}）对照。`,
            `Distribution of ${what} across trajectories, against what the goal requires (${requirementLabel(goal, requirement, false, lang)}).`,
          )
        : t(
            `${what}的模拟分布。目标随基年数量而定：红线为按基年中位数计算的要求，浅红色带为其90%范围。基年数量高的模拟，其最终数量与要求都高，因此条形不能逐一与红线对比；达成概率按每次模拟自身的基年计算。`,
            `Distribution of ${what} across trajectories. The goal depends on the base count: the red line is the requirement at the median base count, the light red band its 90% range. Trajectories with a high base count have both a high final count and a high requirement, so the bars cannot be read against the line one by one; P(met) judges each trajectory against its own base count.`,
          ),
    spec: goalDistributionSpec({
      lang,
      title: what,
      subtitle: t(
        `${formatCount(summary.runs, lang)}次模拟的分布；红线为目标要求`,
        `Distribution over ${formatCount(summary.runs, lang)} trajectories; red line: the goal`,
      ),
      distribution: goal.distribution,
      runs: summary.runs,
      requirement,
      ...(relative !== undefined ? { range: [relative.low, relative.high] as const } : {}),
      colourByOutcome: threshold !== undefined,
      xTitle: t('家', 'firms'),
      yTitle: t('模拟占比', 'share of trajectories'),
      legend: {
        met: t('达成', 'met'),
        missed: t('未达成', 'missed'),
        requirement: requirementLabel(goal, requirement, relative !== undefined, lang),
      },
    }),
  };
  const byYear: ChartDef = {
    id: chartId('goal', goal.id, 'by-year'),
    alt: t(
      `各年满足目标条件的概率；${goalYearLabel(goal, summary.runs, lang)}。`,
      `Probability that the goal's criterion holds in each year; ${goalYearLabel(goal, summary.runs, lang)}.`,
    ),
    spec: goalByYearSpec({
      lang,
      title: t('各年达成概率', 'P(goal met) by year'),
      subtitle: t(`目标年份${goal.year}年（虚线）`, `goal year ${goal.year} (dashed)`),
      byYear: goal.byYear,
      goalYear: goal.year,
      goalLabel: goalYearLabel(goal, summary.runs, lang),
      yTitle: t('达成概率', 'probability'),
    }),
  };
  return [distribution, byYear];
}

function fanChart(input: RunReportInput, measure: string, lang: Lang): ChartDef {
  const { summary, scenario } = input;
  const t = translator(lang);
  const plan = scenario.plan;
  const name = measureName(measure, lang, plan);
  const rows = seriesOf(summary, measure);
  const goals: FanGoal[] = summary.goals
    .filter((g) => g.measure === measure && g.comparison !== 'new-since-base')
    .map((g) => {
      const relative = relativeRequirement(g, summary);
      const threshold = fixedThreshold(g.comparison, g.target) ?? g.target;
      if (relative !== undefined) {
        return {
          year: g.year,
          requirement: relative.median,
          range: [relative.low, relative.high] as const,
          label: requirementLabel(g, relative.median, true, lang),
        };
      }
      return { year: g.year, requirement: threshold, label: requirementLabel(g, threshold, false, lang) };
    });
  const observed = input.observed
    .filter(
      (o) =>
        o.measure === measure &&
        o.year >= summary.baseYear - observedLookback(summary.baseYear, summary.horizon) &&
        o.year <= summary.horizon,
    )
    .sort((a, b) => a.year - b.year)
    .map((o) => ({ year: o.year, value: o.value, label: observedLabel(o, lang) }));
  const last = rows[rows.length - 1];
  return {
    id: chartId('fan', measure),
    alt: t(
      `${name}的逐年预测：中位数及50%、90%区间${last !== undefined ? `；${last.year}年中位数${formatCount(last.p50, lang)}家` : ''}。`,
      `${name} by year: median with 50% and 90% bands${last !== undefined ? `; median ${formatCount(last.p50, lang)} in ${last.year}` : ''}.`,
    ),
    spec: fanChartSpec({
      lang,
      title: name,
      subtitle: t(
        `逐年预测：中位数及50%、90%区间（${formatCount(summary.runs, lang)}次模拟）`,
        `Projection by year: median, 50% and 90% bands (${formatCount(summary.runs, lang)} trajectories)`,
      ),
      rows,
      goals,
      observed,
      yTitle: t('家', 'firms'),
      width: 360,
      height: 220,
      period: {
        from: plan.period.from,
        to: plan.period.to,
        label: t(
          `规划期 ${plan.period.from}—${plan.period.to}`,
          `plan period ${plan.period.from}–${plan.period.to}`,
        ),
      },
      legend: {
        band90: t('90%区间', '90% band'),
        band50: t('50%区间', '50% band'),
        median: t('中位数', 'median'),
        goal: t('规划目标', 'goal'),
        observed: t('公开数据', 'published count'),
      },
    }),
  };
}

/**
 * Where a run's parameter values come from, as the object of "draws … from": the priors, or the
 * posterior fitted to a region's published counts (`--posterior`).
 */
function parameterOrigin(posterior: Pick<CalibrationSummary, 'region'> | undefined, lang: Lang): string {
  if (posterior === undefined) return lang === 'zh' ? '各参数的先验分布' : 'their priors';
  return lang === 'zh'
    ? `按${regionName(posterior.region, 'zh')}已公布数据校准得到的后验分布（见“参数来源与校准拟合”一节）`
    : `the posterior fitted to the published counts of ${regionName(posterior.region, 'en')} (see “Where the parameters come from”)`;
}

function summarySection(input: RunReportInput, lang: Lang): Section {
  const { summary, scenario } = input;
  const t = translator(lang);
  const plan = scenario.plan;
  const blocks: Block[] = [];
  blocks.push({
    kind: 'paragraph',
    text: t(
      `本报告以蒙特卡洛模拟估计《${plan.name.zh}》各项量化目标在目标年份达成的概率。模型从${plan.baseYear}年底的企业数量出发，逐年模拟科技型中小企业入库、高企认定与重新认定、专精特新与“小巨人”晋升、上市等过程；每次模拟从${parameterOrigin(input.posterior, 'zh')}中抽取一组取值，共${formatCount(summary.runs, lang)}次。`,
      `This report estimates, by Monte Carlo simulation, the probability that each quantified goal of the ${plan.name.en} is met in its year. The model starts from the counts at the end of ${plan.baseYear} and simulates, year by year, tech-SME registration, 高企 certification and re-certification, promotion to 专精特新 and 小巨人, and listing; each of ${formatCount(summary.runs, lang)} trajectories draws its own parameter values from ${parameterOrigin(input.posterior, 'en')}.`,
    ),
  });
  const header = [
    t('目标', 'Goal'),
    t('年份', 'Year'),
    t('判断', 'Verdict'),
    t('达成概率', 'P(met)'),
    t('中位数（90%区间）', 'Median (90% interval)'),
  ];
  const rows: Cell[][] = summary.goals.map((g) => {
    const name = measureName(g.measure, lang, plan);
    const v = goalVerdict(
      { goal: g, runs: summary.runs, baseYear: summary.baseYear, measureName: name },
      lang,
    );
    return [
      lang === 'zh' ? g.label : g.labelEn,
      String(g.year),
      { text: v.word, tone: v.tone },
      probabilityCell(g, summary.runs),
      intervalText(g.quantiles, lang),
    ];
  });
  blocks.push({ kind: 'table', header, rows, align: ['l', 'r', 'l', 'r', 'r'] });
  for (const g of summary.goals) {
    const name = measureName(g.measure, lang, plan);
    const relative = relativeRequirement(g, summary);
    const v = goalVerdict(
      {
        goal: g,
        runs: summary.runs,
        baseYear: summary.baseYear,
        measureName: name,
        ...(relative !== undefined ? { relative } : {}),
      },
      lang,
    );
    blocks.push({
      kind: 'heading',
      text: lang === 'zh' ? g.label : g.labelEn,
      badge: { text: v.word, tone: v.tone },
    });
    blocks.push({ kind: 'paragraph', text: v.paragraph });
  }
  if (summary.qualitativeGoals.length > 0) {
    blocks.push({
      kind: 'note',
      text: t(
        '以下目标没有数量或不属于模型所刻画的梯队，未作模拟：',
        'These goals have no figure, or count something the model does not carry, and are not simulated:',
      ),
    });
    blocks.push({
      kind: 'list',
      items: summary.qualitativeGoals.map((q) => t(`${q.label}（${q.year}年）`, `${q.labelEn} (${q.year})`)),
    });
  }
  if (summary.warnings.length > 0) {
    blocks.push({ kind: 'note', text: t('提示：', 'Warnings:') });
    blocks.push({ kind: 'list', items: localizeWarnings(summary.warnings, lang, [plan]) });
  }
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

/** "396（278—565）" / "396 (278–565)": a median and its 90% interval. */
export function intervalText(
  q: { readonly p05: number; readonly p50: number; readonly p95: number },
  lang: Lang,
): string {
  const c = (n: number): string => formatCount(n, lang);
  return lang === 'zh' ? `${c(q.p50)}（${c(q.p05)}—${c(q.p95)}）` : `${c(q.p50)} (${c(q.p05)}–${c(q.p95)})`;
}

/**
 * P(met) ± its SE as a table cell ("17.0% ± 0.84%"); when no trajectory (or every one) met the
 * goal, the rule-of-three bound ("< 0.15%").
 */
export function probabilityCell(
  g: Pick<GoalResult, 'probability' | 'probabilityStdErr'>,
  runs: number,
): string {
  if (g.probability === 0 && runs <= 20_000) return `< ${formatPercent(3 / runs, 3 / runs / 10)}`;
  if (g.probability === 1 && runs <= 20_000) return `> ${formatPercent(1 - 3 / runs, 3 / runs / 10)}`;
  return `${formatPercent(g.probability, g.probabilityStdErr)} ± ${formatPercent(g.probabilityStdErr, g.probabilityStdErr / 10)}`;
}

function goalsSection(input: RunReportInput, lang: Lang): Section {
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        '左图为目标年份模拟结果的分布：绿色为达成目标的模拟，灰色为未达成；红线为目标要求（目标随基年数量而定时，浅红色带为其范围）。右图为各年满足目标条件的概率。',
        'Left: the distribution of the simulated value in the goal year; green bins meet the goal, grey bins miss it; the red line is what the goal requires (when it depends on the base count, the light red band is its range). Right: the probability that the criterion holds in each year.',
      ),
    },
  ];
  for (const g of input.summary.goals) {
    blocks.push({ kind: 'heading', text: lang === 'zh' ? g.label : g.labelEn });
    blocks.push({ kind: 'charts', charts: goalCharts(input, g, lang), columns: 2 });
  }
  return { id: 'goals', title: t('目标逐项分析', 'Goals one by one'), blocks };
}

function tiersSection(input: RunReportInput, lang: Lang): Section {
  const { summary, scenario } = input;
  const t = translator(lang);
  const measures = fanMeasures(summary);
  const charts = measures.map((m) => fanChart(input, m, lang));
  const years = [...new Set(summary.series.map((r) => r.year))].sort((a, b) => a - b);
  const rows: Cell[][] = years.map((y) => [
    String(y),
    ...measures.map((m) => {
      const r = summary.series.find((x) => x.measure === m && x.year === y);
      return r === undefined
        ? ''
        : `${formatCount(r.p50, lang)} [${formatCount(r.p05, lang)}–${formatCount(r.p95, lang)}]`;
    }),
  ]);
  return {
    id: 'tiers',
    title: t('各梯队数量预测', 'Tiers by year'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '深色带为50%区间（一半的模拟落在其中），浅色带为90%区间，粗线为中位数；红色菱形为规划目标，黑点为公开发布的实际数量，灰色底为规划期。',
          'The dark band holds half of the trajectories (50% interval), the light band 90%; the thick line is the median. Red diamonds are the plan’s goals, black dots published counts, and the grey background the plan period.',
        ),
      },
      { kind: 'charts', charts, columns: 2 },
      {
        kind: 'details',
        summary: t('数据表：中位数 [5%–95%]', 'Data: median [5%–95%]'),
        blocks: [
          {
            kind: 'table',
            header: [t('年份', 'Year'), ...measures.map((m) => measureName(m, lang, scenario.plan))],
            rows,
            align: ['r', ...measures.map(() => 'r' as const)],
          },
        ],
      },
    ],
  };
}

function priorText(p: Prior, lang: Lang): string {
  switch (p.dist) {
    case 'pert':
      return `PERT(${p.low}, ${p.mode}, ${p.high})`;
    case 'uniform':
      return lang === 'zh' ? `均匀(${p.low}, ${p.high})` : `uniform(${p.low}, ${p.high})`;
    case 'fixed':
      return lang === 'zh' ? `固定 ${p.value}` : `fixed ${p.value}`;
    case 'loguniform':
      return lang === 'zh' ? `对数均匀(${p.low}, ${p.high})` : `log-uniform(${p.low}, ${p.high})`;
  }
}

/** Where a base count comes from: the plan's own sentence, the published quote, or the reasoning. */
function baseSourceText(b: BaseCount, documentTitle: string, lang: Lang): string {
  if (b.origin === 'plan' && b.quote !== undefined) {
    return lang === 'zh'
      ? `规划原文：${b.quote}（${documentTitle}）`
      : `Plan text: ${b.quote} (${documentTitle})`;
  }
  const source = shippedNote(b.source, lang);
  if (b.quote === undefined) return source;
  const quote = shippedNote(b.quote, lang);
  return `${source} — ${quote === b.quote ? `“${quote}”` : quote}`;
}

const EVIDENCE_LABEL: Readonly<Record<EvidenceClass, { zh: string; en: string }>> = {
  sourced: { zh: '有来源', en: 'sourced' },
  mixed: { zh: '来源＋推断', en: 'source + inference' },
  inference: { zh: '推断', en: 'inference' },
};

/**
 * What the assumptions section is built from: the resolved scenario and published counts; with
 * a run summary, the published counts its fan charts show are listed too.
 */
export interface AssumptionsInput {
  readonly scenario: ResolvedScenario;
  readonly observed: readonly ObservedPoint[];
  readonly summary?: RunSummary;
}

/**
 * "Assumptions": the base counts with their sources, and every prior with its evidence tag
 * (sourced, source + inference, inference). Any report of a scenario can carry it.
 */
export function assumptionsSection(input: AssumptionsInput, lang: Lang): Section {
  const { scenario } = input;
  const t = translator(lang);
  const plan = scenario.plan;
  const blocks: Block[] = [];
  const names = PARAM_NAMES;
  const counts: Record<EvidenceClass, number> = { sourced: 0, mixed: 0, inference: 0 };
  for (const n of names) counts[evidenceClass(scenario.priors[n].tag)] += 1;
  blocks.push({
    kind: 'paragraph',
    text: t(
      `模型的${names.length}个不确定参数中，${counts.sourced}个有公开来源或由公开数据推算（标记 S、D），${counts.mixed}个部分依据来源并含推断（如 S+I、D+I、W+I），${counts.inference}个为缺乏直接来源的推断（I）。推断参数取较宽的区间，其不确定性已计入上述概率。`,
      `Of the model’s ${names.length} uncertain parameters, ${counts.sourced} rest on a published figure or arithmetic on published figures (tags S, D), ${counts.mixed} on a source plus inference (S+I, D+I, W+I …), and ${counts.inference} are inferences with no direct source (I). Inferences get wide ranges; their uncertainty is part of the probabilities above.`,
    ),
  });
  blocks.push({
    kind: 'heading',
    text: t(`基年（${plan.baseYear}年底）数量`, `Base counts (end of ${plan.baseYear})`),
  });
  const originLabel = {
    observed: t('公开数据', 'published'),
    plan: t('规划文本推算', 'implied by the plan'),
    prior: t('推断区间', 'inferred range'),
  } as const;
  blocks.push({
    kind: 'table',
    header: [
      t('指标', 'Measure'),
      t('取值', 'Value'),
      t('抽样范围', 'Range drawn'),
      t('依据', 'Basis'),
      t('来源说明', 'Source'),
    ],
    rows: Object.entries(plan.base).map(([m, b]) => [
      measureName(m, lang, plan),
      formatCount(b.value, lang),
      b.low !== undefined && b.high !== undefined
        ? `${formatCount(b.low, lang)}–${formatCount(b.high, lang)}`
        : '—',
      originLabel[b.origin],
      baseSourceText(b, plan.document.title, lang),
    ]),
    align: ['l', 'r', 'r', 'l', 'l'],
    layout: 'notes',
  });
  blocks.push({ kind: 'heading', text: t('参数先验', 'Priors of the parameters') });
  blocks.push({
    kind: 'table',
    header: [
      t('参数', 'Parameter'),
      t('分布', 'Distribution'),
      t('证据', 'Evidence'),
      t('依据说明', 'Evidence and source'),
    ],
    rows: names.map((n): Cell[] => {
      const p = scenario.priors[n];
      const overridden = JSON.stringify(p) !== JSON.stringify(DEFAULT_PRIORS[n]);
      const cls = evidenceClass(p.tag);
      return [
        `${paramName(n, lang)}${overridden ? t('（情景设定）', ' (set by the scenario)') : ''}`,
        priorText(p, lang),
        {
          text: `${EVIDENCE_LABEL[cls][lang]} · ${p.tag}`,
          tone: cls === 'sourced' ? 'good' : cls === 'mixed' ? 'fair' : 'neutral',
        },
        shippedNote(priorSourceText(n, p, lang), lang),
      ];
    }),
    align: ['l', 'l', 'l', 'l'],
    layout: 'notes',
  });
  const summary = input.summary;
  const shown =
    summary === undefined ? [] : input.observed.filter((o) => fanMeasures(summary).includes(o.measure));
  if (shown.length > 0) {
    blocks.push({ kind: 'heading', text: t('图中的公开数据', 'Published counts in the charts') });
    blocks.push({
      kind: 'list',
      items: [...shown]
        .sort((a, b) => (a.measure === b.measure ? a.year - b.year : a.measure < b.measure ? -1 : 1))
        .map((o) =>
          lang === 'zh'
            ? `${measureName(o.measure, lang, plan)} ${o.year}年：${observedLabel(o, lang)} — ${shippedNote(o.source, lang)}`
            : `${measureName(o.measure, lang, plan)} ${o.year}: ${observedLabel(o, lang)} — ${o.source}`,
        ),
    });
  }
  return { id: 'assumptions', title: t('主要假设', 'Assumptions'), blocks };
}

/**
 * "Method": what a trajectory is, how P(met) and its standard error are computed, and what the
 * seed fixes. Any report of simulated trajectories can carry it.
 */
export function methodSection(
  input: {
    readonly summary: Pick<RunSummary, 'baseYear' | 'runs'>;
    readonly posterior?: Pick<CalibrationSummary, 'region'> | undefined;
  },
  lang: Lang,
): Section {
  const { summary } = input;
  const t = translator(lang);
  const paragraphs = [
    t(
      `每次模拟（一条“轨迹”）先从${parameterOrigin(input.posterior, 'zh')}中抽取一组取值（参数不确定性），再从${summary.baseYear}年底的数量出发逐年推演：科技型中小企业入库与退出，高企首次认定（申报激增时通过率下降）、三年期满重新认定、撤销、退出与整体迁入迁出，专精特新与“小巨人”的晋升与三年复核，以及上市。每一步的企业数按二项分布或泊松分布随机抽取（过程随机性）。两类不确定性都体现在结果中。`,
      `Each trajectory first draws one value of every parameter from ${parameterOrigin(input.posterior, 'en')} (parameter uncertainty), then runs year by year from the counts at the end of ${summary.baseYear}: tech SMEs register and leave; 高企 are certified for the first time (with a lower pass rate in surge years), re-certified at the end of their 3-year certificate, revoked, close, move in or out; firms are promoted to 专精特新 and 小巨人 and reviewed every 3 years; firms list. Every count in every step is drawn from a binomial or Poisson distribution (process noise). Both kinds of uncertainty are in every result.`,
    ),
    t(
      `达成概率为满足目标的轨迹所占比例 p，其蒙特卡洛标准误为 √(p(1−p)/n)，n 为轨迹数（${formatCount(summary.runs, lang)}）。分位数取经验分布的逆（第一类分位数）。目标随基年数量而定（如“翻一番”“净增”）时，每条轨迹按其自身抽取的基年数量判断。`,
      `P(met) is the share p of trajectories that meet the goal; its Monte Carlo standard error is √(p(1−p)/n), n being the number of trajectories (${formatCount(summary.runs, lang)}). Quantiles are the inverse of the empirical distribution (type 1). A goal relative to the base count (“double”, “net gain”) is judged in each trajectory against that trajectory’s own base count.`,
    ),
    t(
      '随机数由种子唯一确定：相同的情景与种子给出逐字节相同的结果，与并行方式无关。各参数的取值范围与来源见“主要假设”一节。',
      'Random numbers are fixed by the seed: the same scenario and seed give byte-identical results, however the work is split. The range and source of every parameter are in the Assumptions section.',
    ),
  ];
  return {
    id: 'method',
    title: t('方法', 'Method'),
    blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })),
  };
}

function reproducibilitySection(input: RunReportInput, lang: Lang): Section {
  const { summary, scenario } = input;
  const t = translator(lang);
  return {
    id: 'reproducibility',
    title: t('可复现信息', 'Reproducibility'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          [t('软件版本', 'Tool version'), `ladder ${summary.version}`],
          [t('情景', 'Scenario'), scenario.id],
          [t('规划', 'Plan'), scenario.plan.id],
          [t('随机种子', 'Seed'), summary.seed],
          [t('模拟次数', 'Trajectories'), String(summary.runs)],
          [t('模拟年份', 'Years'), `${summary.baseYear}–${summary.horizon}`],
          [t('情景哈希（SHA-256）', 'Scenario hash (SHA-256)'), scenarioHash(scenario)],
        ],
      },
      {
        kind: 'paragraph',
        text: t(
          '哈希由下方完整情景（已填入全部默认值）的规范化 JSON 计算；哈希、种子与模拟次数相同的两次运行结果逐字节相同。',
          'The hash is taken over the canonical JSON of the resolved scenario below (every default filled in); two runs with the same hash, seed and number of trajectories give byte-identical results.',
        ),
      },
      {
        kind: 'details',
        summary: t('完整情景（JSON）', 'Resolved scenario (JSON)'),
        blocks: [{ kind: 'code', text: JSON.stringify(scenario, null, 2) }],
      },
    ],
  };
}

/** The English report's glossary of the plans' Chinese terms. */
export function glossarySection(): Section {
  return {
    id: 'glossary',
    title: 'Glossary',
    blocks: [
      {
        kind: 'table',
        header: ['Term', 'Meaning'],
        rows: GLOSSARY.map((g) => [g.term, g.en]),
        align: ['l', 'l'],
        layout: 'notes',
      },
    ],
  };
}

/**
 * The report of one run in one language: verdicts first, then the goal charts, the tiers by
 * year, assumptions, method and reproducibility (and a glossary of the Chinese terms in English).
 * Pure: the same input gives the same document.
 */
export function runReportDocument(input: RunReportInput, lang: Lang): ReportDocument {
  const { scenario } = input;
  const plan = scenario.plan;
  const t = translator(lang);
  const status = {
    issued: t('已印发', 'issued'),
    'draft-for-comment': t('征求意见稿', 'draft for comment'),
    reported: t('见于报道', 'as reported'),
  }[plan.document.status];
  const sections: Section[] = [
    summarySection(input, lang),
    goalsSection(input, lang),
    tiersSection(input, lang),
    ...[leversSection(input, lang)].filter((x): x is Section => x !== null),
    ...(input.posterior !== undefined ? [calibrationFitSection(input.posterior, scenario.plan, lang)] : []),
    assumptionsSection(input, lang),
    methodSection(input, lang),
    reproducibilitySection(input, lang),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    title: scenario.name[lang],
    subtitle: [
      t(
        `${plan.region.name.zh} · 规划期 ${plan.period.from}—${plan.period.to} · 基年 ${plan.baseYear} · 文本状态：${status}`,
        `${plan.region.name.en} · plan period ${plan.period.from}–${plan.period.to} · base year ${plan.baseYear} · text: ${status}`,
      ),
      t(
        `情景 ${scenario.id} · ${formatCount(input.summary.runs, lang)}次模拟 · 种子 ${input.summary.seed}`,
        `scenario ${scenario.id} · ${formatCount(input.summary.runs, lang)} trajectories · seed ${input.summary.seed}`,
      ),
      ...(scenario.description !== '' ? [scenario.description] : []),
    ],
    sections,
  };
}
