import type { TopLevelSpec } from 'vega-lite';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import type { Block, Cell, ChartDef, ReportDocument, Section } from './document.js';
import { factorLabel } from './factorLabels.js';
import { criterionPhrase, verdictWord } from './goalText.js';
import { verdictTone } from './goalVerdict.js';
import type { Lang } from './lang.js';
import { formatCount, formatPercent } from './numberFormat.js';
import { scenarioHash } from './scenarioHash.js';
import { sensitivityCharts } from './sensitivityCharts.js';
import { GLOSSARY, measureName } from './terms.js';
import { warningBlocks } from './analysisSections.js';

type Report = SensitivityReport;
type Say = (zh: string, en: string) => string;

function translator(lang: Lang): Say {
  return (zh, en) => (lang === 'zh' ? zh : en);
}

/** A factor by name in the report's language, with its code name. */
function factorName(f: string, lang: Lang): string {
  return lang === 'zh' ? `${factorLabel(f).zh}（${f}）` : `${factorLabel(f).en} (${f})`;
}

/** A factor's value: counts as counts, rates with three significant digits. */
function value(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  return Math.abs(x) >= 100 ? formatCount(Math.round(x), lang) : String(Number(x.toPrecision(3)));
}

const signed = (x: number, digits: number): string =>
  `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
const pm = (x: number, se: number, digits: number): string => `${signed(x, digits)} ± ${se.toFixed(digits)}`;

const GROUP_NAMES: Readonly<Record<Report['factors'][number]['group'], [string, string]>> = {
  'lever-response': ['措施效果', 'lever response'],
  rate: ['未知速率', 'rate'],
  'base-count': ['基期数量', 'base count'],
};

/** The HTML report's charts of a sensitivity analysis, as document charts. */
function charts(r: Report, lang: Lang): Readonly<Record<string, ChartDef>> {
  const t = translator(lang);
  const alt: Readonly<Record<string, string>> = {
    tornado: t(
      '单因素影响：各输入从先验第10百分位移到第90百分位时，达成概率与余量的变化。',
      'One-way effects: P(goal met) and the margin with each input at its prior’s 10th and 90th percentile.',
    ),
    sobol: t(
      '各输入对余量方差的一阶与总效应贡献（Sobol指数）及其自助法区间。',
      'First- and total-order shares of the margin’s variance (Sobol’ indices) with bootstrap intervals.',
    ),
    voi: t(
      '信息价值：若确知各输入，达成概率平均变动多少。',
      'Value of information: how much P(goal met) would move once each input is known.',
    ),
    'voi-curves': t(
      '若确知某输入，达成概率随其取值的变化。',
      'P(goal met) across the prior of the inputs worth measuring.',
    ),
    levers: t(
      '取消、减半或加倍各项措施与预算上限时达成概率的变化。',
      'Change in P(goal met) with each lever or budget cap off, halved or doubled.',
    ),
  };
  return Object.fromEntries(
    Object.entries(sensitivityCharts(r, lang)).map(([id, spec]) => [
      id,
      { id, alt: alt[id] ?? id, spec: spec as unknown as TopLevelSpec },
    ]),
  );
}

function chartBlock(all: Readonly<Record<string, ChartDef>>, ...ids: readonly string[]): Block[] {
  const list = ids.flatMap((id) => (all[id] !== undefined ? [all[id]] : []));
  return list.length > 0 ? [{ kind: 'charts', charts: list }] : [];
}

/** A discovery box in words: "directApply ≤ 0.05 (below its 30th percentile) and …". */
function boxText(b: Report['discovery']['failure']['boxes'][number], lang: Lang): string {
  const t = translator(lang);
  return b.rules
    .map((x) => {
      const name = factorLabel(x.factor)[lang];
      const pct = (p: number | null): string => (p === null ? '' : String(Math.round(p)));
      if (x.lower !== null && x.upper !== null) {
        return t(
          `${name}在${value(x.lower, lang)}—${value(x.upper, lang)}之间（先验第${pct(x.lowerPercentile)}至第${pct(x.upperPercentile)}百分位）`,
          `${name} between ${value(x.lower, lang)} and ${value(x.upper, lang)} (its ${pct(x.lowerPercentile)}th to ${pct(x.upperPercentile)}th percentile)`,
        );
      }
      if (x.upper !== null) {
        return t(
          `${name}不高于${value(x.upper, lang)}（先验第${pct(x.upperPercentile)}百分位以下）`,
          `${name} at most ${value(x.upper, lang)} (below its ${pct(x.upperPercentile)}th percentile)`,
        );
      }
      return t(
        `${name}不低于${value(x.lower ?? 0, lang)}（先验第${pct(x.lowerPercentile)}百分位以上）`,
        `${name} at least ${value(x.lower ?? 0, lang)} (above its ${pct(x.lowerPercentile)}th percentile)`,
      );
    })
    .join(t('，且', ', and '));
}

function summarySection(r: Report, scenario: ResolvedScenario, lang: Lang): Section {
  const t = translator(lang);
  const g = r.goal;
  const baseYear = scenario.plan.baseYear;
  const name = measureName(g.measure, lang, scenario.plan);
  const items: string[] = [];
  if (r.drivers.length > 0) {
    items.push(
      t(
        `主要驱动因素（单因素影响、方差分解与信息价值三种排序的前列）：${r.drivers.map((d) => factorLabel(d.factor).zh).join('、')}。`,
        `Drivers (top of the one-way, Sobol’ and value-of-information rankings): ${r.drivers.map((d) => factorLabel(d.factor).en).join(', ')}.`,
      ),
    );
    const inference = r.drivers.filter((d) => d.reliance === 'inference');
    items.push(
      inference.length > 0
        ? t(
            `其中仅凭推断、没有直接数据来源的：${inference.map((d) => factorLabel(d.factor).zh).join('、')}。结论对这些假设敏感。`,
            `Of these, resting on inference alone, with no direct source: ${inference.map((d) => factorLabel(d.factor).en).join(', ')}. The verdict is sensitive to these assumptions.`,
          )
        : t('主要驱动因素都有一定的数据来源。', 'Every driver rests at least partly on evidence.'),
    );
  } else {
    items.push(t('没有哪个不确定输入会改变这个目标的结论。', 'No uncertain input moves this goal.'));
  }
  const voiTop = r.valueOfInformation.filter((v) => v.rmsChange > v.noiseFloor).slice(0, 3);
  if (voiTop.length > 0) {
    items.push(
      t(
        `最值得先弄清的数字：${voiTop.map((v) => `${factorLabel(v.factor).zh}（确知后达成概率平均变动±${(v.rmsChange * 100).toFixed(0)}个百分点）`).join('、')}。`,
        `Worth measuring first: ${voiTop.map((v) => `${factorLabel(v.factor).en} (P(goal met) would move by ±${(v.rmsChange * 100).toFixed(0)} points once known)`).join(', ')}.`,
      ),
    );
  }
  const fail = r.discovery.failure.boxes[0];
  if (fail !== undefined) {
    items.push(
      t(
        `目标主要在以下情形落空：${boxText(fail, lang)}。这类模拟中${formatPercent(fail.density)}未达成（全部模拟为${formatPercent(r.discovery.failure.baseRate)}），占全部未达成情形的${formatPercent(fail.coverage)}。`,
        `The goal is missed above all when ${boxText(fail, lang)}: ${formatPercent(fail.density)} of those trajectories miss it (${formatPercent(r.discovery.failure.baseRate)} of all do); they hold ${formatPercent(fail.coverage)} of all misses.`,
      ),
    );
  }
  const all = r.levers.find((l) => l.target === 'all-levers');
  const strongest = [...r.levers.filter((l) => l.target === 'lever' && l.variant === 'off')].sort(
    (a, b) => a.dP - b.dP || a.dMargin - b.dMargin,
  )[0];
  if (all !== undefined) {
    items.push(
      t(
        `若不采取规划的任何措施，达成概率为${all.p.toFixed(3)}（变化${pm(all.dP, all.dPSe, 3)}）${strongest !== undefined ? `；作用最大的措施是“${strongest.label}”（取消后变化${pm(strongest.dP, strongest.dPSe, 3)}）` : ''}。`,
        `Without any of the plan’s levers P(goal met) would be ${all.p.toFixed(3)} (${pm(all.dP, all.dPSe, 3)})${strongest !== undefined ? `; the lever that matters most is “${strongest.labelEn}” (turning it off: ${pm(strongest.dP, strongest.dPSe, 3)})` : ''}.`,
      ),
    );
  }
  const v = verdictWord(r.probability.value);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告分析《${scenario.plan.name.zh}》目标“${g.label}”（${g.year}年${name}${criterionPhrase(g, baseYear, 'zh')}）的结论取决于哪些因素：哪些不确定的参数与基期数量影响最大，哪些是规划部门可以控制的措施，先弄清哪个数字最有价值，以及目标在什么情形下落空。`,
        `This report asks what the verdict on the goal “${g.labelEn}” (${name} ${criterionPhrase(g, baseYear, 'en')} in ${g.year}) of the ${scenario.plan.name.en} depends on: which uncertain rates and base counts move it most, which of the bureau’s levers do, which number is worth measuring first, and where the plan fails.`,
      ),
    },
    {
      kind: 'heading',
      text: t('目标达成概率', 'P(goal met)'),
      badge: { text: v[lang], tone: verdictTone(r.probability.value) },
    },
    {
      kind: 'paragraph',
      text: t(
        `${formatCount(r.settings.runs, lang)}次模拟中，目标达成的概率为${r.probability.value.toFixed(3)}（标准误${r.probability.se.toFixed(3)}）。余量（${g.year}年的数量减去目标要求）平均为${r.margin.mean.toFixed(1)}（标准误${r.margin.se.toFixed(1)}）。`,
        `Over ${formatCount(r.settings.runs, lang)} trajectories, P(goal met) = ${r.probability.value.toFixed(3)} ± ${r.probability.se.toFixed(3)}. The margin (the ${g.year} count less what the goal requires) averages ${r.margin.mean.toFixed(1)} ± ${r.margin.se.toFixed(1)}.`,
      ),
    },
    { kind: 'heading', text: t('要点', 'What drives the verdict') },
    { kind: 'list', items },
  ];
  blocks.push(...warningBlocks(r.warnings, lang, [scenario.plan]));
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function leversSection(r: Report, all: Readonly<Record<string, ChartDef>>, lang: Lang): Section {
  const t = translator(lang);
  const variant = (l: Report['levers'][number]): string => {
    switch (l.variant) {
      case 'off':
        return l.target === 'all-levers' ? t('全部取消', 'all off') : t('取消', 'off');
      case 'x0.5':
        return l.target === 'budget' ? t('上限减半', 'cap halved') : t('金额减半', 'amounts halved');
      case 'x2':
        return l.target === 'budget' ? t('上限加倍', 'cap doubled') : t('金额加倍', 'amounts doubled');
      case 'no-cap':
        return t('不设上限', 'no cap');
    }
  };
  const blocks: Block[] =
    r.levers.length === 0
      ? [
          {
            kind: 'paragraph',
            text: t(
              '该情景未采用规划的任何措施（维持现状）。',
              'The scenario applies none of the plan’s levers (status quo).',
            ),
          },
        ]
      : [
          {
            kind: 'paragraph',
            text: t(
              `每一行与按规划原文的模拟使用相同的${formatCount(r.settings.tornadoRuns, lang)}条随机数序列，只改变一项措施或预算上限（共同随机数），因此变化量的标准误很小。`,
              `Each row runs the same ${formatCount(r.settings.tornadoRuns, lang)} random streams as the plan as written, with one lever or budget cap changed (common random numbers), so the differences have small standard errors.`,
            ),
          },
          ...chartBlock(all, 'levers'),
          {
            kind: 'table',
            header: [
              t('措施或预算', 'Lever or budget'),
              t('变化', 'Change'),
              t('达成概率', 'P(goal met)'),
              t('概率变化 ± 标准误', 'ΔP ± s.e.'),
              t('余量变化 ± 标准误', 'Δ margin ± s.e.'),
            ],
            rows: r.levers.map((l): Cell[] => [
              l.target === 'all-levers' ? t('全部措施', 'All levers') : lang === 'zh' ? l.label : l.labelEn,
              variant(l),
              l.p.toFixed(3),
              pm(l.dP, l.dPSe, 3),
              pm(l.dMargin, l.dMarginSe, 1),
            ]),
            align: ['l', 'l', 'r', 'r', 'r'],
          },
        ];
  return { id: 'levers', title: t('可控措施', 'What the bureau controls'), blocks };
}

