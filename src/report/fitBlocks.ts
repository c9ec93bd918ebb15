import type { CalibrationSummary, FitRow } from '../schema/posterior.js';
import type { SeriesRow } from '../schema/result.js';
import {
  checkCell,
  coordinateName,
  coordinateValue,
  figureMeasureName,
  figureText,
  kindText,
  qualifierText,
  reasonText,
  regionName,
  shortMeasureName,
  shrinkageFloor,
  translator,
  unreadByRegion,
} from './calibrationText.js';
import { fitFanSpec, type FitFigure } from './charts/fitFanChart.js';
import { predictiveCheckSpec } from './charts/predictiveCheckChart.js';
import { shrinkageSpec } from './charts/shrinkageChart.js';
import type { Block, Cell, ChartDef, Section } from './document.js';
import type { Lang } from './lang.js';
import { formatCount } from './numberFormat.js';
import { GLOSSARY } from './terms.js';

/** Lower-case letters, digits and dashes: a chart id from any text. */
export function chartId(...parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A number of the fit table: a count as a whole count (model counts of published "new 高企" are
 * fractional, from the re-certification share ρ), a small value with three digits.
 */
function value(x: number | null, lang: Lang): string {
  if (x === null) return '';
  return Number.isInteger(x) || Math.abs(x) >= 10
    ? formatCount(Math.round(x), lang)
    : String(Number(x.toPrecision(3)));
}

/** A row's predictive interval: "311（242—412）" / "311 (242–412)". */
export function intervalText(
  q: { readonly p05: number | null; readonly p50: number | null; readonly p95: number | null },
  lang: Lang,
): string {
  if (q.p50 === null || q.p05 === null || q.p95 === null) return '';
  return lang === 'zh'
    ? `${value(q.p50, lang)}（${value(q.p05, lang)}—${value(q.p95, lang)}）`
    : `${value(q.p50, lang)} (${value(q.p05, lang)}–${value(q.p95, lang)})`;
}

/** The figures of one series, as the fan chart draws them. */
function seriesFigures(rows: readonly FitRow[], measure: string, lang: Lang): FitFigure[] {
  return rows
    .filter((r) => r.measure === measure && r.status !== 'not-fitted' && /^\d{4}$/.test(r.year))
    .map((r) => ({
      year: Number(r.year),
      value: r.value,
      qualifier: r.qualifier,
      heldOut: r.status === 'held-out',
      label: figureText(r.value, r.qualifier, lang),
    }));
}

export interface FanChartsOptions {
  /** prefix of the chart ids ("fit", "projection") */
  readonly prefix: string;
  /** what the fan is, for the subtitle */
  readonly subtitle: string;
  /** the last fitted year, drawn as a dashed line when later years follow */
  readonly lastFitted?: number;
  /** also draw these series with no figure of their own (a projection's other tiers) */
  readonly extra?: readonly SeriesRow[];
  readonly width?: number;
}

/**
 * One fan chart per series of `fan` (a fit's or a projection's), each with the region's figures
 * of that series over it, then any `extra` series without figures.
 */
export function fanCharts(
  fan: readonly SeriesRow[],
  rows: readonly FitRow[],
  lang: Lang,
  opts: FanChartsOptions,
): ChartDef[] {
  const t = translator(lang);
  const measures = [...new Set(fan.map((r) => r.measure))];
  const extra = [...new Set((opts.extra ?? []).map((r) => r.measure))].filter((m) => !measures.includes(m));
  const chart = (measure: string, series: readonly SeriesRow[], figures: readonly FitFigure[]): ChartDef => {
    const name = figureMeasureName(measure, lang);
    const own = series.filter((r) => r.measure === measure).sort((a, b) => a.year - b.year);
    const last = own[own.length - 1];
    const shown = figures.length;
    return {
      id: chartId(opts.prefix, measure),
      alt: t(
        `${name}：模型逐年的中位数与50%、90%区间${shown > 0 ? `，以及${shown}个公布数` : ''}${last !== undefined ? `；${last.year}年中位数${formatCount(Math.round(last.p50), lang)}` : ''}。`,
        `${name}: the model’s median with 50% and 90% bands by year${shown > 0 ? `, and ${shown} published figure${shown === 1 ? '' : 's'}` : ''}${last !== undefined ? `; median ${formatCount(Math.round(last.p50), lang)} in ${last.year}` : ''}.`,
      ),
      spec: fitFanSpec({
        lang,
        title: name,
        subtitle: opts.subtitle,
        rows: own,
        figures,
        ...(opts.lastFitted !== undefined
          ? {
              lastFitted: {
                year: opts.lastFitted,
                label: t(`拟合至${opts.lastFitted}年`, `fitted to ${opts.lastFitted}`),
              },
            }
          : {}),
        yTitle: t('家', 'firms'),
        ...(opts.width !== undefined ? { width: opts.width } : {}),
        legend: {
          band90: t('90%区间', '90% band'),
          band50: t('50%区间', '50% band'),
          median: t('中位数', 'median'),
          exact: t('公布数', 'published figure'),
          approximate: t('约数', 'approximate figure'),
          lower: t('下限“超”', 'lower bound “over”'),
          heldOut: t('（留作检验，未拟合）', ', held out (not fitted)'),
        },
      }),
    };
  };
  return [
    ...measures.map((m) => chart(m, fan, seriesFigures(rows, m, lang))),
    ...extra.map((m) => chart(m, opts.extra ?? [], [])),
  ];
}

/** P(model ≤ figure) of a predicted row (for a lower bound, 1 − P(model ≥ bound)). */
function position(r: FitRow): number {
  const p = r.predictive ?? 0.5;
  return r.qualifier === 'lower_bound' ? 1 - p : p;
}

/** The label of a figure on the check chart: year, measure, figure and the model's interval. */
function checkLabel(r: FitRow, lang: Lang): string {
  const t = translator(lang);
  const name = shortMeasureName(r.measure, lang);
  const fig = figureText(r.value, r.qualifier, lang);
  const range = `${value(r.p05, lang)}${t('—', '–')}${value(r.p95, lang)}`;
  const held = r.status === 'held-out' ? t('（检验）', ' (held out)') : '';
  return t(
    `${r.year}年${name}${held}：公布${fig}，模型${range}`,
    `${name} ${r.year}${held}: ${fig}, model ${range}`,
  );
}

/** The posterior predictive check of every predicted figure on one chart (none: undefined). */
export function checkChart(s: CalibrationSummary, lang: Lang, id = 'fit-check'): ChartDef | undefined {
  const t = translator(lang);
  const rows = s.observations.filter((r) => r.predictive !== null && r.outside90 !== null);
  if (rows.length === 0) return undefined;
  const misfits = rows.filter((r) => r.outside90 === true).length;
  return {
    id,
    alt: t(
      `每个公布数在模型后验预测分布中的位置：${rows.length}个中${rows.length - misfits}个落在90%区间（阴影）之内。`,
      `Where each published figure falls in the model’s posterior predictive distribution: ${rows.length - misfits} of ${rows.length} inside the 90% interval (shaded).`,
    ),
    spec: predictiveCheckSpec({
      lang,
      title: t('模型能否复现已公布数据', 'Does the model reproduce the published figures?'),
      subtitle: t(
        '每个点为一个公布数在模型预测分布中的位置：50%处即模型中位数；阴影为90%区间，落在阴影之外即为偏离',
        'Each dot is where a published figure falls in the model’s predictive distribution: 50% is the model’s median; the shading is the 90% interval, and a dot outside it is a misfit',
      ),
      rows: rows.map((r) => ({
        label: checkLabel(r, lang),
        position: position(r),
        qualifier: r.qualifier,
        misfit: r.outside90 === true,
      })),
      xTitle: t('模型模拟值不超过公布数的概率', 'P(model ≤ published figure)'),
      ends: {
        low: t('← 公布数偏低', '← figure below the model'),
        high: t('公布数偏高 →', 'figure above the model →'),
      },
      legend: {
        fits: t('吻合', 'fits'),
        misfit: t('偏离', 'misfit'),
        band: t('90%区间', '90% interval'),
      },
    }),
  };
}

/** The fit table: every row of the region's figures with what the fit made of it. */
export function fitTable(rows: readonly FitRow[], lang: Lang): Block {
  const t = translator(lang);
  return {
    kind: 'table',
    header: [
      t('行', 'Line'),
      t('指标', 'Measure'),
      t('年份', 'Year'),
      t('类型', 'Kind'),
      t('公布数', 'Published'),
      t('模型中位数（90%区间）', 'Model median (90% interval)'),
      t('P(模型≤公布数)', 'P(model ≤ figure)'),
      t('检验', 'Check'),
      t('说明', 'Note'),
    ],
    rows: rows.map((r): Cell[] => [
      String(r.line),
      figureMeasureName(r.measure, lang),
      r.year,
      `${kindText(r.kind, lang)}${r.qualifier !== 'exact' ? ` · ${qualifierText(r.qualifier, lang)}` : ''}`,
      figureText(r.value, r.qualifier, lang),
      intervalText(r, lang),
      r.predictive === null
        ? ''
        : (r.qualifier === 'lower_bound' ? 1 - r.predictive : r.predictive).toFixed(2),
      checkCell(r, lang),
      reasonText(r, lang),
    ]),
    align: ['r', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'l'],
    layout: 'notes',
  };
}

/** The sampler's diagnostics as key–value rows. */
export function diagnosticsRows(s: CalibrationSummary, lang: Lang): [string, string][] {
  const t = translator(lang);
  const d = s.diagnostics;
  return [
    [t('粒子数', 'Particles'), String(d.particles)],
    [t('每次似然估计的模拟次数', 'Simulations per likelihood estimate'), String(d.simsPerParticle)],
    [t('模拟轨迹总数', 'Trajectories simulated'), formatCount(d.simulations, lang)],
    [t('回火阶段数', 'Tempering stages'), String(d.stages.length)],
    [t('有效样本量（ESS）', 'Effective sample size (ESS)'), `${Math.round(d.ess)} / ${d.particles}`],
    [t('互不相同的粒子', 'Distinct particles'), `${d.unique} / ${d.particles}`],
    [t('对数边际似然 ln p(数据)', 'Log evidence ln p(data)'), d.logEvidence.toFixed(2)],
  ];
}

/** The shrinkage chart of every coordinate, most informed first. */
export function shrinkageChart(s: CalibrationSummary, lang: Lang, id = 'shrinkage'): ChartDef {
  const t = translator(lang);
  const floor = shrinkageFloor(s.coordinates);
  const coords = s.coordinates
    .filter((c) => !unreadByRegion(c.name))
    .sort((a, b) => b.shrinkage - a.shrinkage || (a.name < b.name ? -1 : 1));
  const informed = coords.filter((c) => c.shrinkage >= floor).length;
  return {
    id,
    alt: t(
      `地区模型用到的${coords.length}个校准坐标的先验与后验：${informed}个的收缩度达到${floor.toFixed(2)}以上。`,
      `Prior and posterior of the ${coords.length} coordinates a region’s model uses: ${informed} with shrinkage ${floor.toFixed(2)} or more.`,
    ),
    spec: shrinkageSpec({
      lang,
      title: t('数据让哪些参数更确定', 'What the figures pin down'),
      subtitle: t(
        `灰条为先验90%区间（5%—95%分位数），蓝条为后验90%区间，黑点为后验中位数；右侧数字为收缩度 1−后验方差/先验方差（低于${floor.toFixed(2)}可视为蒙特卡洛误差）`,
        `Grey: the prior’s 90% range (5th–95th percentile); blue: the posterior’s 90% interval; dot: posterior median. Right: shrinkage 1 − var(posterior)/var(prior) (below ${floor.toFixed(2)}: within Monte Carlo error of none)`,
      ),
      rows: coords.map((c) => ({ label: coordinateName(c.name, lang), coordinate: c })),
      informed: floor,
      xTitle: t('在先验区间中的位置', 'position within the prior’s range'),
      legend: {
        prior: t('先验90%区间', 'prior 90% range'),
        informed: t(
          `后验90%（收缩度≥${floor.toFixed(2)}）`,
          `posterior 90% (shrinkage ≥ ${floor.toFixed(2)})`,
        ),
        little: t('后验90%（信息很少）', 'posterior 90% (little information)'),
      },
    }),
  };
}

/** The table of coordinates the figures inform (and the base 高企 count and the break, always). */
export function coordinatesTable(s: CalibrationSummary, lang: Lang, all = false): Block {
  const t = translator(lang);
  const floor = shrinkageFloor(s.coordinates);
  const shown = s.coordinates.filter(
    (c) =>
      all ||
      (!unreadByRegion(c.name) && (c.shrinkage >= floor || c.group === 'break' || c.name === 'base.hnte')),
  );
  const range = (c: (typeof shown)[number], lo: number, hi: number): string =>
    `${coordinateValue(c, lo, lang)}${t('—', '–')}${coordinateValue(c, hi, lang)}`;
  return {
    kind: 'table',
    header: [
      t('坐标', 'Coordinate'),
      t('先验90%区间', 'Prior 90%'),
      t('后验中位数', 'Posterior median'),
      t('后验90%区间', 'Posterior 90%'),
      t('收缩度', 'Shrinkage'),
    ],
    rows: shown.map((c) => [
      coordinateName(c.name, lang),
      range(c, c.priorP05, c.priorP95),
      coordinateValue(c, c.p50, lang),
      range(c, c.p05, c.p95),
      c.shrinkage.toFixed(2),
    ]),
    align: ['l', 'r', 'r', 'r', 'r'],
  };
}

/** What the kinds and qualifiers of the region's figures mean for the fit, for those present. */
export function observationMeaning(rows: readonly FitRow[], lang: Lang): string[] {
  const t = translator(lang);
  const used = rows.filter((r) => r.status !== 'not-fitted');
  const has = (f: (r: FitRow) => boolean): boolean => used.some(f);
  const items: string[] = [];
  if (has((r) => r.kind === 'stock')) {
    items.push(
      t(
        '年末存量（如高企总数）：与模型中该年年底持有有效证书或称号的企业数比较。',
        'Year-end stock (such as the 高企 total): compared with the model’s firms holding a valid certificate or title at the end of that year.',
      ),
    );
  }
  if (has((r) => r.kind === 'new' && !r.year.includes('-'))) {
    items.push(
      t(
        '当年新增（流量，如当年新认定高企）：与模型中该年的新增数比较。公布的“新认定高企”名单可能包含期满重新认定的企业，模型用一个待估比例 ρ 把当年重新认定数的一部分计入。',
        'New in the year (a flow, such as first certifications): compared with the model’s flow in that year. A published list of “new 高企” may include re-certified firms; the model adds a share ρ (estimated) of the year’s re-certifications.',
      ),
    );
  }
  if (has((r) => r.kind === 'new' && r.year.includes('-'))) {
    items.push(
      t(
        '多年累计新增：与模型中这些年新增数之和比较。',
        'New over several years: compared with the model’s flow summed over those years.',
      ),
    );
  }
  if (has((r) => r.kind === 'net_increase')) {
    items.push(
      t(
        '比上年净增：与模型中该年年底存量减去上年年底存量比较（新增减去退出、到期未续等）。',
        'Net increase: compared with the model’s year-end stock less the stock a year earlier (new firms less those leaving, lapsing, …).',
      ),
    );
  }
  items.push(
    t(
      '公布数与模型数之间允许报告误差：确数约5%，约数（“近”“约”）约11%，可靠性低的数字只按半个观测计。',
      'Published figures may differ from the model’s by reporting noise: about 5% for an exact figure, about 11% for an approximate one (“nearly”, “about”); a low-reliability figure counts as half an observation.',
    ),
  );
  if (has((r) => r.qualifier === 'lower_bound')) {
    items.push(
      t(
        '下限（“超”“突破”）按删失观测处理：只要求模型值不低于该数，高出多少不受惩罚。',
        'A lower bound (“over”, “passed”) is a censored observation: the model only has to reach it; how far above does not count against it.',
      ),
    );
  }
  if (has((r) => r.status === 'held-out')) {
    items.push(
      t(
        '留作检验的数字（截止年份之后公布）不参与拟合，只用来检验预测。',
        'Held-out figures (published after the cut-off year) are not fitted; they only test the forecast.',
      ),
    );
  }
  const skipped = rows.filter((r) => r.status === 'not-fitted');
  if (skipped.length > 0) {
    items.push(
      t(
        `另有${skipped.length}行数据未参与拟合，原因见下表“说明”一栏（规划目标、模型中无对应量的数字或重复的数字）。`,
        `${skipped.length} more row${skipped.length === 1 ? ' is' : 's are'} not fitted; the table’s Note column says why (a goal, a figure the model has no counterpart for, or a repeat).`,
      ),
    );
  }
  return items;
}

/** A region by name and id: "湛江市（zhanjiang）" / "Zhanjiang (zhanjiang)"; the id alone when it has no name. */
export function regionLabel(region: string, lang: Lang): string {
  const name = regionName(region, lang);
  if (name === region) return region;
  return lang === 'zh' ? `${name}（${region}）` : `${name} (${region})`;
}

/** The brief of a posterior: where it came from and how the fit went, as key–value rows. */
export function posteriorBrief(s: CalibrationSummary, lang: Lang): [string, string][] {
  const t = translator(lang);
  return [
    [t('校准地区', 'Region fitted'), regionLabel(s.region, lang)],
    [t('观测数据文件', 'Observed counts'), s.observedFile],
    [
      t('拟合年份', 'Years fitted'),
      `${s.baseYear}${t('—', '–')}${s.lastYear}${s.until !== null ? t(`（截至${s.until}年）`, ` (up to ${s.until})`) : ''}`,
    ],
    [t('政策断点', 'Regime break'), s.breakYear === null ? t('无', 'none') : String(s.breakYear)],
    [t('随机种子', 'Seed'), s.seed],
    [t('生成版本', 'Written by'), `ladder ${s.version}`],
  ];
}

/** Terms of calibration reports in the English glossary, after the plans' terms. */
const CALIBRATION_GLOSSARY: readonly { readonly term: string; readonly en: string }[] = [
  {
    term: 'posterior',
    en: 'The parameter values (and the region’s unobserved base-year counts) that are consistent with the published figures, as weighted samples: the prior narrowed by the data.',
  },
  {
    term: 'posterior predictive interval',
    en: 'The range the model, run with parameters from the posterior, gives a figure (with reporting noise): a published figure outside its 90% interval is one the fitted model does not reproduce.',
  },
  {
    term: 'shrinkage',
    en: '1 − posterior variance / prior variance of a coordinate: 0 when the figures say nothing about it, 1 when they pin it down.',
  },
  {
    term: 'ESS',
    en: 'Effective sample size: how many independent samples the weighted particles are worth.',
  },
  {
    term: 'interval score',
    en: 'Width of a forecast interval plus a penalty (2/α per unit) for the distance by which the figure falls outside it; lower is better.',
  },
  {
    term: 'CRPS',
    en: 'Continuous ranked probability score: how far the forecast distribution is from the figure that came, in firms; lower is better.',
  },
];

/** The English glossary section of a calibration-family report. */
export function glossarySection(): Section {
  return {
    id: 'glossary',
    title: 'Glossary',
    blocks: [
      {
        kind: 'table',
        header: ['Term', 'Meaning'],
        rows: [...GLOSSARY, ...CALIBRATION_GLOSSARY].map((g) => [g.term, g.en]),
        align: ['l', 'l'],
        layout: 'notes',
      },
    ],
  };
}
