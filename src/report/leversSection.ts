import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { spendChartSpec } from './charts/spendChart.js';
import type { Block, Cell, ChartDef, Section } from './document.js';
import type { Lang } from './lang.js';
import { formatCount, formatPercent, formatPoints } from './numberFormat.js';

type T = (zh: string, en: string) => string;

/** Yuan for the reader: 万/亿 in Chinese, millions in English. */
export function formatYuan(yuan: number, lang: Lang): string {
  if (lang === 'zh') return `${formatCount(Math.round(yuan), 'zh')}元`;
  if (Math.abs(yuan) >= 1e6) return `${formatCount(Math.round(yuan / 1e5) / 10, 'en')}M yuan`;
  return `${formatCount(Math.round(yuan), 'en')} yuan`;
}

const TARGET_NAME: Readonly<Record<string, { zh: string; en: string }>> = {
  applications: { zh: '首次申报数', en: 'first-time applications' },
  firstPass: { zh: '首次申报通过率', en: 'first-time pass rate' },
  recertKeep: { zh: '到期重新认定率', en: 're-certification at expiry' },
  moveIn: { zh: '整体迁入', en: 'whole-firm moves in' },
  tsmeEntries: { zh: '科技型中小企业入库', en: 'new tech-SME registrations' },
  tsmeLeave: { zh: '科技型中小企业退出', en: 'tech-SME exits' },
  srdiPromote: { zh: '晋升专精特新', en: 'promotion to 专精特新' },
  listing: { zh: '上市', en: 'listing' },
  iuCentre: { zh: '设立产学研中心的高企', en: '高企 with an industry–university centre' },
  none: { zh: '（仅资金，不改变数量）', en: '(money only: no count moves)' },
};

const EVIDENCE: Readonly<Record<string, { zh: string; en: string; tone: 'good' | 'fair' | 'neutral' }>> = {
  sourced: { zh: '有依据', en: 'evidence', tone: 'good' },
  'partly-sourced': { zh: '部分有依据', en: 'partial evidence', tone: 'fair' },
  none: { zh: '无依据（推断）', en: 'no evidence (inference)', tone: 'neutral' },
};

function seriesMean(summary: RunSummary, measure: string, year: number): number {
  return summary.series.find((r) => r.measure === measure && r.year === year)?.mean ?? 0;
}

/** The spend chart of one budget: cumulative for a period cap, yearly for a yearly cap. */
function budgetChart(summary: RunSummary, b: RunSummary['budgets'][number], lang: Lang, t: T): ChartDef {
  const years: number[] = [];
  for (let y = Math.max(b.from, summary.baseYear + 1); y <= Math.min(b.to, summary.horizon); y++)
    years.push(y);
  let promised = 0;
  let paid = 0;
  const rows = years.map((year) => {
    const d = seriesMean(summary, `demand:${b.id}`, year);
    const s = seriesMean(summary, `spend:${b.id}`, year);
    if (b.per === 'period') {
      promised += d;
      paid += s;
      return { year, promised, paid };
    }
    return { year, promised: d, paid: s };
  });
  const unit = lang === 'zh' ? 1e4 : 1e6;
  const label = lang === 'zh' ? b.label : b.labelEn;
  return {
    id: `spend-${b.id}`.replace(/[^a-z0-9-]+/g, '-'),
    alt: t(`${label}：各年承诺与实际支付（均值）`, `${label}: promised and paid by year (means)`),
    spec: spendChartSpec({
      lang,
      title: label,
      subtitle: t(
        b.per === 'period' ? '累计金额（均值），红线为预算上限' : '每年金额（均值），红线为年度预算上限',
        b.per === 'period' ? 'cumulative (means); red: the cap' : 'by year (means); red: the yearly cap',
      ),
      rows,
      cap: b.kind === 'cap' ? b.amount : undefined,
      capLabel: t(`上限 ${formatYuan(b.amount, 'zh')}`, `cap ${formatYuan(b.amount, 'en')}`),
      promisedLabel: t('承诺（未限额）', 'promised (uncapped)'),
      paidLabel: t('实际支付', 'paid'),
      unit,
      yTitle: t('万元', 'million yuan'),
    }),
  };
}

/**
 * "Levers and money": what the plan buys against the status quo (paired, common random
 * numbers), what it costs against its budget caps, and which levers' responses rest on evidence.
 * Null when the scenario has no levers and no budgets. Pure.
 */