function tornadoSection(r: Report, all: Readonly<Record<string, ChartDef>>, lang: Lang): Section {
  const t = translator(lang);
  const inert = r.factors.filter((f) => f.inert);
  const meta = new Map(r.factors.map((f) => [f.name, f]));
  return {
    id: 'tornado',
    title: t('单因素影响', 'One input at a time'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '把每个不确定输入依次固定在其先验分布的第10和第90百分位，其余输入照常抽取，比较两端的达成概率和余量。条越长，该输入对结论的影响越大；橙色为措施效果（规划部门可以影响），蓝色为未知速率，灰色为基期数量。',
          'Each uncertain input is set to its prior’s 10th and then 90th percentile, every other input drawn as usual, and the two ends compared. The longer the bar, the more the input moves the verdict; orange bars are lever responses (what the bureau can influence), blue the unknown rates, grey the base counts.',
        ),
      },
      ...chartBlock(all, 'tornado'),
      {
        kind: 'details',
        summary: t('数据表：全部输入', 'Data: every input'),
        blocks: [
          {
            kind: 'table',
            header: [
              t('输入', 'Input'),
              t('类别', 'Kind'),
              t('依据', 'Evidence'),
              t('第10 → 第90百分位', '10th → 90th percentile'),
              t('达成概率', 'P(goal met)'),
              t('概率变化 ± 标准误', 'ΔP ± s.e.'),
              t('余量变化 ± 标准误', 'Δ margin ± s.e.'),
            ],
            rows: r.tornado.map((x): Cell[] => [
              factorName(x.factor, lang),
              t(GROUP_NAMES[x.group][0], GROUP_NAMES[x.group][1]),
              {
                text: meta.get(x.factor)?.tag ?? '',
                tone:
                  x.reliance === 'inference' ? 'poor' : x.reliance === 'partly-inference' ? 'fair' : 'good',
              },
              `${value(x.low, lang)} → ${value(x.high, lang)}`,
              `${x.pLow.toFixed(3)} → ${x.pHigh.toFixed(3)}`,
              pm(x.dP, x.dPSe, 3),
              pm(x.dMargin, x.dMarginSe, 1),
            ]),
            align: ['l', 'l', 'l', 'r', 'r', 'r', 'r'],
          },
        ],
      },
      ...(inert.length > 0
        ? [
            {
              kind: 'note' as const,
              text: t(
                `对该目标没有影响的输入（两端的模拟结果完全相同）：${inert.map((f) => factorLabel(f.name).zh).join('、')}。`,
                `Inputs with no effect on this goal (identical trajectories at both ends): ${inert.map((f) => factorLabel(f.name).en).join(', ')}.`,
              ),
            },
          ]
        : []),
    ],
  };
}

