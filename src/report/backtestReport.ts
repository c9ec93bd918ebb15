import type { Backtest, BacktestRow, ForecastScore, ScoreSummary } from '../schema/backtest.js';
import {
  figureMeasureName,
  figureText,
  regionName,
  shortMeasureName,
  translator,
  type Say,
} from './calibrationText.js';
import { backtestSpec, type BacktestForecast } from './charts/backtestChart.js';
import type { Block, Cell, ChartDef, ReportDocument, Section, Tone } from './document.js';
import { chartId, glossarySection, intervalText, regionLabel } from './fitBlocks.js';
import type { Lang } from './lang.js';
import { formatCount } from './numberFormat.js';
import { localizeWarnings } from './warningText.js';

/**
 * P(K ≤ k) for K ~ Binomial(n, p), by summing the probability mass function (n is a handful of
 * figures): Σᵢ₌₀ᵏ C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = 0;
  for (let i = 0; i <= Math.min(k, n); i++) {
    sum += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.min(1, sum);
}

/** How a method's 90% intervals fared: the count inside and whether that is plausible for a 90% interval. */
export interface CoverageVerdict {
  readonly inside: number;
  readonly n: number;
  readonly word: string;
  readonly tone: Tone;
  readonly sentence: string;
}

/**
 * The interval coverage in plain words: k of n figures inside the 90% intervals, judged against
 * what calibrated 90% intervals would give — too narrow when P(K ≤ k) < 5% under Binomial(n, 0.9).
 */
export function coverageVerdict(s: ScoreSummary | null, who: string, lang: Lang): CoverageVerdict {
  const t = translator(lang);
  if (s === null || s.n === 0) {
    return { inside: 0, n: 0, word: t('无可评分数字', 'nothing scored'), tone: 'neutral', sentence: '' };
  }
  const inside = Math.round(s.cover90 * s.n);
  const inside50 = Math.round(s.cover50 * s.n);
  const narrow = binomialCdf(inside, s.n, 0.9) < 0.05;
  return {
    inside,
    n: s.n,
    word: narrow ? t('区间偏窄', 'intervals too narrow') : t('区间可信', 'intervals credible'),
    tone: narrow ? 'bad' : 'good',
    sentence: t(
      `${who}的90%预测区间覆盖了${s.n}个后来公布的数字中的${inside}个，50%区间覆盖了${inside50}个。${
        narrow
          ? `若区间校准良好，应覆盖约${formatCount(Math.round(0.9 * s.n * 10) / 10, lang)}个；只覆盖${inside}个的概率不到5%，说明区间偏窄，实际不确定性大于模型给出的范围。`
          : `与校准良好的90%区间相符（期望约${formatCount(Math.round(0.9 * s.n * 10) / 10, lang)}个）${s.n < 10 ? '；数字较少，这一检验只能发现明显偏窄的区间' : ''}。`
      }`,
      `${who}’s 90% forecast intervals held ${inside} of the ${s.n} figures published later, the 50% intervals ${inside50}. ${
        narrow
          ? `Calibrated intervals would hold about ${formatCount(Math.round(0.9 * s.n * 10) / 10, lang)}; holding ${inside} or fewer has a probability below 5%: the intervals are too narrow, and the real uncertainty is larger than the model says.`
          : `That is in line with calibrated 90% intervals (about ${formatCount(Math.round(0.9 * s.n * 10) / 10, lang)} expected)${s.n < 10 ? '; with this few figures the check can only catch intervals that are clearly too narrow' : ''}.`
      }`,
    ),
  };
}

const score = (x: number): string =>
  Math.abs(x) >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3)));

function inCell(f: ForecastScore, t: Say): Cell {
  if (f.in50) return { text: t('50%内', 'in 50%'), tone: 'good' };
  if (f.in90) return { text: t('90%内', 'in 90%'), tone: 'fair' };
  return { text: t('区间外', 'outside'), tone: 'bad' };
}

/** A forecast figure in the score table: "2020年 高企（提前3年）" / "高企 2020 (3 years ahead)". */
function figureName(r: BacktestRow, lang: Lang): string {
  const name = shortMeasureName(r.measure, lang);
  return lang === 'zh'
    ? `${r.year}年 ${name}（提前${r.lead}年）`
    : `${name} ${r.year} (${r.lead} year${r.lead === 1 ? '' : 's'} ahead)`;
}

