import type { CompareResult, OmittedReason } from '../schema/compareResult.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import {
  analysisReproducibilitySection,
  settingChangesBlock,
  translator,
  warningBlocks,
} from './analysisSections.js';
import {
  countDiff,
  goalCriterion,
  goalRequirement,
  goalValueName,
  pointsDiff,
  probabilityWords,
  yuanDiff,
  yuanSe,
} from './analysisText.js';
import { GROUP_COLORS, intervalChartSpec, wrapLabel, type IntervalRow } from './charts/intervalChart.js';
import type { Block, Cell, ChartDef, ReportDocument, Section } from './document.js';
import { verdictWord } from './goalText.js';
import { verdictTone } from './goalVerdict.js';
import type { Lang } from './lang.js';
import { formatYuan } from './leversSection.js';
import { seText } from './money.js';
import { formatCount, formatPoints } from './numberFormat.js';
import {
  assumptionsSection,
  chartId,
  glossarySection,
  intervalText,
  methodSection,
  probabilityCell,
} from './runReport.js';

/** What a comparison report is built from: the comparison and the scenarios as they ran. */
export interface CompareReportInput {
  readonly result: CompareResult;
  /** resolved, in the order compared, with the comparison's runs and seed */
  readonly scenarios: readonly ResolvedScenario[];
}

type Result = CompareResult;
type GoalEstimate = Result['results'][number]['goals'][number];

/** Row labels wrap at this many em (about 230 px at 12 px). */
const LABEL_EM = 19;

/** "方案1", "S1": how tables and charts name the k-th scenario (from 0). */
function scenarioTag(k: number, lang: Lang): string {
  return lang === 'zh' ? `方案${k + 1}` : `S${k + 1}`;
}

function scenarioName(r: Result, k: number, lang: Lang): string {
  const s = r.scenarios[k];
  if (s === undefined) return '';
  return lang === 'zh' ? s.name : s.nameEn;
}

/** "方案2 江门……（培育资金压减三分之一）", the reference marked. */
function scenarioLabel(r: Result, k: number, lang: Lang): string {
  const ref = k === 0 ? (lang === 'zh' ? '（基准）' : ' (reference)') : '';
  return `${scenarioTag(k, lang)}${ref} ${scenarioName(r, k, lang)}`;
}

/** A scenario as a chart row: its tag on the first line, its name wrapped below. */
function scenarioRow(r: Result, k: number, lang: Lang): string {
  const ref = k === 0 ? (lang === 'zh' ? '（基准）' : ' (reference)') : '';
  return `${scenarioTag(k, lang)}${ref}\n${wrapLabel(scenarioName(r, k, lang), LABEL_EM)}`;
}

function goalLabel(g: Result['goals'][number], lang: Lang): string {
  return lang === 'zh' ? g.label : g.labelEn;
}

function estimate(r: Result, k: number, goal: string): GoalEstimate | undefined {
  return r.results[k]?.goals.find((e) => e.id === goal);
}

/**
 * The money the capped budget lines of a scenario make available over the simulated years: a
 * period cap once, a yearly cap for each simulated year it covers. Undefined without a cap.
 */
export function capOverSimulatedYears(s: ResolvedScenario): number | undefined {
  const caps = s.plan.budgets.filter((b) => b.kind === 'cap');
  if (caps.length === 0) return undefined;
  const first = s.plan.baseYear + 1;
  let total = 0;
  for (const b of caps) {
    const years = Math.max(0, Math.min(b.years.to, s.horizon) - Math.max(b.years.from, first) + 1);
    total += b.per === 'period' ? (years > 0 ? b.amount : 0) : b.amount * years;
  }
  return total;
}

/** The goals whose P(met) changes by more than 2 paired SE, largest change first. */
function clearChanges(d: Result['differences'][number]): Result['differences'][number]['goals'][number][] {
  return d.goals
    .filter((g) => Math.abs(g.probability.diff) > 2 * g.probability.pairedStdErr && g.probability.diff !== 0)
    .sort((a, b) => Math.abs(b.probability.diff) - Math.abs(a.probability.diff));
}

