import type { GoalSeekResult, SeekEvaluation } from '../schema/goalSeekResult.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { analysisReproducibilitySection, translator, warningBlocks } from './analysisSections.js';
import { goalCriterion, probabilityWords, thresholdText } from './analysisText.js';
import { curveChartSpec } from './charts/curveChart.js';
import type { Block, ChartDef, ReportDocument, Section, Tone } from './document.js';
import type { Lang } from './lang.js';
import { leverName, leverUnit, leverValue, leverValueKind } from './leverName.js';
import { formatYuan } from './leversSection.js';
import { formatCount } from './numberFormat.js';
import { assumptionsSection, glossarySection, methodSection, probabilityCell } from './runReport.js';

/** What a goal-seek report is built from: the search and the scenario searched (resolved, as run). */
export interface GoalSeekReportInput {
  readonly result: GoalSeekResult;
  readonly scenario: ResolvedScenario;
}

/** The answer at a glance: a badge for the heading. */
function answerBadge(r: GoalSeekResult, lang: Lang): { text: string; tone: Tone } {
  const t = translator(lang);
  switch (r.result.status) {
    case 'found':
      return { text: t('可以达到', 'reachable'), tone: 'good' };
    case 'at-lower-bound':
      return { text: t('已经达到', 'already met'), tone: 'good' };
    case 'not-reachable':
      return { text: t('范围内无法达到', 'not reachable in the range'), tone: 'bad' };
    case 'not-converged':
      return { text: t('未收敛', 'not converged'), tone: 'neutral' };
  }
}

/** The evaluation at a lever value, if the search ran it. */
function evaluationAt(r: GoalSeekResult, value: number): SeekEvaluation | undefined {
  return r.evaluations.find((e) => e.value === value);
}

/**
 * The answer in plain words: the smallest value that reaches the probability, with P there and
 * the range of values whose P is within 2 SE of the threshold; or why there is none.
 */
export function goalSeekAnswerText(input: GoalSeekReportInput, lang: Lang): string {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const lever = leverName(r.lever, plan, lang);
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const q = thresholdText(r.probability);
  const goal = lang === 'zh' ? r.goal.label : r.goal.labelEn;
  const p = (e: SeekEvaluation): string => probabilityWords(e.probability, e.probabilityStdErr, r.runs, lang);
  const res = r.result;
  switch (res.status) {
    case 'found':
      return t(
        `要使“${goal}”的达成概率不低于${q}，${lever}至少需要${v(res.value)}，此时达成概率为${p(res.at)}，财政支出均值为${formatYuan(res.at.spend, 'zh')}。考虑模拟误差，${v(res.interval.low)}至${v(res.interval.high)}${res.interval.openHigh ? '（搜索范围上限）' : ''}之间的取值，其达成概率都在${q}的2倍标准误以内，这就是答案的不确定范围。`,
        `For P(“${goal}”) to reach ${q}, ${lever} must be at least ${v(res.value)}, where P(met) is ${p(res.at)} and mean spend ${formatYuan(res.at.spend, 'en')}. Allowing for simulation noise, values from ${v(res.interval.low)} to ${v(res.interval.high)}${res.interval.openHigh ? ' (the top of the range)' : ''} give a P within 2 standard errors of ${q}: that is the uncertainty of the answer.`,
      );
    case 'at-lower-bound':
      return t(
        `在搜索范围的下限${v(res.value)}，“${goal}”的达成概率已为${p(res.at)}，不低于${q}：在此范围内无需提高${lever}。`,
        `At the bottom of the range, ${v(res.value)}, P(“${goal}”) is already ${p(res.at)}, at least ${q}: within this range ${lever} need not rise.`,
      );
    case 'not-reachable':
      return t(
        `在搜索范围（${v(r.range.lower)}至${v(r.range.upper)}）内无法使“${goal}”的达成概率达到${q}：即使${lever}取上限${v(res.upper)}，达成概率也只有${p(res.at)}。仅靠这一措施不足以实现该目标，需要其他措施配合。`,
        `P(“${goal}”) cannot reach ${q} within the range searched (${v(r.range.lower)} to ${v(r.range.upper)}): even at the top, ${v(res.upper)}, P(met) is only ${p(res.at)}. This lever alone does not bring the goal within reach; others have to help.`,
      );
    case 'not-converged':
      return t(
        `搜索在收敛前停止：答案在${v(res.bracket[0])}与${v(res.bracket[1])}之间。可放宽容差或增加模拟次数后重试。`,
        `The search stopped before converging: the answer lies between ${v(res.bracket[0])} and ${v(res.bracket[1])}. Try a wider tolerance or more trajectories.`,
      );
  }
}