function sobolSection(r: Report, all: Readonly<Record<string, ChartDef>>, lang: Lang): Section | null {
  const s = r.sobol;
  if (s === null) return null;
  const t = translator(lang);
  return {
    id: 'sobol',
    title: t('方差分解', 'Variance decomposition'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          `余量的方差中各输入所占的份额：一阶指数 S1 为该输入单独的贡献，总效应指数 ST 还包括它与其他输入的交互作用。过程随机性（同样的参数下模拟结果的差异）占方差的${(100 * s.noiseShare).toFixed(1)}%。${s.converged ? '' : '部分区间宽于0.1，估计尚未收敛，可增加 --sobol-rows。'}`,
          `Each input’s share of the margin’s variance: the first-order index S1 is its effect alone, the total index ST adds its interactions with the others. Process noise (the spread of trajectories with the same parameters) is ${(100 * s.noiseShare).toFixed(1)}% of the variance.${s.converged ? '' : ' Some intervals are wider than 0.1: the estimate has not converged; use more --sobol-rows.'}`,
        ),
      },
      ...chartBlock(all, 'sobol'),
    ],
  };
}

function voiSection(r: Report, all: Readonly<Record<string, ChartDef>>, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'voi',
    title: t('信息价值', 'Which number is worth measuring'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '如果某个输入的真实值可以查清，达成概率就会变为该值下的条件概率。它随输入取值的变动幅度（均方根）衡量查清这个数字能在多大程度上改变结论：条越长，越值得先做调查或统计；低于噪声下限（红色短线）的变动可视为模拟误差。',
          'If an input’s true value were known, P(goal met) would become the probability given that value. How far that moves across the input’s prior (root-mean-square) says how much finding the number out could change the verdict: the longer the bar, the more a survey or a count is worth; below the noise floor (red tick) the movement is simulation noise.',
        ),
      },
      ...chartBlock(all, 'voi', 'voi-curves'),
      {
        kind: 'details',
        summary: t('数据表', 'Data'),
        blocks: [
          {
            kind: 'table',
            header: [
              t('排序', 'Rank'),
              t('输入', 'Input'),
              t('均方根变动 ± 标准误', 'rms change ± s.e.'),
              t('噪声下限', 'Noise floor'),
            ],
            rows: r.valueOfInformation.map((v, k) => [
              String(k + 1),
              factorName(v.factor, lang),
              `${v.rmsChange.toFixed(3)} ± ${v.rmsSe.toFixed(3)}`,
              v.noiseFloor.toFixed(3),
            ]),
            align: ['r', 'l', 'r', 'r'],
          },
        ],
      },
    ],
  };
}