/** One sentence on what an alternative buys or costs against the reference. */
function alternativeSentence(r: Result, k: number, lang: Lang): string {
  const d = r.differences[k - 1];
  if (d === undefined) return '';
  const t = translator(lang);
  const spend = d.spend;
  const money =
    Math.round(spend.diff) === 0
      ? t('财政支出与基准相同', 'spends the same as the reference')
      : t(
          `财政支出${spend.diff > 0 ? '增加' : '减少'}${formatYuan(Math.abs(spend.diff), 'zh')}（配对标准误${yuanSe(spend.pairedStdErr, 'zh')}）`,
          `${spend.diff > 0 ? 'spends' : 'saves'} ${formatYuan(Math.abs(spend.diff), 'en')} (paired s.e. ${yuanSe(spend.pairedStdErr, 'en')}) against the reference`,
        );
  const clear = clearChanges(d);
  const n = r.goals.length;
  const goalName = (id: string): string => {
    const g = r.goals.find((x) => x.id === id);
    return g === undefined ? id : goalLabel(g, lang);
  };
  let goals: string;
  if (clear.length === 0) {
    goals = t(
      `${n}个目标的达成概率变化都在随机误差范围内（不超过2倍配对标准误）`,
      `no goal’s P(met) moves by more than 2 paired standard errors`,
    );
  } else {
    const top = clear[0];
    const rest = clear.slice(1, 3);
    const item = (g: (typeof clear)[number]): string =>
      t(
        `“${goalName(g.id)}”${pointsDiff(g.probability.diff, g.probability.pairedStdErr, 'zh')}`,
        `“${goalName(g.id)}” ${pointsDiff(g.probability.diff, g.probability.pairedStdErr, 'en')}`,
      );
    goals = t(
      `${n}个目标中有${clear.length}个的达成概率变化超过2倍配对标准误，变化最大的是${top === undefined ? '' : item(top)}${rest.length > 0 ? `，其次是${rest.map(item).join('、')}` : ''}`,
      `${clear.length} of ${n} goals change their P(met) by more than 2 paired standard errors, most of all ${top === undefined ? '' : item(top)}${rest.length > 0 ? `, then ${rest.map(item).join(', ')}` : ''}`,
    );
  }
  return t(
    `${scenarioLabel(r, k, 'zh')}：与基准相比，${money}；${goals}。`,
    `${scenarioLabel(r, k, 'en')}: ${money}; ${goals}.`,
  );
}