function originChart(b: Backtest, o: Backtest['origins'][number], lang: Lang): ChartDef {
  const t = translator(lang);
  const model = t('模型', 'model');
  const trend = t('线性趋势', 'linear trend');
  const forecasts: BacktestForecast[] = o.rows.flatMap((r) => {
    const name = shortMeasureName(r.measure, lang);
    const figure = lang === 'zh' ? `${r.year}年 ${name}` : `${name} ${r.year}`;
    const base = { figure, observed: r.value, observedLabel: figureText(r.value, r.qualifier, lang) };
    return [
      { ...base, method: model, ...quantiles(r.model) },
      ...(r.naive !== null ? [{ ...base, method: trend, ...quantiles(r.naive) }] : []),
    ];
  });
  const methods = o.rows.some((r) => r.naive !== null) ? [model, trend] : [model];
  const missed = o.rows.filter((r) => !r.model.in90).length;
  return {
    id: chartId('backtest', String(o.origin)),
    alt: t(
      `以${o.origin}年为起点的预测与后来公布的数字：${o.rows.length}个数字中模型90%区间未覆盖${missed}个。`,
      `Forecasts from ${o.origin} beside the figures published later: the model’s 90% interval missed ${missed} of ${o.rows.length}.`,
    ),
    spec: backtestSpec({
      lang,
      title: t(`以${o.origin}年为起点的预测`, `Forecasts from ${o.origin}`),
      subtitle: t(
        `${regionName(b.region, lang)}：细线为90%区间，粗线为50%区间，白线为中位数；黑色虚线为后来公布的数字`,
        `${regionName(b.region, lang)}: thin bar 90% interval, thick bar 50%, white tick median; dashed black line the figure published later`,
      ),
      forecasts,
      methods,
      yTitle: t('家', 'firms'),
    }),
  };
}

function quantiles(f: ForecastScore): Pick<ForecastScore, 'p05' | 'p25' | 'p50' | 'p75' | 'p95'> {
  return { p05: f.p05, p25: f.p25, p50: f.p50, p75: f.p75, p95: f.p95 };
}

function originBlocks(b: Backtest, o: Backtest['origins'][number], lang: Lang): Block[] {
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'heading',
      text:
        o.baseYear < o.origin
          ? t(
              `以${o.origin}年为起点（用${o.baseYear}—${o.origin}年的数字拟合）`,
              `From ${o.origin} (fitted to the figures of ${o.baseYear}–${o.origin})`,
            )
          : t(
              `以${o.origin}年为起点（用${o.origin}年的数字拟合）`,
              `From ${o.origin} (fitted to the figures of ${o.origin})`,
            ),
    },
  ];
  if (o.rows.length > 0) {
    blocks.push({ kind: 'charts', charts: [originChart(b, o, lang)] });
    blocks.push({
      kind: 'table',
      header: [
        t('数字', 'Figure'),
        t('公布数', 'Published'),
        t('模型预测（90%区间）', 'Model (90%)'),
        t('命中', 'Inside'),
        'IS90',
        'CRPS',
        t('趋势预测（90%区间）', 'Trend (90%)'),
        t('命中', 'Inside'),
        'IS90',
        'CRPS',
      ],
      rows: o.rows.map((r): Cell[] => [
        figureName(r, lang),
        figureText(r.value, r.qualifier, lang),
        intervalText(r.model, lang),
        inCell(r.model, t),
        score(r.model.is90),
        score(r.model.crps),
        r.naive === null ? '—' : intervalText(r.naive, lang),
        r.naive === null ? '' : inCell(r.naive, t),
        r.naive === null ? '' : score(r.naive.is90),
        r.naive === null ? '' : score(r.naive.crps),
      ]),
      align: ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'l', 'r', 'r'],
    });
    if (o.rows.some((r) => r.naive === null)) {
      blocks.push({
        kind: 'note',
        text: t(
          '趋势一栏为“—”的数字，此前同一指标不足两个公布数，无法外推。',
          'A dash in the trend columns: the series had fewer than two earlier figures, so there is no trend to extend.',
        ),
      });
    }
  }
  if (o.skipped.length > 0) {
    blocks.push({
      kind: 'note',
      text: t(
        `未评分：${o.skipped
          .map(
            (k) =>
              `${k.year}年${figureMeasureName(k.measure, lang)}（${k.reason.startsWith('a lower bound') ? '下限不是确定值，不评分' : '不在模型年份内'}）`,
          )
          .join('；')}。`,
        `Not scored: ${o.skipped.map((k) => `${figureMeasureName(k.measure, lang)} ${k.year} (${k.reason})`).join('; ')}.`,
      ),
    });
  }
  if (o.warnings.length > 0) {
    blocks.push(
      { kind: 'note', text: t('该起点拟合的提示：', 'The fit’s warnings:') },
      { kind: 'list', items: localizeWarnings(o.warnings, lang) },
    );
  }
  return blocks;
}