function discoverySection(r: Report, lang: Lang): Section {
  const t = translator(lang);
  const part = (d: Report['discovery']['failure'], missed: boolean): Block[] => {
    const head = missed
      ? t('目标落空的情形', 'Where the goal is missed')
      : t('目标达成的情形', 'Where the goal is met');
    const blocks: Block[] = [
      { kind: 'heading', text: head },
      {
        kind: 'paragraph',
        text: t(
          `${formatCount(r.settings.runs, lang)}次模拟中有${formatCount(d.cases, lang)}次${missed ? '未达成' : '达成'}（${formatPercent(d.baseRate)}）。`,
          `${formatCount(d.cases, lang)} of ${formatCount(r.settings.runs, lang)} trajectories ${missed ? 'miss' : 'meet'} the goal (${formatPercent(d.baseRate)}).`,
        ),
      },
    ];
    if (d.boxes.length > 0) {
      blocks.push({
        kind: 'list',
        items: d.boxes.map((b) =>
          t(
            `${boxText(b, lang)}：这类模拟占全部的${formatPercent(b.mass)}，其中${formatPercent(b.density)}${missed ? '未达成' : '达成'}，涵盖全部${missed ? '未达成' : '达成'}情形的${formatPercent(b.coverage)}。`,
            `${boxText(b, lang)}: ${formatPercent(b.mass)} of all trajectories, of which ${formatPercent(b.density)} ${missed ? 'miss' : 'meet'} the goal; they hold ${formatPercent(b.coverage)} of all that ${missed ? 'miss' : 'meet'} it.`,
          ),
        ),
      });
    } else {
      blocks.push({
        kind: 'note',
        text: t(
          '没有找到集中度足够高的情形。',
          'No region of the inputs concentrates these trajectories enough.',
        ),
      });
    }
    return blocks;
  };
  return {
    id: 'discovery',
    title: t('失败情景', 'Where the plan fails'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '在全部模拟中寻找输入取值的组合（每个组合最多限定三个输入），使其中的模拟大多未能达成目标（PRIM 算法）。这些组合告诉规划部门：哪些条件同时出现时，目标最可能落空。',
          'A search over the inputs of all trajectories for combinations (at most three inputs restricted each) where most trajectories miss the goal (the PRIM algorithm). They tell the bureau which conditions, together, make the goal most likely to fail.',
        ),
      },
      ...part(r.discovery.failure, true),
      ...part(r.discovery.success, false),
    ],
  };
}

