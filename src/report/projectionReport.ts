import type { FitRow } from '../schema/posterior.js';
import type { Projection } from '../schema/projection.js';
import type { SeriesRow } from '../schema/result.js';
import { figureMeasureName, fitVerdict, regionName, translator } from './calibrationText.js';
import { figuresHash } from './calibrationReport.js';
import type { Block, Cell, ReportDocument, Section } from './document.js';
import { fanCharts, fitTable, glossarySection, intervalText, regionLabel } from './fitBlocks.js';
import type { Lang } from './lang.js';
import { formatCount } from './numberFormat.js';
import { localizeWarnings } from './warningText.js';

/** What a projection report is built from. */
export interface ProjectionReportInput {
  /** what `ladder project --json` prints */
  readonly projection: Projection;
  /** the fans of the series with figures, on the projection's paths (names as in the observed file) */
  readonly fan: readonly SeriesRow[];
  /** the region's figures with their posterior predictive */
  readonly rows: readonly FitRow[];
  readonly baseYear: number;
  readonly particles: number;
  readonly seed: string;
  readonly breakYear: number | null;
  readonly observedFile: string;
  /** the fit's warnings (English, as the command prints them) */
  readonly warnings: readonly string[];
  readonly to: number;
}

/** The stock tiers, in the order a projection shows them. */
const STOCKS = ['hnte', 'srdi', 'giant', 'tsme', 'listed'];

/** The command line that repeats a projection. */
export function projectCommandLine(p: ProjectionReportInput): string {
  return [
    'ladder project',
    `--region ${p.projection.region}`,
    `--observed ${p.observedFile}`,
    `--until ${p.projection.until}`,
    `--to ${p.to}`,
    ...(p.breakYear !== null ? [`--break ${p.breakYear}`] : []),
    `--particles ${p.particles}`,
    `--seed ${p.seed}`,
  ].join(' ');
}