function summaryTable(b: Backtest, lang: Lang): Block {
  const t = translator(lang);
  const share = (cover: number, n: number): string =>
    `${Math.round(cover * n)}${t('（', ' (')}${(cover * 100).toFixed(0)}%${t('）', ')')}`;
  const row = (label: string, s: ScoreSummary | null): Cell[] =>
    s === null
      ? [label, '0', '', '', '', '', '']
      : [
          label,
          String(s.n),
          share(s.cover50, s.n),
          share(s.cover90, s.n),
          score(s.meanIs50),
          score(s.meanIs90),
          score(s.meanCrps),
        ];
  return {
    kind: 'table',
    header: [
      t('预测', 'Forecasts'),
      t('数字个数', 'Figures'),
      t('在50%区间内', 'Inside 50%'),
      t('在90%区间内', 'Inside 90%'),
      t('平均IS50', 'Mean IS50'),
      t('平均IS90', 'Mean IS90'),
      t('平均CRPS', 'Mean CRPS'),
    ],
    rows: [
      row(t('模型：全部评分数字', 'Model, every scored figure'), b.summary.model),
      row(t('模型：趋势也能预测的数字', 'Model, figures the trend also forecasts'), b.summary.modelOnPaired),
      row(t('线性趋势：同一批数字', 'Linear trend, the same figures'), b.summary.naiveOnPaired),
    ],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  };
}

function summarySection(b: Backtest, lang: Lang): Section {
  const t = translator(lang);
  const name = regionName(b.region, lang);
  const v = coverageVerdict(b.summary.model, t('模型', 'The model'), lang);
  const origins = b.origins.map((o) => o.origin);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `回测回答“如果当时用这个模型，预测得准不准”：以某一年为起点，只用该年及以前公布的数字校准模型，再预测之后公布的数字，并与简单的线性趋势外推比较。本报告以${origins.join('、')}年为起点，对${name}共${b.summary.model?.n ?? 0}个后来公布的数字评分。`,
        `A backtest asks how well the model would have forecast: from an origin year, it is calibrated on the figures published up to then only, forecasts the later figures, and is set beside a naive linear trend. This report starts from ${origins.join(', ')} and scores ${b.summary.model?.n ?? 0} later figures of ${name}.`,
      ),
    },
    {
      kind: 'heading',
      text: t('预测区间的覆盖率', 'Interval coverage'),
      badge: { text: v.word, tone: v.tone },
    },
    ...(v.sentence !== '' ? [{ kind: 'paragraph' as const, text: v.sentence }] : []),
  ];
  const m = b.summary.modelOnPaired;
  const n = b.summary.naiveOnPaired;
  if (m !== null && n !== null && n.n > 0) {
    const better = m.meanCrps < n.meanCrps;
    blocks.push({
      kind: 'heading',
      text: t('与线性趋势相比', 'Against a linear trend'),
      badge: better
        ? { text: t('模型更准', 'model better'), tone: 'good' }
        : { text: t('趋势更准', 'trend better'), tone: 'fair' },
    });
    blocks.push({
      kind: 'paragraph',
      text: t(
        `在两种方法都能预测的${n.n}个数字上，模型的平均CRPS为${score(m.meanCrps)}家，线性趋势为${score(n.meanCrps)}家（越小越好）；90%区间分别覆盖${Math.round(m.cover90 * m.n)}个和${Math.round(n.cover90 * n.n)}个。${better ? '模型的预测分布更接近后来公布的数字。' : '简单外推的预测更接近后来公布的数字：模型在这段时期没有显示出优势。'}`,
        `On the ${n.n === 1 ? 'figure' : `${n.n} figures`} both methods forecast, the model’s mean CRPS is ${score(m.meanCrps)} firms against the trend’s ${score(n.meanCrps)} (lower is better); their 90% intervals held ${Math.round(m.cover90 * m.n)} and ${Math.round(n.cover90 * n.n)}. ${better ? 'The model’s forecast distribution came closer to the figures published later.' : 'The naive extrapolation came closer: the model showed no advantage over this period.'}`,
      ),
    });
  } else {
    blocks.push({
      kind: 'note',
      text: t(
        '线性趋势需要同一指标此前至少两个数字，这里没有可与模型并列比较的数字。',
        'A linear trend needs at least two earlier figures of the same series: no figure here has forecasts from both.',
      ),
    });
  }
  blocks.push(summaryTable(b, lang));
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function originsSection(b: Backtest, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'origins',
    title: t('逐个起点的预测与评分', 'Forecasts and scores by origin'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '每个小图为一个后来公布的数字：蓝色为模型、橙色为线性趋势的预测，细线为90%区间，粗线为50%区间；黑色虚线为实际公布数。虚线穿过细线即落在90%区间之内。表中IS90为90%区间的区间评分，CRPS为连续分级概率评分，单位均为家，越小越好。',
          'Each small chart is one figure published later: blue the model’s forecast, orange the linear trend’s; thin bar the 90% interval, thick bar 50%; the dashed black line the published figure. A line through a thin bar is a figure inside the 90% interval. IS90 is the interval score of the 90% interval, CRPS the continuous ranked probability score, both in firms, lower is better.',
        ),
      },
      ...b.origins.flatMap((o) => originBlocks(b, o, lang)),
    ],
  };
}