function methodSection(r: Report, lang: Lang): Section {
  const t = translator(lang);
  const e = r.monteCarloError;
  const items = [
    t(
      `达成概率：${formatCount(r.settings.runs, lang)}条轨迹的比例，标准误${e.probabilitySe.toFixed(4)}（二项分布）。`,
      `P(goal met): the share of ${formatCount(r.settings.runs, lang)} trajectories, standard error ${e.probabilitySe.toFixed(4)} (binomial).`,
    ),
    t(
      `单因素影响与措施：每端${formatCount(r.settings.tornadoRuns, lang)}条配对轨迹（共同随机数）；概率变化的最大标准误${e.tornadoMaxDPSe.toFixed(4)}，措施的最大标准误${e.leverMaxDPSe.toFixed(4)}。`,
      `One-way effects and levers: ${formatCount(r.settings.tornadoRuns, lang)} paired trajectories per end (common random numbers); largest standard error of ΔP ${e.tornadoMaxDPSe.toFixed(4)}, of the levers’ ${e.leverMaxDPSe.toFixed(4)}.`,
    ),
    ...(r.sobol !== null
      ? [
          t(
            `方差分解：Saltelli 设计，${formatCount(r.sobol.rows, lang)}行，每行${r.sobol.replicates}条轨迹（共${formatCount(r.sobol.trajectories, lang)}条）；一阶指数用 Saltelli 等（2010）估计量，总效应用 Jansen（1999）估计量；${r.sobol.level * 100}%自助法区间，最宽${(e.sobolWidestInterval ?? 0).toFixed(3)}。`,
            `Variance decomposition: Saltelli design, ${formatCount(r.sobol.rows, lang)} rows, ${r.sobol.replicates} trajectories a row (${formatCount(r.sobol.trajectories, lang)} in all); first order by the Saltelli et al. (2010) estimator, total order by Jansen (1999); ${r.sobol.level * 100}% bootstrap intervals, the widest ${(e.sobolWidestInterval ?? 0).toFixed(3)}.`,
          ),
        ]
      : []),
    t(
      `信息价值：每个输入按先验分为${r.settings.bins}个等概率区间，区间间方差扣除二项噪声（单因素方差分析）；最大自助法标准误${e.voiMaxSe.toFixed(4)}。`,
      `Value of information: ${r.settings.bins} equal-probability bins of each input; the between-bin variance less the bins’ binomial noise (one-way ANOVA); largest bootstrap standard error ${e.voiMaxSe.toFixed(4)}.`,
    ),
    t(
      '失败情景：PRIM（Friedman 和 Fisher 1999），剥离比例0.05，最小占比5%。公式与文献见 docs/cli.md 的 sensitivity 一节。',
      'Scenario discovery: PRIM (Friedman & Fisher 1999), peeling α = 0.05, minimum mass 5%. docs/cli.md (“sensitivity”) has the formulas and references.',
    ),
  ];
  return {
    id: 'method',
    title: t('误差与方法', 'Monte Carlo error and method'),
    blocks: [{ kind: 'list', items }],
  };
}