function summarySection(p: ProjectionReportInput, lang: Lang): Section {
  const t = translator(lang);
  const { projection } = p;
  const name = regionName(projection.region, lang);
  const v = fitVerdict({ region: projection.region, breakYear: p.breakYear, observations: p.rows }, lang);
  const end = (m: string): SeriesRow | undefined =>
    projection.series.find((r) => r.measure === m && r.year === p.to);
  const items = STOCKS.flatMap((m) => {
    const r = end(m);
    if (r === undefined) return [];
    return [
      t(
        `${figureMeasureName(m, lang)}：中位数${formatCount(r.p50, lang)}家，90%区间${formatCount(r.p05, lang)}—${formatCount(r.p95, lang)}家`,
        `${figureMeasureName(m, lang)}: median ${formatCount(r.p50, lang)}, 90% interval ${formatCount(r.p05, lang)}–${formatCount(r.p95, lang)}`,
      ),
    ];
  });
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告用${name}截至${projection.until}年的公布数校准模型（基年${p.baseYear}），再在不附加任何规划措施的情况下，把各梯队的数量逐年预测到${p.to}年。预测延续了每个后验粒子经过已公布数字的模拟路径，因而包含参数不确定性和过程随机性。`,
        `This report calibrates the model to ${name}’s published figures up to ${projection.until} (base year ${p.baseYear}), then projects every tier year by year to ${p.to} with no plan attached. Each posterior particle’s simulated path through the published figures is continued, so the projection carries parameter uncertainty and process noise.`,
      ),
    },
    { kind: 'heading', text: t(`${p.to}年预测`, `Projection for ${p.to}`) },
    { kind: 'list', items },
    {
      kind: 'heading',
      text: t('模型能否复现已公布数据', 'Does the model reproduce the published figures?'),
      badge: { text: v.word, tone: v.tone },
    },
    { kind: 'paragraph', text: v.sentence },
    {
      kind: 'note',
      text: t(
        '预测假定校准期的各项比率在预测期保持不变：若校准期是高速增长期，预测也会延续高速增长。政策变化（如认定办法修订）不在预测之内。',
        'The projection assumes the rates of the fitted years hold in the years projected: a fit on boom years projects boom growth. Policy changes (such as new certification rules) are not in it.',
      ),
    },
  ];
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function chartsSection(p: ProjectionReportInput, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'projection',
    title: t('预测图', 'Projection by series'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          `深色带为50%区间，浅色带为90%区间，粗线为中位数；黑点为公布数（菱形为约数，三角为下限“超”），橙点为${p.projection.until}年之后公布、未参与拟合的数字，可直接对照预测；虚线为最后拟合年份。`,
          `Dark band: 50% interval; light band: 90%; thick line: median. Black dots are published figures (diamonds approximate, triangles lower bounds “over”); orange dots were published after ${p.projection.until} and not fitted, to read against the projection; the dashed line is the last fitted year.`,
        ),
      },
      {
        kind: 'charts',
        columns: 2,
        charts: fanCharts(p.fan, p.rows, lang, {
          prefix: 'projection',
          subtitle: t(
            `拟合至${p.projection.until}年，预测至${p.to}年（${p.particles}个后验粒子）`,
            `fitted to ${p.projection.until}, projected to ${p.to} (${p.particles} posterior particles)`,
          ),
          lastFitted: p.projection.until,
          extra: p.projection.series.filter((r) => STOCKS.includes(r.measure)),
        }),
      },
    ],
  };
}

function seriesTable(p: ProjectionReportInput, measures: readonly string[], lang: Lang): Block {
  const t = translator(lang);
  const years = [...new Set(p.projection.series.map((r) => r.year))].sort((a, b) => a - b);
  return {
    kind: 'table',
    header: [t('年份', 'Year'), ...measures.map((m) => figureMeasureName(m, lang))],
    rows: years.map((y): Cell[] => [
      `${y}${y > p.projection.until ? t('（预测）', ' (proj.)') : ''}`,
      ...measures.map((m) => {
        const r = p.projection.series.find((x) => x.measure === m && x.year === y);
        return r === undefined ? '' : intervalText(r, lang);
      }),
    ]),
    align: ['l', ...measures.map(() => 'r' as const)],
  };
}

function tableSection(p: ProjectionReportInput, lang: Lang): Section {
  const t = translator(lang);
  const measures = [...new Set(p.projection.series.map((r) => r.measure))];
  const stocks = STOCKS.filter((m) => measures.includes(m));
  const flows = measures.filter((m) => !STOCKS.includes(m));
  return {
    id: 'table',
    title: t('预测表', 'The projection in numbers'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '各梯队年末数量：中位数（90%区间）。全部指标与分位数见 series.csv 和 summary.json。',
          'Year-end counts of each tier: median (90% interval). series.csv and summary.json have every measure and quantile.',
        ),
      },
      seriesTable(p, stocks, lang),
      {
        kind: 'details',
        summary: t('当年新增（流量）', 'Yearly flows'),
        blocks: [seriesTable(p, flows, lang)],
      },
      {
        kind: 'details',
        summary: t('公布数与拟合检验', 'Published figures and the fit'),
        blocks: [fitTable(p.rows, lang)],
      },
    ],
  };
}

function methodSection(p: ProjectionReportInput, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'method',
    title: t('方法', 'Method'),
    blocks: [
      t(
        `校准与 ladder calibrate 相同（回火序贯蒙特卡洛、合成似然，见 docs/calibration.md）。每个最终粒子在其拟合时的若干次模拟中，按与公布数的吻合程度抽取一条路径，用相同的随机数流继续模拟到${p.to}年：拟合年份的数值与拟合时一致，之后的年份在此基础上延续。`,
        `The fit is that of ladder calibrate (tempered sequential Monte Carlo with a synthetic likelihood; docs/calibration.md). Each final particle keeps one of its simulations, drawn by how well it matches the published figures, and continues it with the same random streams to ${p.to}: the fitted years come out as in the fit, the later ones continue them.`,
      ),
      t(
        `预测分位数为${p.particles}个粒子路径的经验分位数。净增等派生指标按公布口径由同一批路径计算。`,
        `The quantiles are those of the ${p.particles} particles’ paths. Derived figures such as net increases are computed from the same paths as published.`,
      ),
    ].map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

function reproducibilitySection(p: ProjectionReportInput, lang: Lang): Section {
  const t = translator(lang);
  const blocks: Block[] = [
    {
      kind: 'keyValue',
      rows: [
        [t('地区', 'Region'), regionLabel(p.projection.region, lang)],
        [t('观测数据文件', 'Observed counts'), p.observedFile],
        [t('拟合截至', 'Fitted up to'), String(p.projection.until)],
        [t('预测至', 'Projected to'), String(p.to)],
        [t('政策断点', 'Regime break'), p.breakYear === null ? t('无', 'none') : String(p.breakYear)],
        [t('粒子数', 'Particles'), String(p.particles)],
        [t('随机种子', 'Seed'), p.seed],
        [t('数据哈希（SHA-256）', 'Figures hash (SHA-256)'), figuresHash(p.rows)],
      ],
    },
    { kind: 'paragraph', text: t('重新运行：', 'To run it again:') },
    { kind: 'code', text: projectCommandLine(p) },
  ];
  if (p.warnings.length > 0) {
    blocks.push(
      { kind: 'note', text: t('拟合提示：', 'The fit’s warnings:') },
      { kind: 'list', items: localizeWarnings(p.warnings, lang) },
    );
  }
  return { id: 'reproducibility', title: t('可复现信息', 'Reproducibility'), blocks };
}

/**
 * The projection report in one language: the projected year-end counts, the fit behind them,
 * the fan of every series with the region's figures over it, the tables, method and
 * reproducibility (and a glossary in English). Pure.
 */
export function projectionReportDocument(p: ProjectionReportInput, lang: Lang): ReportDocument {
  const t = translator(lang);
  const name = regionName(p.projection.region, lang);
  const sections: Section[] = [
    summarySection(p, lang),
    chartsSection(p, lang),
    tableSection(p, lang),
    methodSection(p, lang),
    reproducibilitySection(p, lang),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    kicker: t('无规划情景预测', 'PROJECTION WITH NO PLAN'),
    title: t(
      `${name}：按已公布数据预测至${p.to}年`,
      `${name}: projected from the published figures to ${p.to}`,
    ),
    subtitle: [
      t(
        `拟合截至${p.projection.until}年 · 基年 ${p.baseYear}${p.breakYear !== null ? ` · 政策断点 ${p.breakYear}` : ''} · 数据 ${p.observedFile}`,
        `fitted up to ${p.projection.until} · base year ${p.baseYear}${p.breakYear !== null ? ` · regime break ${p.breakYear}` : ''} · data ${p.observedFile}`,
      ),
      t(`${p.particles}个粒子 · 种子 ${p.seed}`, `${p.particles} particles · seed ${p.seed}`),
    ],
    sections,
  };
}