export function leversSection(
  input: { summary: RunSummary; scenario: ResolvedScenario },
  lang: Lang,
): Section | null {
  const { summary } = input;
  const t: T = (zh, en) => (lang === 'zh' ? zh : en);
  if (summary.levers.length === 0 && summary.budgets.length === 0) {
    if (summary.policy !== 'status-quo') return null;
    return {
      id: 'levers',
      title: t('措施与资金', 'Levers and money'),
      blocks: [
        {
          kind: 'paragraph',
          text: t(
            '本情景为“现状”：规划的各项措施均不实施，作为衡量规划效果的对照。',
            'This scenario is the status quo: none of the plan’s levers act. It is the counterfactual against which the plan’s effect is measured.',
          ),
        },
      ],
    };
  }
  const blocks: Block[] = [];
  const e = summary.effect;
  if (e !== null) {
    blocks.push({
      kind: 'heading',
      text: t('规划措施的效果（与“现状”对照）', 'What the levers buy (against the status quo)'),
    });
    blocks.push({
      kind: 'paragraph',
      text: t(
        `同一批模拟分别在实施与不实施规划措施的情况下运行（共同随机数），差值及其标准误由配对计算。措施期内财政支出合计均值为${formatYuan(e.spend.mean, 'zh')}。“每增加一家的支出”为全部措施的支出除以该目标口径下增加的企业数：各目标共用同一笔支出，不能相加。`,
        `The same trajectories are run with and without the plan’s levers (common random numbers); differences and their standard errors are paired. Total fiscal spend over the simulated years: ${formatYuan(e.spend.mean, 'en')} on average. “Yuan per additional” is the spend of all levers divided by the additional firms the goal counts: the goals share one outlay, so these figures do not add up.`,
      ),
    });
    const rows: Cell[][] = summary.goals.flatMap((g) => {
      const ge = e.goals.find((x) => x.id === g.id);
      if (ge === undefined) return [];
      return [
        [
          lang === 'zh' ? g.label : g.labelEn,
          formatPercent(g.probability, g.probabilityStdErr),
          formatPercent(Math.max(0, g.probability - ge.probabilityGain), ge.probabilityGainStdErr),
          `${ge.probabilityGain >= 0 ? '+' : '−'}${formatPercent(Math.abs(ge.probabilityGain), ge.probabilityGainStdErr)} ± ${formatPoints(ge.probabilityGainStdErr)}${t('个百分点', ' pts')}`,
          `${ge.valueGain >= 0 ? '+' : '−'}${formatCount(Math.abs(Math.round(ge.valueGain * 10) / 10), lang)}`,
          ge.yuanPerAdditional === null
            ? '–'
            : `${formatYuan(ge.yuanPerAdditional, lang)} ± ${formatYuan(ge.yuanPerAdditionalStdErr ?? 0, lang)}`,
        ],
      ];
    });
    blocks.push({
      kind: 'table',
      header: [
        t('目标', 'Goal'),
        t('实施措施', 'With levers'),
        t('不实施', 'Without'),
        t('概率变化', 'Change'),
        t('增加数量（均值）', 'Additional (mean)'),
        t('每增加一家的支出', 'Yuan per additional'),
      ],
      rows,
      align: ['l', 'r', 'r', 'r', 'r', 'r'],
    });
  }
  if (summary.budgets.length > 0) {
    blocks.push({ kind: 'heading', text: t('资金与预算', 'Money against the budget') });
    blocks.push({
      kind: 'table',
      header: [
        t('预算', 'Budget'),
        t('金额', 'Amount'),
        t('措施承诺（均值，90%区间）', 'Promised (mean, 90% interval)'),
        t('实际支付（均值）', 'Paid (mean)'),
        t('超支概率', 'P(overspend)'),
      ],
      rows: summary.budgets.map((b) => [
        lang === 'zh' ? b.label : b.labelEn,
        `${b.kind === 'floor' ? t('不少于', 'at least ') : ''}${formatYuan(b.amount, lang)}${b.per === 'year' ? t('/年', ' a year') : ''}`,
        lang === 'zh'
          ? `${formatYuan(b.demand.mean, 'zh')}（${formatYuan(b.demand.p05, 'zh')}—${formatYuan(b.demand.p95, 'zh')}）`
          : `${formatYuan(b.demand.mean, 'en')} (${formatYuan(b.demand.p05, 'en')}–${formatYuan(b.demand.p95, 'en')})`,
        formatYuan(b.spend.mean, lang),
        b.overspendProbability === null
          ? '–'
          : `${formatPercent(b.overspendProbability, b.overspendStdErr ?? 0)} ± ${formatPoints(b.overspendStdErr ?? 0)}`,
      ]),
      align: ['l', 'r', 'r', 'r', 'r'],
    });
    blocks.push({
      kind: 'paragraph',
      text: t(
        '“措施承诺”为按规划标准应支付的奖补总额；超过预算上限时，当年奖补按比例发放（实际支付不超过上限），企业据此调整次年的申报意愿。超支概率为承诺总额超过上限的模拟占比。',
        '“Promised” is what the levers owe at the plan’s rates; when it exceeds a cap, that year’s payments are scaled down so paid money never exceeds the cap, and firms respond to the cut the next year. P(overspend) is the share of trajectories in which the promises exceed the cap.',
      ),
    });
    const charts = summary.budgets
      .filter((b) => b.kind === 'cap')
      .map((b) => budgetChart(summary, b, lang, t));
    if (charts.length > 0) blocks.push({ kind: 'charts', charts, columns: 2 });
  }
  if (summary.levers.length > 0) {
    blocks.push({
      kind: 'heading',
      text: t('各项措施及其作用依据', 'The levers and the evidence for their effect'),
    });
    blocks.push({
      kind: 'table',
      header: [t('措施', 'Lever'), t('作用于', 'Moves'), t('依据', 'Evidence'), t('年份', 'Years')],
      rows: summary.levers.map((l) => {
        const ev = EVIDENCE[l.evidence] ?? { zh: l.evidence, en: l.evidence, tone: 'neutral' as const };
        const target = TARGET_NAME[l.target] ?? { zh: l.target, en: l.target };
        return [
          lang === 'zh' ? l.label : l.labelEn,
          target[lang],
          { text: ev[lang], tone: ev.tone },
          `${l.from}—${l.to}`,
        ];
      }),
      align: ['l', 'l', 'l', 'r'],
    });
    const none = summary.levers.filter((l) => l.evidence === 'none' && l.target !== 'none');
    if (none.length > 0) {
      blocks.push({
        kind: 'note',
        text: t(
          `以下措施的作用强度没有实证依据，仅为推断（先验范围见“主要假设”）：${none.map((l) => l.label).join('；')}。依赖这些措施的结论应谨慎看待。`,
          `The strength of these levers’ effect rests on inference only, with no evidence (prior ranges under “Assumptions”): ${none.map((l) => l.labelEn).join('; ')}. Conclusions that depend on them should be read with care.`,
        ),
      });
    }
  }
  return { id: 'levers', title: t('措施与资金', 'Levers and money'), blocks };
}
