import type { ResolvedScenario } from '../schema/scenario.js';
import type { SweepResult } from '../schema/sweepResult.js';
import { analysisReproducibilitySection, translator, warningBlocks } from './analysisSections.js';
import {
  goalCriterion,
  goalRequirement,
  goalValueName,
  pointsDiff,
  probabilityWords,
  yuanSe,
} from './analysisText.js';
import { curveChartSpec } from './charts/curveChart.js';
import type { Block, Cell, ChartDef, ReportDocument, Section } from './document.js';
import { verdictWord } from './goalText.js';
import { verdictTone } from './goalVerdict.js';
import type { Lang } from './lang.js';
import { leverName, leverUnit, leverValue, leverValueKind } from './leverName.js';
import { formatYuan } from './leversSection.js';
import { formatCount, formatPercent, formatPoints } from './numberFormat.js';
import {
  assumptionsSection,
  chartId,
  glossarySection,
  intervalText,
  methodSection,
  probabilityCell,
} from './runReport.js';

/** What a sweep report is built from: the sweep and the scenario swept (resolved, as run). */
export interface SweepReportInput {
  readonly result: SweepResult;
  readonly scenario: ResolvedScenario;
}

type Goal = SweepResult['goals'][number];
type Point = SweepResult['points'][number];
type Estimate = Point['goals'][number];

/** Most lever values shown as columns of the summary table; more are thinned to first, middle, last. */
const MAX_COLUMNS = 6;

function goalLabel(g: Goal, lang: Lang): string {
  return lang === 'zh' ? g.label : g.labelEn;
}

function at(p: Point, goal: string): Estimate | undefined {
  return p.goals.find((e) => e.id === goal);
}

/** The points in the order of the lever's value (a sweep may list its values in any order). */
function ordered(r: SweepResult): Point[] {
  return [...r.points].sort((a, b) => a.value - b.value);
}

/**
 * How P(goal) moves along the sweep, in words: from the first value to the last, the steps
 * that move it by more than 2 paired SE, and where it stops moving. `fromPrevious` is paired
 * with the previous value as given, so steps are read in the order given.
 */
function goalSentence(input: SweepReportInput, g: Goal, lang: Lang): string {
  const r = input.result;
  const t = translator(lang);
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const first = r.points[0];
  const last = r.points[r.points.length - 1];
  const e0 = first === undefined ? undefined : at(first, g.id);
  const e1 = last === undefined ? undefined : at(last, g.id);
  if (first === undefined || last === undefined || e0 === undefined || e1 === undefined) return '';
  const p = (e: Estimate): string => probabilityWords(e.probability, e.probabilityStdErr, r.runs, lang);
  const head = t(
    `“${goalLabel(g, 'zh')}”：取${v(first.value)}时达成概率${p(e0)}，取${v(last.value)}时${p(e1)}`,
    `“${goalLabel(g, 'en')}”: P(met) is ${p(e0)} at ${v(first.value)} and ${p(e1)} at ${v(last.value)}`,
  );
  const steps = r.points.flatMap((pt, i) => {
    const e = at(pt, g.id);
    const prev = r.points[i - 1];
    if (e?.fromPrevious == null || prev === undefined) return [];
    return [{ from: prev.value, to: pt.value, d: e.fromPrevious }];
  });
  const clear = steps.filter((s) => s.d.diff !== 0 && Math.abs(s.d.diff) > 2 * s.d.pairedStdErr);
  if (steps.length === 0) return `${head}${t('。', '.')}`;
  if (clear.length === 0) {
    return `${head}${t(
      '；相邻取值之间的变化都在随机误差范围内（不超过2倍配对标准误）。',
      '; no step from one value to the next moves it by more than 2 paired standard errors.',
    )}`;
  }
  const listed = clear
    .slice(0, 3)
    .map((s) => `${v(s.from)}→${v(s.to)}${t('：', ': ')}${pointsDiff(s.d.diff, s.d.pairedStdErr, lang)}`);
  const lastClear = clear[clear.length - 1];
  const lastStep = steps[steps.length - 1];
  const flat =
    lastClear !== undefined && lastStep !== undefined && lastClear.to !== lastStep.to
      ? t(
          `；${v(lastClear.to)}之后再提高，达成概率无明显变化`,
          `; beyond ${v(lastClear.to)} it moves no more than noise`,
        )
      : '';
  return `${head}${t(
    `；超过随机误差（2倍配对标准误）的变化：${listed.join('，')}${clear.length > 3 ? '等' : ''}${flat}。`,
    `; steps beyond noise (2 paired standard errors): ${listed.join(', ')}${clear.length > 3 ? ', …' : ''}${flat}.`,
  )}`;
}