function summarySection(input: GoalSeekReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const current = r.lever.current;
  const atCurrent = current === null ? undefined : evaluationAt(r, current);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告反推：为使规划目标达到给定的达成概率，一项措施至少需要多大力度。每个被试的取值都在同一批${formatCount(r.runs, lang)}次模拟上运行（共同随机数），先在搜索范围内倍增步长找到包含答案的区间，再二分至容差以内。`,
        `This report works backwards: how strong must one lever be for a goal of the plan to reach a given probability? Every value tried runs on the same ${formatCount(r.runs, lang)} trajectories (common random numbers); the search brackets the answer by doubling its step, then bisects to the tolerance.`,
      ),
    },
    {
      kind: 'table',
      header: [t('项目', 'Item'), t('内容', 'Value')],
      align: ['l', 'l'],
      layout: 'notes',
      rows: [
        [
          t('目标', 'Goal'),
          t(
            `${r.goal.label}（${r.goal.year}年；${goalCriterion(r.goal, plan, 'zh')}）`,
            `${r.goal.labelEn} (${r.goal.year}; ${goalCriterion(r.goal, plan, 'en')})`,
          ),
        ],
        [t('措施', 'Lever'), leverName(r.lever, plan, lang)],
        [t('概率要求', 'Probability to reach'), thresholdText(r.probability)],
        [t('搜索范围', 'Range searched'), `${v(r.range.lower)} — ${v(r.range.upper)}`],
        [t('容差', 'Tolerance'), v(r.tolerance)],
        [
          t('情景现行值', 'The scenario’s value'),
          current === null
            ? t('情景未设定', 'not set by the scenario')
            : `${v(current)}${atCurrent !== undefined ? t(`（达成概率${probabilityWords(atCurrent.probability, atCurrent.probabilityStdErr, r.runs, 'zh')}）`, ` (P(met) ${probabilityWords(atCurrent.probability, atCurrent.probabilityStdErr, r.runs, 'en')})`) : ''}`,
        ],
      ],
    },
    { kind: 'heading', text: t('结论', 'Answer'), badge: answerBadge(r, lang) },
    { kind: 'paragraph', text: goalSeekAnswerText(input, lang) },
    ...warningBlocks(r.warnings, lang, [plan]),
  ];
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function searchCharts(input: GoalSeekReportInput, lang: Lang): ChartDef[] {
  const r = input.result;
  const t = translator(lang);
  const res = r.result;
  const unit = leverUnit(r.lever, lang);
  const xTitle = unit === '' ? t('取值', 'value') : unit;
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const current = r.lever.current;
  const vRules: { value: number; label: string; tone: 'found' | 'current' }[] = [];
  if (res.status === 'found' || res.status === 'at-lower-bound') {
    vRules.push({
      value: res.value,
      label: t(`所需取值 ${v(res.value)}`, `found: ${v(res.value)}`),
      tone: 'found',
    });
  }
  if (current !== null && !(res.status === 'found' && res.value === current)) {
    vRules.push({
      value: current,
      label: t(`现行值 ${v(current)}`, `scenario: ${v(current)}`),
      tone: 'current',
    });
  }
  const points = r.evaluations.map((e) => ({
    x: e.value,
    y: e.probability,
    low: Math.max(0, e.probability - 2 * e.probabilityStdErr),
    high: Math.min(1, e.probability + 2 * e.probabilityStdErr),
  }));
  const status =
    res.status === 'not-reachable'
      ? t(
          `范围内无法达到${thresholdText(r.probability)}`,
          `${thresholdText(r.probability)} not reachable in the range`,
        )
      : t(`红色竖线为所需取值`, 'red line: the value found');
  return [
    {
      id: 'goal-seek-probability',
      alt: t(
        `搜索中各被试取值的达成概率（±2倍标准误），红色虚线为概率要求${thresholdText(r.probability)}；${status}。`,
        `P(goal met) at each value the search tried (±2 s.e.); red dashed line: the probability to reach, ${thresholdText(r.probability)}; ${status}.`,
      ),
      spec: curveChartSpec({
        lang,
        title: t('各被试取值的达成概率', 'P(goal met) at the values tried'),
        subtitle: t(
          `线段为 ±2 倍标准误；红色虚线为概率要求；${status}${res.status === 'found' ? '，浅红色带为其不确定范围' : ''}`,
          `bars: ±2 s.e.; red dashed: the probability to reach; ${status}${res.status === 'found' ? ', light red band its uncertainty' : ''}`,
        ),
        points,
        xKind: leverValueKind(r.lever),
        yKind: 'probability',
        xTitle,
        yTitle: t('达成概率', 'probability'),
        uncertainty: 'bars',
        legend: { line: t('达成概率', 'P(met)'), band: t('±2倍标准误', '±2 s.e.') },
        yDomain: [0, 1],
        hRules: [
          {
            value: r.probability,
            label: t(`要求 ${thresholdText(r.probability)}`, `to reach: ${thresholdText(r.probability)}`),
          },
        ],
        vRules,
        ...(res.status === 'found' ? { xRange: { from: res.interval.low, to: res.interval.high } } : {}),
        width: 560,
        height: 260,
      }),
    },
    {
      id: 'goal-seek-spend',
      alt: t(
        '各被试取值下财政支出（模拟年份合计）的均值。',
        'Mean spend over the simulated years at each value tried.',
      ),
      spec: curveChartSpec({
        lang,
        title: t('财政支出（模拟年份合计，均值）', 'Mean spend over the simulated years'),
        subtitle: t('各被试取值下的均值', 'at each value tried'),
        points: r.evaluations.map((e) => ({ x: e.value, y: e.spend, low: e.spend, high: e.spend })),
        xKind: leverValueKind(r.lever),
        yKind: 'yuan',
        xTitle,
        yTitle: t('元', 'yuan'),
        uncertainty: 'none',
        vRules: vRules.filter((x) => x.tone === 'found'),
        width: 560,
        height: 200,
      }),
    },
  ];
}

function searchSection(input: GoalSeekReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const reached = (e: SeekEvaluation): string =>
    e.probability >= r.probability ? t('达到', 'yes') : t('未达到', 'no');
  return {
    id: 'search',
    title: t('搜索过程', 'The search'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '搜索假定达成概率随措施力度上升：先试搜索范围下限，再从情景现行值起倍增步长直至达到要求，然后二分。图中每个点为一次试算，线段为 ±2 倍标准误；取值跨越几个数量级时，横轴按对数刻度。下表按取值排列。',
          'The search assumes P rises with the lever: it tries the bottom of the range, then doubles its step from the scenario’s value until the probability is reached, then bisects. Each point is one value tried, with ±2 standard errors; when the values span orders of magnitude the axis is logarithmic. The table lists them by value.',
        ),
      },
      { kind: 'charts', charts: searchCharts(input, lang) },
      {
        kind: 'table',
        header: [
          t('取值', 'Value'),
          t('达成概率 ± 标准误', 'P(met) ± s.e.'),
          t(`是否达到${thresholdText(r.probability)}`, `Reaches ${thresholdText(r.probability)}`),
          t('支出均值', 'Mean spend'),
        ],
        rows: r.evaluations.map((e) => [
          v(e.value),
          probabilityCell(e, r.runs),
          reached(e),
          formatYuan(e.spend, lang),
        ]),
        align: ['r', 'r', 'l', 'r'],
      },
    ],
  };
}

function method(input: GoalSeekReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const base = methodSection({ summary: { baseYear: input.scenario.plan.baseYear, runs: r.runs } }, lang);
  return {
    ...base,
    blocks: [
      ...base.blocks,
      {
        kind: 'paragraph',
        text: t(
          `反推把情景中的 ${r.lever.path} 设为被试取值，其余设定不变，每次试算使用相同的种子与模拟编号（共同随机数）。答案的不确定范围为达成概率落在要求的 ±2 倍标准误以内的取值区间（以要求加减2倍标准误为目标各搜索一次）。若达成概率并不随措施单调上升，搜索到的最小值之下可能还有满足要求的取值，此时报告会提示。`,
          `The search sets ${r.lever.path} of the scenario to each value tried, everything else unchanged, with the same seed and trajectory numbers every time (common random numbers). The uncertainty of the answer is the range of values whose P lies within 2 standard errors of the threshold (the same search for the levels q ± 2 s.e.). Where P does not rise with the lever, a smaller value may also reach the threshold; a warning says so.`,
        ),
      },
    ],
  };
}

/**
 * The report of a goal-seek in one language: the answer in plain words (or a plain statement
 * that the range does not reach it), the values tried with the threshold and the value found
 * marked, the table of evaluations, assumptions, method and reproducibility. Pure.
 */
export function goalSeekReportDocument(input: GoalSeekReportInput, lang: Lang): ReportDocument {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const sections: Section[] = [
    summarySection(input, lang),
    searchSection(input, lang),
    assumptionsSection({ scenario: input.scenario, observed: [] }, lang),
    method(input, lang),
    analysisReproducibilitySection(
      {
        version: r.version,
        seed: r.seed,
        runs: r.runs,
        scenarios: [{ scenario: input.scenario, source: r.source }],
        rows: [
          [t('搜索的设定', 'Setting searched'), r.lever.path],
          [t('目标', 'Goal'), r.goal.id],
          [t('概率要求', 'Probability'), String(r.probability)],
          [t('搜索范围', 'Range'), `${r.range.lower} – ${r.range.upper}`],
          [t('容差', 'Tolerance'), String(r.tolerance)],
        ],
        note: t(
          '哈希由完整情景（已填入全部默认值，含本次反推的模拟次数与种子）的规范化 JSON 计算；哈希、设定、目标、概率要求、范围与容差都相同的两次反推，结果逐字节相同。',
          'The hash is taken over the canonical JSON of the resolved scenario (every default filled in, with the runs and seed of this search); two searches with the same hash, setting, goal, probability, range and tolerance give byte-identical results.',
        ),
      },
      lang,
    ),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    title: t(`目标反推：${r.goal.label}`, `Goal-seek: ${r.goal.labelEn}`),
    subtitle: [
      t(`${plan.name.zh} · 情景 ${r.scenario}`, `${plan.name.en} · scenario ${r.scenario}`),
      t(
        `措施：${leverName(r.lever, plan, 'zh')} · 概率要求 ${thresholdText(r.probability)} · 每个取值${formatCount(r.runs, lang)}次模拟 · 种子 ${r.seed}`,
        `lever: ${leverName(r.lever, plan, 'en')} · probability ${thresholdText(r.probability)} · ${formatCount(r.runs, lang)} trajectories per value · seed ${r.seed}`,
      ),
    ],
    sections,
  };
}