function methodSection(lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'method',
    title: t('方法', 'Method'),
    blocks: [
      t(
        '对每个起点，模型只用起点及以前的数字校准（与 ladder calibrate 相同），每个后验粒子经过已公布数字的模拟路径延续到后来数字的年份，得到预测分布。下限（“超”）不是确定值，不评分。有足够数字时起点逐年滚动。',
        'From each origin the model is calibrated on the figures up to it only (as ladder calibrate does); each posterior particle’s path through the figures is continued to the years of the later figures, which gives the forecast distribution. Lower bounds (“over”) are not values and are not scored. Origins roll forward while figures remain.',
      ),
      t(
        '区间评分 IS = 区间宽度 + (2/α) × 公布数落在区间外的距离（α = 0.5 和 0.1），CRPS = E|X − y| − ½E|X − X′|（Gneiting 和 Raftery 2007）。线性趋势为同一指标此前数字的最小二乘直线外推，标准差取 max(½·|斜率|·提前年数, 预测值的5%, 1) 的正态分布。',
        'Interval score IS = interval width + (2/α) × the distance by which the figure falls outside (α = 0.5 and 0.1); CRPS = E|X − y| − ½E|X − X′| (Gneiting & Raftery 2007). The linear trend is the least-squares line through the series’ earlier figures, extended, with a normal band of sd max(½·|slope|·years ahead, 5% of the forecast, 1).',
      ),
      t(
        '90%区间的覆盖检验：若区间校准良好，n个数字中落在区间内的个数服从二项分布 B(n, 0.9)；覆盖数的累积概率低于5%即判为偏窄。详见 docs/calibration.md。',
        'The coverage check: with calibrated intervals, the count of n figures inside the 90% intervals is Binomial(n, 0.9); a count whose cumulative probability is below 5% marks the intervals too narrow. docs/calibration.md has the details.',
      ),
    ].map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

function reproducibilitySection(b: Backtest, lang: Lang): Section {
  const t = translator(lang);
  const first = b.origins[0]?.origin;
  const command = [
    'ladder backtest',
    `--region ${b.region}`,
    `--observed ${b.observedFile}`,
    ...(first !== undefined ? [`--origin ${first}`] : []),
    ...(b.breakYear !== null ? [`--break ${b.breakYear}`] : []),
    `--particles ${b.particles}`,
    `--seed ${b.seed}`,
  ].join(' ');
  return {
    id: 'reproducibility',
    title: t('可复现信息', 'Reproducibility'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          [t('地区', 'Region'), regionLabel(b.region, lang)],
          [t('观测数据文件', 'Observed counts'), b.observedFile],
          [t('起点', 'Origins'), b.origins.map((o) => String(o.origin)).join(', ')],
          [t('政策断点', 'Regime break'), b.breakYear === null ? t('无', 'none') : String(b.breakYear)],
          [t('粒子数', 'Particles'), String(b.particles)],
          [t('随机种子', 'Seed'), b.seed],
        ],
      },
      { kind: 'paragraph', text: t('重新运行：', 'To run it again:') },
      { kind: 'code', text: command },
    ],
  };
}

/**
 * The backtest report in one language: interval coverage in plain words, the model against the
 * naive linear trend, every origin's forecasts beside the figures that came (chart and scores),
 * method and reproducibility (and a glossary in English). Pure.
 */
export function backtestReportDocument(b: Backtest, lang: Lang): ReportDocument {
  const t = translator(lang);
  const name = regionName(b.region, lang);
  const sections: Section[] = [
    summarySection(b, lang),
    originsSection(b, lang),
    methodSection(lang),
    reproducibilitySection(b, lang),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    kicker: t('预测回测报告', 'FORECAST BACKTEST'),
    title: t(`${name}：模型当时能否预测后来的数字`, `${name}: how well the model would have forecast`),
    subtitle: [
      t(
        `起点 ${b.origins.map((o) => o.origin).join('、')}${b.breakYear !== null ? ` · 政策断点 ${b.breakYear}` : ''} · 数据 ${b.observedFile}`,
        `origins ${b.origins.map((o) => o.origin).join(', ')}${b.breakYear !== null ? ` · regime break ${b.breakYear}` : ''} · data ${b.observedFile}`,
      ),
      t(`${b.particles}个粒子 · 种子 ${b.seed}`, `${b.particles} particles · seed ${b.seed}`),
    ],
    sections,
  };
}