function spendSentence(input: SweepReportInput, lang: Lang): string {
  const r = input.result;
  const t = translator(lang);
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const first = r.points[0];
  const last = r.points[r.points.length - 1];
  if (first === undefined || last === undefined) return '';
  const caps = first.budgets.map((b) => {
    const b1 = last.budgets.find((x) => x.id === b.id);
    const label = input.scenario.plan.budgets.find((x) => x.id === b.id)?.label[lang] ?? b.id;
    return t(
      `预算“${label}”的超支概率由${formatPercent(b.overspendProbability, b.overspendStdErr)}变为${b1 === undefined ? '—' : formatPercent(b1.overspendProbability, b1.overspendStdErr)}`,
      `P(overspend) of “${label}” goes from ${formatPercent(b.overspendProbability, b.overspendStdErr)} to ${b1 === undefined ? '—' : formatPercent(b1.overspendProbability, b1.overspendStdErr)}`,
    );
  });
  return t(
    `财政支出（模拟年份合计）的均值由${formatYuan(first.spend.mean, 'zh')}（${v(first.value)}）变为${formatYuan(last.spend.mean, 'zh')}（${v(last.value)}）${caps.length > 0 ? `；${caps.join('；')}` : ''}。`,
    `Mean spend over the simulated years goes from ${formatYuan(first.spend.mean, 'en')} at ${v(first.value)} to ${formatYuan(last.spend.mean, 'en')} at ${v(last.value)}${caps.length > 0 ? `; ${caps.join('; ')}` : ''}.`,
  );
}

/** The lever values shown as columns: all of them, or first, middle and last. */
function columns(r: SweepResult): Point[] {
  const pts = r.points;
  if (pts.length <= MAX_COLUMNS) return [...pts];
  const mid = pts[Math.floor((pts.length - 1) / 2)];
  return [pts[0], mid, pts[pts.length - 1]].filter((p): p is Point => p !== undefined);
}