function summarySection(input: CompareReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告比较${r.scenarios.length}个方案对规划各项量化目标的影响。各方案在同一批${formatCount(r.runs, lang)}次模拟上运行（共同随机数：第i次模拟在每个方案中使用相同的随机数），因此方案之间的差异逐次模拟配对计算，随机误差远小于分别模拟。以${scenarioTag(0, lang)}为基准。`,
        `This report compares ${r.scenarios.length} scenarios on the plan’s quantified goals. Every scenario runs on the same ${formatCount(r.runs, lang)} trajectories (common random numbers: trajectory i draws the same random numbers in each), so differences between scenarios are measured trajectory by trajectory, with much less noise than separate runs would leave. ${scenarioTag(0, lang)} is the reference.`,
      ),
    },
    {
      kind: 'table',
      header: [t('方案', 'Scenario'), t('名称', 'Name'), t('措施', 'Levers'), t('情景文件', 'File')],
      rows: r.scenarios.map((s, k) => [
        `${scenarioTag(k, lang)}${k === 0 ? t('（基准）', ' (reference)') : ''}`,
        lang === 'zh' ? s.name : s.nameEn,
        s.policy === 'status-quo' ? t('不实施（现状）', 'none (status quo)') : t('按规划实施', 'as written'),
        s.source,
      ]),
      align: ['l', 'l', 'l', 'l'],
    },
    {
      kind: 'table',
      caption: t('各目标的判断与达成概率（± 标准误）', 'Verdict and P(met) of each goal (± standard error)'),
      header: [t('目标', 'Goal'), t('年份', 'Year'), ...r.scenarios.map((_, k) => scenarioTag(k, lang))],
      rows: r.goals.map((g): Cell[] => [
        goalLabel(g, lang),
        String(g.year),
        ...r.scenarios.map((_, k): Cell => {
          const e = estimate(r, k, g.id);
          if (e === undefined) return '—';
          return {
            text: verdictWord(e.probability)[lang],
            tone: verdictTone(e.probability),
            detail: probabilityCell(e, r.runs),
          };
        }),
      ]),
      align: ['l', 'r', ...r.scenarios.map(() => 'l' as const)],
    },
  ];
  if (r.scenarios.length > 1) {
    blocks.push({ kind: 'heading', text: t('各方案与基准相比', 'Each scenario against the reference') });
    blocks.push({
      kind: 'list',
      items: r.scenarios.slice(1).map((_, i) => alternativeSentence(r, i + 1, lang)),
    });
  }
  if (r.omittedGoals.length > 0) {
    blocks.push({
      kind: 'note',
      text: t('以下目标未作比较：', 'Goals not compared:'),
    });
    blocks.push({
      kind: 'list',
      items: r.omittedGoals.map((o) =>
        lang === 'zh'
          ? `${o.goal}（${o.scenario}）：${omittedReason(o.reason, lang)}`
          : `${o.goal} (${o.scenario}): ${o.reason}`,
      ),
    });
  }
  blocks.push(...warningBlocks(r.warnings, lang, plansOf(input)));
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

const OMITTED: Readonly<Record<OmittedReason, string>> = {
  'the plan has no such goal': '该方案的规划中没有此目标',
  'not evaluated (after the horizon)': '晚于模拟的最后一年，未作评估',
  'defined differently in this scenario’s plan': '该方案的规划对此目标的定义不同',
};

function omittedReason(reason: OmittedReason, lang: Lang): string {
  return lang === 'zh' ? OMITTED[reason] : reason;
}

function plansOf(input: CompareReportInput): ResolvedScenario['plan'][] {
  return input.scenarios.map((s) => s.plan);
}

function probabilityChart(input: CompareReportInput, lang: Lang): ChartDef {
  const r = input.result;
  const t = translator(lang);
  const cats = r.goals.map((g, i) => wrapLabel(`${i + 1}. ${goalLabel(g, lang)}`, LABEL_EM));
  const groups = r.scenarios.map((_, k) => scenarioLabel(r, k, lang));
  const rows: IntervalRow[] = r.goals.flatMap((g, i) =>
    r.scenarios.flatMap((_, k) => {
      const e = estimate(r, k, g.id);
      if (e === undefined) return [];
      const se = e.probabilityStdErr;
      return [
        {
          category: cats[i] ?? '',
          group: groups[k] ?? '',
          value: e.probability,
          low: Math.max(0, e.probability - 2 * se),
          high: Math.min(1, e.probability + 2 * se),
        },
      ];
    }),
  );
  return {
    id: 'compare-probability',
    alt: t(
      `各方案各目标的达成概率，线段为 ±2 倍标准误。`,
      `P(goal met) of every goal in every scenario, with ±2 standard errors.`,
    ),
    spec: intervalChartSpec({
      lang,
      title: t('各方案的目标达成概率', 'P(goal met) by scenario'),
      subtitle: t(
        `圆点为达成概率，线段为 ±2 倍标准误（${formatCount(r.runs, lang)}次模拟）`,
        `dot: P(met); line: ±2 standard errors (${formatCount(r.runs, lang)} trajectories)`,
      ),
      rows,
      categories: cats,
      groups,
      valueKind: 'probability',
      valueTitle: t('达成概率', 'P(met)'),
      domain: [0, 1],
      width: 560,
    }),
  };
}

function differenceChart(input: CompareReportInput, lang: Lang): ChartDef | null {
  const r = input.result;
  if (r.differences.length === 0) return null;
  const t = translator(lang);
  const cats = r.goals.map((g, i) => wrapLabel(`${i + 1}. ${goalLabel(g, lang)}`, LABEL_EM));
  const groups = r.differences.map((_, i) => scenarioLabel(r, i + 1, lang));
  const rows: IntervalRow[] = r.goals.flatMap((g, i) =>
    r.differences.flatMap((d, k) => {
      const x = d.goals.find((e) => e.id === g.id);
      if (x === undefined) return [];
      const p = x.probability;
      return [
        {
          category: cats[i] ?? '',
          group: groups[k] ?? '',
          value: p.diff,
          low: p.diff - 2 * p.pairedStdErr,
          high: p.diff + 2 * p.pairedStdErr,
          outer: [p.diff - 2 * p.unpairedStdErr, p.diff + 2 * p.unpairedStdErr] as const,
        },
      ];
    }),
  );
  return {
    id: 'compare-difference',
    alt: t(
      `各方案与基准的达成概率之差（百分点）：粗线为 ±2 倍配对标准误，细线为分别模拟时的 ±2 倍标准误。`,
      `Difference in P(goal met) from the reference (points): thick line ±2 paired standard errors, thin line ±2 standard errors had the scenarios been run separately.`,
    ),
    spec: intervalChartSpec({
      lang,
      title: t('与基准方案相比：达成概率的变化', 'Change in P(goal met) against the reference'),
      subtitle: t(
        '单位：百分点。粗线为 ±2 倍配对标准误；浅色细线为分别模拟时的 ±2 倍标准误',
        'In percentage points. Thick: ±2 paired s.e.; light thin line: ±2 s.e. of separate runs',
      ),
      rows,
      categories: cats,
      groups,
      colors: GROUP_COLORS.slice(1),
      valueKind: 'points',
      valueTitle: t('百分点', 'percentage points'),
      zeroRule: true,
      width: 560,
    }),
  };
}

function probabilitiesSection(input: CompareReportInput, lang: Lang): Section {
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        '每个目标一行，每个方案一个圆点；线段为 ±2 倍标准误，即约95%的置信范围。线段不重叠的两个方案，其差异不是随机误差所致。',
        'One row per goal, one dot per scenario; the line spans ±2 standard errors, about a 95% confidence range. Where two lines do not overlap, the difference is not noise.',
      ),
    },
    { kind: 'charts', charts: [probabilityChart(input, lang)] },
  ];
  return { id: 'probabilities', title: t('各方案的目标达成概率', 'P(goal met) by scenario'), blocks };
}

function differencesSection(input: CompareReportInput, lang: Lang): Section | null {
  const r = input.result;
  const chart = differenceChart(input, lang);
  if (chart === null) return null;
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        '同一批模拟分别按各方案运行，差值逐次模拟配对计算。配对标准误（括号外）衡量差值本身的随机误差；括号内为两方案分别模拟时的标准误，可见配对使比较精确得多。“每家差额对应支出”为支出之差除以企业数量之差（两者同向时）。',
        'The same trajectories run under each scenario, and differences are taken trajectory by trajectory. The paired standard error measures the noise in the difference itself; the one in brackets is what separate runs would have given — pairing makes the comparison far sharper. “Yuan per firm of the difference” is the difference in spend over the difference in count (when both move the same way).',
      ),
    },
    { kind: 'charts', charts: [chart] },
  ];
  for (const [i, d] of r.differences.entries()) {
    const k = i + 1;
    blocks.push({
      kind: 'heading',
      text: t(
        `${scenarioLabel(r, k, 'zh')} 与基准相比`,
        `${scenarioLabel(r, k, 'en')} against the reference`,
      ),
    });
    const rows: Cell[][] = d.goals.map((g) => {
      const goal = r.goals.find((x) => x.id === g.id);
      return [
        goal === undefined ? g.id : goalLabel(goal, lang),
        `${pointsDiff(g.probability.diff, g.probability.pairedStdErr, lang)} (${formatPoints(g.probability.unpairedStdErr)})`,
        `${countDiff(g.value.diff, g.value.pairedStdErr, lang)} (${seText(g.value.unpairedStdErr)})`,
        g.yuanPerFirm === null
          ? '—'
          : `${formatYuan(g.yuanPerFirm, lang)} ± ${yuanSe(g.yuanPerFirmStdErr ?? 0, lang)}`,
      ];
    });
    rows.push([
      t('财政支出（全部措施，模拟年份合计）', 'Spend (all levers, simulated years)'),
      '',
      `${yuanDiff(d.spend.diff, d.spend.pairedStdErr, lang)} (${yuanSe(d.spend.unpairedStdErr, lang)})`,
      '',
    ]);
    blocks.push({
      kind: 'table',
      header: [
        t('目标', 'Goal'),
        t('达成概率变化（非配对标准误）', 'Change in P(met) (unpaired s.e.)'),
        t('数量变化，均值（非配对标准误）', 'Change in count, mean (unpaired s.e.)'),
        t('每家差额对应支出', 'Yuan per firm of the difference'),
      ],
      rows,
      align: ['l', 'r', 'r', 'r'],
    });
  }
  return { id: 'differences', title: t('与基准方案的差异', 'Differences from the reference'), blocks };
}

function countChart(input: CompareReportInput, goalIndex: number, lang: Lang): ChartDef | null {
  const r = input.result;
  const g = r.goals[goalIndex];
  if (g === undefined) return null;
  const t = translator(lang);
  const plan = input.scenarios[0]?.plan;
  const cats = r.scenarios.map((_, k) => scenarioRow(r, k, lang));
  const rows: IntervalRow[] = r.scenarios.flatMap((_, k) => {
    const e = estimate(r, k, g.id);
    if (e === undefined) return [];
    return [
      {
        category: cats[k] ?? '',
        group: 'count',
        value: e.p50,
        low: e.p05,
        high: e.p95,
        text: formatCount(e.p50, lang),
      },
    ];
  });
  const req = goalRequirement(g, lang, plan);
  const relative = g.comparison === 'x-base' || g.comparison === 'net-gain';
  const what = goalValueName(g, plan, lang);
  return {
    id: chartId('count', g.id),
    alt: t(
      `${what}：各方案的中位数与90%区间${req !== undefined ? `，红线为目标要求（${req.label}）` : ''}。`,
      `${what}: median and 90% interval in each scenario${req !== undefined ? `; red line: what the goal requires (${req.label})` : ''}.`,
    ),
    spec: intervalChartSpec({
      lang,
      title: what,
      subtitle: t(
        `圆点为中位数，线段为90%区间${req === undefined ? '' : relative ? '；红线为按基年数量中值计算的目标要求' : '；红线为目标要求'}`,
        `dot: median; line: 90% interval${req === undefined ? '' : relative ? '; red: the goal at the central base count' : '; red: the goal'}`,
      ),
      rows,
      categories: cats,
      groups: ['count'],
      valueKind: 'count',
      valueTitle: t('家', 'firms'),
      ...(req !== undefined ? { references: [req] } : {}),
      width: 520,
    }),
  };
}

function goalsSection(input: CompareReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenarios[0]?.plan;
  const blocks: Block[] = [];
  for (const [i, g] of r.goals.entries()) {
    blocks.push({ kind: 'heading', text: `${i + 1}. ${goalLabel(g, lang)}` });
    const parts = r.scenarios.map((_, k) => {
      const e = estimate(r, k, g.id);
      if (e === undefined) return '';
      const word = verdictWord(e.probability)[lang];
      const p = probabilityWords(e.probability, e.probabilityStdErr, r.runs, lang);
      return t(
        `${scenarioTag(k, 'zh')}${word}，达成概率${p}，中位数${intervalText(e, 'zh')}`,
        `${scenarioTag(k, 'en')} ${word}, P(met) ${p}, median ${intervalText(e, 'en')}`,
      );
    });
    blocks.push({
      kind: 'paragraph',
      text: t(
        `${g.year}年目标（${goalCriterion(g, plan, 'zh')}）：${parts.join('；')}。中位数后括号内为90%区间（${goalValueName(g, plan, 'zh')}，家）。`,
        `The ${g.year} goal (${goalCriterion(g, plan, 'en')}): ${parts.join('; ')}. The 90% interval of ${goalValueName(g, plan, 'en')} is in brackets.`,
      ),
    });
    const chart = countChart(input, i, lang);
    if (chart !== null) blocks.push({ kind: 'charts', charts: [chart] });
  }
  return { id: 'goals', title: t('目标逐项比较', 'Goals one by one'), blocks };
}

function moneySection(input: CompareReportInput, lang: Lang): Section | null {
  const r = input.result;
  const t = translator(lang);
  const caps = input.scenarios.map(capOverSimulatedYears);
  if (r.results.every((x) => x.spend.p95 === 0) && caps.every((c) => c === undefined)) return null;
  const cats = r.scenarios.map((_, k) => scenarioRow(r, k, lang));
  const rows: IntervalRow[] = r.results.map((x, k) => ({
    category: cats[k] ?? '',
    group: 'spend',
    value: x.spend.p50,
    low: x.spend.p05,
    high: x.spend.p95,
    text: formatYuan(x.spend.p50, lang),
  }));
  const marks = caps.flatMap((c, k) => (c === undefined ? [] : [{ category: cats[k] ?? '', value: c }]));
  const years = (() => {
    const s = input.scenarios[0];
    return s === undefined ? '' : `${s.plan.baseYear + 1}—${s.horizon}`;
  })();
  const chart: ChartDef = {
    id: 'compare-spend',
    alt: t(
      `各方案的财政支出（${years}年合计）：中位数与90%区间${marks.length > 0 ? '；红色竖线为预算上限之和' : ''}。`,
      `Spend of each scenario (total ${years.replace('—', '–')}): median and 90% interval${marks.length > 0 ? '; red ticks: the budget caps added up' : ''}.`,
    ),
    spec: intervalChartSpec({
      lang,
      title: t(`财政支出（${years}年合计）`, `Spend, total ${years.replace('—', '–')}`),
      subtitle: t(
        `圆点为中位数，线段为90%区间${marks.length > 0 ? '；红色竖线为各预算上限之和' : ''}`,
        `dot: median; line: 90% interval${marks.length > 0 ? '; red tick: the budget caps added up' : ''}`,
      ),
      rows,
      categories: cats,
      groups: ['spend'],
      valueKind: 'yuan',
      valueTitle: t('元', 'yuan'),
      marks,
      width: 520,
    }),
  };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        '支出为各项有明确金额的措施在模拟年份内的实际支付之和；预算有上限时，承诺超过上限的部分按比例削减，由该预算列支的支付不超过上限。不由有上限的预算列支的措施，其支出不受上限约束，因此总支出可能高于上限之和；没有写明金额的措施不计入支出。',
        'Spend is what the levers with a figure in yuan pay over the simulated years; where a budget is capped, promises beyond the cap are scaled down and what it pays never exceeds it. Levers not paid from a capped budget are not held to a cap, so total spend may exceed the caps added up; levers without a figure in yuan count no spend.',
      ),
    },
    { kind: 'charts', charts: [chart] },
    {
      kind: 'table',
      header: [
        t('方案', 'Scenario'),
        t('支出均值 ± 标准误', 'Mean ± s.e.'),
        t('90%区间', '90% interval'),
        t('预算上限合计', 'Budget caps in total'),
        t('与基准之差 ± 配对标准误', 'Against the reference ± paired s.e.'),
      ],
      rows: r.results.map((x, k) => {
        const d = k === 0 ? undefined : r.differences[k - 1];
        const cap = caps[k];
        return [
          scenarioTag(k, lang),
          `${formatYuan(x.spend.mean, lang)} ± ${yuanSe(x.spend.stdErr, lang)}`,
          `${formatYuan(x.spend.p05, lang)}—${formatYuan(x.spend.p95, lang)}`,
          cap === undefined ? '—' : formatYuan(cap, lang),
          d === undefined ? '—' : yuanDiff(d.spend.diff, d.spend.pairedStdErr, lang),
        ];
      }),
      align: ['l', 'r', 'r', 'r', 'r'],
    },
  ];
  return { id: 'money', title: t('财政支出', 'Spend'), blocks };
}

function assumptions(input: CompareReportInput, lang: Lang): Section | null {
  const ref = input.scenarios[0];
  if (ref === undefined) return null;
  const t = translator(lang);
  const base = assumptionsSection({ scenario: ref, observed: [] }, lang);
  const changes: Block[] = [];
  for (const [i, s] of input.scenarios.slice(1).entries()) {
    const block = settingChangesBlock(ref, s, lang);
    changes.push({
      kind: 'heading',
      text: t(
        `${scenarioLabel(input.result, i + 1, 'zh')}：与基准不同的设定`,
        `${scenarioLabel(input.result, i + 1, 'en')}: settings that differ from the reference`,
      ),
    });
    changes.push(
      block ?? { kind: 'paragraph', text: t('与基准的设定相同。', 'The same settings as the reference.') },
    );
  }
  return {
    ...base,
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          `以下为基准方案（${scenarioTag(0, 'zh')}）的假设；其他方案只在列出的设定上与之不同（路径按完整情景的 JSON 结构书写）。`,
          `These are the assumptions of the reference (${scenarioTag(0, 'en')}); the other scenarios differ from it only in the settings listed (paths into the resolved scenario’s JSON).`,
        ),
      },
      ...changes,
      ...base.blocks,
    ],
  };
}

function method(input: CompareReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const baseYear = input.scenarios[0]?.plan.baseYear ?? 0;
  const base = methodSection({ summary: { baseYear, runs: r.runs } }, lang);
  return {
    ...base,
    blocks: [
      ...base.blocks,
      {
        kind: 'paragraph',
        text: t(
          '方案比较使用共同随机数：第i次模拟在每个方案中从相同的随机数流抽取参数与随机波动，方案间的差值逐次模拟计算，其标准误为差值的样本标准差除以√n（配对标准误）。措施改变某个比率时，精确抽样器消耗的随机数个数随之改变，因此配对紧密但并不完全。',
          'The comparison uses common random numbers: trajectory i draws its parameters and process noise from the same streams in every scenario; differences are taken trajectory by trajectory, and their standard error is the sample standard deviation of the differences over √n (the paired standard error). A lever that changes a rate changes how many random numbers the exact samplers draw, so the pairing is close but not perfect.',
        ),
      },
    ],
  };
}

/**
 * The report of a comparison in one language: verdicts side by side and what each alternative
 * buys or costs, P(met) by scenario with ±2 SE, paired differences, each goal's count by
 * scenario, spend against the caps, assumptions, method and reproducibility. Pure.
 */
export function compareReportDocument(input: CompareReportInput, lang: Lang): ReportDocument {
  const r = input.result;
  const t = translator(lang);
  const ref = input.scenarios[0];
  const sections: Section[] = [
    summarySection(input, lang),
    probabilitiesSection(input, lang),
    ...[differencesSection(input, lang)].filter((x): x is Section => x !== null),
    goalsSection(input, lang),
    ...[moneySection(input, lang)].filter((x): x is Section => x !== null),
    ...[assumptions(input, lang)].filter((x): x is Section => x !== null),
    method(input, lang),
    analysisReproducibilitySection(
      {
        version: r.version,
        seed: r.seed,
        runs: r.runs,
        scenarios: input.scenarios.map((scenario, k) => ({
          scenario,
          source: r.scenarios[k]?.source ?? '',
        })),
        note: t(
          '哈希由各完整情景（已填入全部默认值，含本次比较所用的模拟次数与种子）的规范化 JSON 计算；各情景哈希与种子相同的两次比较，结果逐字节相同。',
          'Each hash is taken over the canonical JSON of the resolved scenario (every default filled in, with the runs and seed of this comparison); two comparisons of scenarios with the same hashes and seed give byte-identical results.',
        ),
      },
      lang,
    ),
  ];
  if (lang === 'en') sections.push(glossarySection());
  const plan = ref?.plan;
  return {
    lang,
    title:
      t('方案比较', 'Scenario comparison') +
      (plan !== undefined ? t(`：${plan.name.zh}`, `: ${plan.name.en}`) : ''),
    subtitle: [
      ...(plan !== undefined
        ? [
            t(
              `${plan.region.name.zh} · 规划期 ${plan.period.from}—${plan.period.to} · 基年 ${plan.baseYear}`,
              `${plan.region.name.en} · plan period ${plan.period.from}–${plan.period.to} · base year ${plan.baseYear}`,
            ),
          ]
        : []),
      t(
        `${r.scenarios.length}个方案 · 每个方案${formatCount(r.runs, lang)}次模拟 · 种子 ${r.seed}`,
        `${r.scenarios.length} scenarios · ${formatCount(r.runs, lang)} trajectories each · seed ${r.seed}`,
      ),
    ],
    sections,
  };
}