function reproducibilitySection(r: Report, scenario: ResolvedScenario, lang: Lang): Section {
  const t = translator(lang);
  const command = [
    `ladder sensitivity ${scenario.id}`,
    `--goal ${r.goal.id}`,
    `--runs ${r.settings.runs}`,
    `--seed ${r.seed}`,
    `--tornado-runs ${r.settings.tornadoRuns}`,
    `--sobol-rows ${r.settings.sobolRows}`,
    `--sobol-reps ${r.settings.sobolReplicates}`,
  ].join(' ');
  return {
    id: 'reproducibility',
    title: t('可复现信息', 'Reproducibility'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          [t('软件版本', 'Tool version'), `ladder ${r.version}`],
          [t('情景', 'Scenario'), r.scenario],
          [t('规划', 'Plan'), r.plan],
          [t('目标', 'Goal'), r.goal.id],
          [t('随机种子', 'Seed'), r.seed],
          [t('模拟轨迹总数', 'Trajectories in all'), formatCount(r.trajectories, lang)],
          [t('情景哈希（SHA-256）', 'Scenario hash (SHA-256)'), scenarioHash(scenario)],
        ],
      },
      {
        kind: 'paragraph',
        text: t('重新运行（情景文件时用其路径）：', 'To run it again (a scenario file by its path):'),
      },
      { kind: 'code', text: command },
    ],
  };
}