function summarySection(input: SweepReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const name = leverName(r.lever, plan, lang);
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const values = r.points.map((p) => v(p.value));
  const current = r.lever.current;
  const cols = columns(r);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告考察${name}取不同数值时，《${plan.name.zh}》各项目标的达成概率与财政支出如何变化。考察的取值为：${values.join('、')}${current !== null ? `（情景现行值为${v(current)}）` : ''}。每个取值在同一批${formatCount(r.runs, lang)}次模拟上运行（共同随机数），因此取值之间的差异逐次模拟配对计算，曲线平滑，随机误差小。`,
        `This report looks at how the goals of the ${plan.name.en} and the spend move as ${name} takes the values ${values.join(', ')}${current !== null ? ` (the scenario’s own value is ${v(current)})` : ''}. Every value runs on the same ${formatCount(r.runs, lang)} trajectories (common random numbers), so differences between values are measured trajectory by trajectory: the curves are smooth and their noise small.`,
      ),
    },
    {
      kind: 'table',
      caption: t(
        '各取值下的判断与达成概率（± 标准误）',
        'Verdict and P(met) at each value (± standard error)',
      ),
      header: [t('目标', 'Goal'), t('年份', 'Year'), ...cols.map((p) => v(p.value))],
      rows: r.goals.map((g): Cell[] => [
        goalLabel(g, lang),
        String(g.year),
        ...cols.map((p): Cell => {
          const e = at(p, g.id);
          if (e === undefined) return '—';
          return {
            text: verdictWord(e.probability)[lang],
            tone: verdictTone(e.probability),
            detail: probabilityCell(e, r.runs),
          };
        }),
      ]),
      align: ['l', 'r', ...cols.map(() => 'l' as const)],
    },
    { kind: 'heading', text: t('主要发现', 'What the sweep shows') },
    {
      kind: 'list',
      items: [...r.goals.map((g) => goalSentence(input, g, lang)), spendSentence(input, lang)],
    },
    ...warningBlocks(r.warnings, lang, [plan]),
  ];
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function goalCharts(input: SweepReportInput, g: Goal, lang: Lang): ChartDef[] {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const pts = ordered(r);
  const unit = leverUnit(r.lever, lang);
  const xTitle = unit === '' ? t('取值', 'value') : unit;
  const current = r.lever.current;
  const vRules =
    current !== null
      ? [
          {
            value: current,
            label: t(
              `现行值 ${leverValue(r.lever, current, 'zh')}`,
              `scenario: ${leverValue(r.lever, current, 'en')}`,
            ),
            tone: 'current' as const,
          },
        ]
      : [];
  const probability = pts.flatMap((p) => {
    const e = at(p, g.id);
    if (e === undefined) return [];
    const se = e.probabilityStdErr;
    return [
      {
        x: p.value,
        y: e.probability,
        low: Math.max(0, e.probability - 2 * se),
        high: Math.min(1, e.probability + 2 * se),
      },
    ];
  });
  const counts = pts.flatMap((p) => {
    const e = at(p, g.id);
    return e === undefined ? [] : [{ x: p.value, y: e.p50, low: e.p05, high: e.p95 }];
  });
  const req = goalRequirement(g, lang, plan);
  const relative = g.comparison === 'x-base' || g.comparison === 'net-gain';
  const what = goalValueName(g, plan, lang);
  return [
    {
      id: chartId('sweep', g.id, 'probability'),
      alt: t(
        `“${goalLabel(g, 'zh')}”的达成概率随取值的变化，阴影为 ±2 倍标准误。`,
        `P(“${goalLabel(g, 'en')}”) against the value, shaded ±2 standard errors.`,
      ),
      spec: curveChartSpec({
        lang,
        title: t('达成概率', 'P(goal met)'),
        subtitle: t(
          '阴影为 ±2 倍标准误；竖线为情景现行值',
          'shaded: ±2 s.e.; vertical line: the scenario’s value',
        ),
        points: probability,
        xKind: leverValueKind(r.lever),
        yKind: 'probability',
        xTitle,
        yTitle: t('达成概率', 'probability'),
        uncertainty: 'band',
        legend: { line: t('达成概率', 'P(met)'), band: t('±2倍标准误', '±2 s.e.') },
        yDomain: [0, 1],
        vRules,
      }),
    },
    {
      id: chartId('sweep', g.id, 'count'),
      alt: t(
        `${what}随取值的变化：中位数与90%区间${req !== undefined ? `；红线为目标要求（${req.label}）` : ''}。`,
        `${what} against the value: median and 90% interval${req !== undefined ? `; red: the goal (${req.label})` : ''}.`,
      ),
      spec: curveChartSpec({
        lang,
        title: what,
        subtitle: t(
          `中位数与90%区间${req === undefined ? '' : relative ? '；红线为按基年数量中值计算的目标要求' : '；红线为目标要求'}`,
          `median and 90% interval${req === undefined ? '' : relative ? '; red: the goal at the central base count' : '; red: the goal'}`,
        ),
        points: counts,
        xKind: leverValueKind(r.lever),
        yKind: 'count',
        xTitle,
        yTitle: t('家', 'firms'),
        uncertainty: 'band',
        legend: { line: t('中位数', 'median'), band: t('90%区间', '90% interval') },
        ...(req !== undefined ? { hRules: [req] } : {}),
        vRules,
      }),
    },
  ];
}

function goalsSection(input: SweepReportInput, lang: Lang): Section {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        '左图为达成概率随取值的变化（阴影为 ±2 倍标准误，约95%置信范围）；右图为目标年份数量的中位数与90%区间，红线为目标要求。',
        'Left: P(goal met) against the value (shaded ±2 standard errors, about a 95% range). Right: the median and 90% interval of the count in the goal year; the red line is what the goal requires.',
      ),
    },
  ];
  for (const g of r.goals) {
    blocks.push({ kind: 'heading', text: goalLabel(g, lang) });
    blocks.push({
      kind: 'note',
      text: t(
        `${g.year}年目标：${goalCriterion(g, plan, 'zh')}`,
        `${g.year} goal: ${goalCriterion(g, plan, 'en')}`,
      ),
    });
    blocks.push({ kind: 'charts', charts: goalCharts(input, g, lang), columns: 2 });
    blocks.push({
      kind: 'details',
      summary: t('数据表', 'Data'),
      blocks: [
        {
          kind: 'table',
          header: [
            t('取值', 'Value'),
            t('达成概率 ± 标准误', 'P(met) ± s.e.'),
            t('与上一取值之差 ± 配对标准误', 'From the previous value ± paired s.e.'),
            t('中位数（90%区间）', 'Median (90% interval)'),
          ],
          rows: r.points.map((p) => {
            const e = at(p, g.id);
            return [
              v(p.value),
              e === undefined ? '—' : probabilityCell(e, r.runs),
              e?.fromPrevious == null
                ? '—'
                : pointsDiff(e.fromPrevious.diff, e.fromPrevious.pairedStdErr, lang),
              e === undefined ? '—' : intervalText(e, lang),
            ];
          }),
          align: ['r', 'r', 'r', 'r'],
        },
      ],
    });
  }
  return { id: 'goals', title: t('目标逐项分析', 'Goals one by one'), blocks };
}

function moneySection(input: SweepReportInput, lang: Lang): Section | null {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const pts = ordered(r);
  if (pts.every((p) => p.spend.p95 === 0) && pts.every((p) => p.budgets.length === 0)) return null;
  const unit = leverUnit(r.lever, lang);
  const xTitle = unit === '' ? t('取值', 'value') : unit;
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const charts: ChartDef[] = [
    {
      id: 'sweep-spend',
      alt: t(
        `财政支出（模拟年份合计）随取值的变化：均值与90%区间${r.lever.kind === 'budget' ? '；虚线为预算上限（即取值本身）' : ''}。`,
        `Spend over the simulated years against the value: mean and 90% interval${r.lever.kind === 'budget' ? '; dashed: the cap (the value itself)' : ''}.`,
      ),
      spec: curveChartSpec({
        lang,
        title: t('财政支出（模拟年份合计）', 'Spend over the simulated years'),
        subtitle: t('均值与90%区间', 'mean and 90% interval'),
        points: pts.map((p) => ({ x: p.value, y: p.spend.mean, low: p.spend.p05, high: p.spend.p95 })),
        xKind: leverValueKind(r.lever),
        yKind: 'yuan',
        xTitle,
        yTitle: t('元', 'yuan'),
        uncertainty: 'band',
        legend: { line: t('均值', 'mean'), band: t('90%区间', '90% interval') },
        ...(r.lever.kind === 'budget' ? { diagonal: t('预算上限', 'cap') } : {}),
      }),
    },
  ];
  const budgetIds = [...new Set(pts.flatMap((p) => p.budgets.map((b) => b.id)))];
  for (const id of budgetIds) {
    const label = plan.budgets.find((b) => b.id === id)?.label[lang] ?? id;
    charts.push({
      id: chartId('sweep', 'overspend', id),
      alt: t(`预算“${label}”的超支概率随取值的变化。`, `P(overspend) of “${label}” against the value.`),
      spec: curveChartSpec({
        lang,
        title: t(`超支概率：${label}`, `P(overspend): ${label}`),
        subtitle: t(
          '措施承诺超过预算上限的模拟占比；阴影为 ±2 倍标准误',
          'share of trajectories whose promises exceed the cap; shaded ±2 s.e.',
        ),
        points: pts.flatMap((p) => {
          const b = p.budgets.find((x) => x.id === id);
          if (b === undefined) return [];
          const se = b.overspendStdErr;
          return [
            {
              x: p.value,
              y: b.overspendProbability,
              low: Math.max(0, b.overspendProbability - 2 * se),
              high: Math.min(1, b.overspendProbability + 2 * se),
            },
          ];
        }),
        xKind: leverValueKind(r.lever),
        yKind: 'probability',
        xTitle,
        yTitle: t('超支概率', 'P(overspend)'),
        uncertainty: 'band',
        legend: { line: t('超支概率', 'P(overspend)'), band: t('±2倍标准误', '±2 s.e.') },
        yDomain: [0, 1],
      }),
    });
  }
  return {
    id: 'money',
    title: t('财政支出与预算', 'Spend and budgets'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '支出为各项有明确金额的措施在模拟年份内的实际支付之和；预算有上限时，承诺超过上限的部分按比例削减。超支概率为措施承诺超过预算上限的模拟占比。',
          'Spend is what the levers with a figure in yuan pay over the simulated years; where a budget is capped, promises beyond the cap are scaled down. P(overspend) is the share of trajectories in which the promises exceed the cap.',
        ),
      },
      { kind: 'charts', charts, columns: 2 },
      {
        kind: 'table',
        header: [
          t('取值', 'Value'),
          t('支出均值 ± 标准误', 'Mean spend ± s.e.'),
          t('90%区间', '90% interval'),
        ],
        rows: r.points.map((p) => [
          v(p.value),
          `${formatYuan(p.spend.mean, lang)} ± ${yuanSe(p.spend.stdErr, lang)}`,
          `${formatYuan(p.spend.p05, lang)}—${formatYuan(p.spend.p95, lang)}`,
        ]),
        align: ['r', 'r', 'r'],
      },
      ...(budgetIds.length === 0
        ? []
        : [
            {
              kind: 'table' as const,
              caption: t('各预算的超支概率（± 标准误）', 'P(overspend) of each budget (± standard error)'),
              header: [t('预算', 'Budget'), ...r.points.map((p) => v(p.value))],
              rows: budgetIds.map((id) => [
                plan.budgets.find((b) => b.id === id)?.label[lang] ?? id,
                ...r.points.map((p) => {
                  const b = p.budgets.find((x) => x.id === id);
                  return b === undefined
                    ? '—'
                    : `${formatPercent(b.overspendProbability, b.overspendStdErr)} ± ${formatPoints(b.overspendStdErr)}`;
                }),
              ]),
              align: ['l' as const, ...r.points.map(() => 'r' as const)],
            },
          ]),
    ],
  };
}

function method(input: SweepReportInput, lang: Lang): Section {
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
          `扫描把情景中的 ${r.lever.path} 依次设为各个取值，其余设定不变，每个取值使用相同的种子与模拟编号（共同随机数）。相邻取值之差逐次模拟配对计算，其标准误为配对标准误。措施改变某个比率时，精确抽样器消耗的随机数个数随之改变，因此配对紧密但并不完全，曲线可能因随机误差出现约2倍配对标准误以内的小幅回落；有上限的预算也可能因奖励提高而更早用完，使后续年份的达成概率下降。`,
          `The sweep sets ${r.lever.path} of the scenario to each value in turn, everything else unchanged, with the same seed and trajectory numbers at every value (common random numbers). The change from one value to the next is taken trajectory by trajectory, with its paired standard error. A lever that changes a rate changes how many random numbers the exact samplers draw, so the pairing is close but not perfect, and the curve may dip by noise (within about 2 paired standard errors); a capped budget may also run out sooner under a larger reward and lower later years.`,
        ),
      },
    ],
  };
}

/**
 * The report of a sweep in one language: what moves as the lever moves (in words, with the
 * steps beyond noise), P(goal) and the goal's count against the lever value with ±2 SE and 90%
 * bands and the goal marked, spend and P(overspend) against the value, tables of the points,
 * assumptions, method and reproducibility. Pure.
 */
export function sweepReportDocument(input: SweepReportInput, lang: Lang): ReportDocument {
  const r = input.result;
  const t = translator(lang);
  const plan = input.scenario.plan;
  const v = (x: number): string => leverValue(r.lever, x, lang);
  const sections: Section[] = [
    summarySection(input, lang),
    goalsSection(input, lang),
    ...[moneySection(input, lang)].filter((x): x is Section => x !== null),
    assumptionsSection({ scenario: input.scenario, observed: [] }, lang),
    method(input, lang),
    analysisReproducibilitySection(
      {
        version: r.version,
        seed: r.seed,
        runs: r.runs,
        scenarios: [{ scenario: input.scenario, source: r.source }],
        rows: [
          [t('扫描的设定', 'Setting swept'), r.lever.path],
          [t('取值', 'Values'), r.points.map((p) => String(p.value)).join(', ')],
        ],
        note: t(
          '哈希由完整情景（已填入全部默认值，含本次扫描的模拟次数与种子）的规范化 JSON 计算；各取值的情景为该情景只改动上述设定。哈希、设定与取值相同的两次扫描，结果逐字节相同。',
          'The hash is taken over the canonical JSON of the resolved scenario (every default filled in, with the runs and seed of this sweep); the scenario at each value is this one with the setting above changed. Two sweeps with the same hash, setting and values give byte-identical results.',
        ),
      },
      lang,
    ),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    title: t(`措施扫描：${leverName(r.lever, plan, 'zh')}`, `Sweep: ${leverName(r.lever, plan, 'en')}`),
    subtitle: [
      t(`${plan.name.zh} · 情景 ${r.scenario}`, `${plan.name.en} · scenario ${r.scenario}`),
      t(
        `${r.points.length}个取值（${v(Math.min(...r.points.map((p) => p.value)))}—${v(Math.max(...r.points.map((p) => p.value)))}） · 每个取值${formatCount(r.runs, lang)}次模拟 · 种子 ${r.seed}`,
        `${r.points.length} values (${v(Math.min(...r.points.map((p) => p.value)))}–${v(Math.max(...r.points.map((p) => p.value)))}) · ${formatCount(r.runs, lang)} trajectories each · seed ${r.seed}`,
      ),
    ],
    sections,
  };
}