const SENSITIVITY_GLOSSARY: readonly { readonly term: string; readonly en: string }[] = [
  { term: 'margin', en: 'The goal’s value in its year less what the goal requires: positive when met.' },
  {
    term: 'one-way effect',
    en: 'The change in P(goal met) when one input moves from its prior’s 10th to its 90th percentile, every other input drawn as usual.',
  },
  {
    term: 'Sobol’ index',
    en: 'The share of the margin’s variance due to one input alone (first order, S1) or with its interactions (total, ST).',
  },
  {
    term: 'value of information',
    en: 'How far P(goal met) would move, root-mean-square, once an input is known: what measuring it is worth.',
  },
  {
    term: 'PRIM',
    en: 'Patient rule induction: finds boxes of input values where most trajectories miss (or meet) the goal.',
  },
];

/**
 * The sensitivity report in one language: the verdict and what drives it, the bureau's levers,
 * one-way effects, the variance decomposition, the value of information, where the plan fails,
 * Monte Carlo error and method, reproducibility (and a glossary in English). The charts are
 * those of sensitivityCharts.ts in the report's language. Pure.
 */
export function sensitivityReportDocument(r: Report, scenario: ResolvedScenario, lang: Lang): ReportDocument {
  const t = translator(lang);
  const all = charts(r, lang);
  const sections: Section[] = [
    summarySection(r, scenario, lang),
    leversSection(r, all, lang),
    tornadoSection(r, all, lang),
    ...[sobolSection(r, all, lang)].filter((x): x is Section => x !== null),
    voiSection(r, all, lang),
    discoverySection(r, lang),
    methodSection(r, lang),
    reproducibilitySection(r, scenario, lang),
  ];
  if (lang === 'en') {
    sections.push({
      id: 'glossary',
      title: 'Glossary',
      blocks: [
        {
          kind: 'table',
          header: ['Term', 'Meaning'],
          rows: [...GLOSSARY, ...SENSITIVITY_GLOSSARY].map((g) => [g.term, g.en]),
          align: ['l', 'l'],
          layout: 'notes',
        },
      ],
    });
  }
  return {
    lang,
    kicker: t('敏感性分析报告', 'SENSITIVITY ANALYSIS'),
    title:
      lang === 'zh' ? `${r.goal.label}：结论取决于什么` : `${r.goal.labelEn}: what the verdict depends on`,
    subtitle: [
      t(`${scenario.name.zh} · 目标年份 ${r.goal.year}`, `${scenario.name.en} · goal year ${r.goal.year}`),
      t(
        `情景 ${r.scenario} · ${formatCount(r.settings.runs, lang)}次模拟 · 种子 ${r.seed}`,
        `scenario ${r.scenario} · ${formatCount(r.settings.runs, lang)} trajectories · seed ${r.seed}`,
      ),
    ],
    sections,
  };
}
