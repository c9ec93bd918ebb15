import type { ObsKind, Qualifier } from '../schema/observed.js';
import { leverTypesOf } from '../analysis/factors.js';
import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import { factorLabel } from './factorLabels.js';
import type { CalibrationSummary, CoordinateSummary, FitRow } from '../schema/posterior.js';
import type { Cell, Tone } from './document.js';
import type { Lang, Localized } from './lang.js';
import { formatCount } from './numberFormat.js';
import { measureName, paramName } from './terms.js';

/** Picks the text of the report's language. */
export type Say = (zh: string, en: string) => string;

export function translator(lang: Lang): Say {
  return (zh, en) => (lang === 'zh' ? zh : en);
}

/** Regions of the shipped observed counts, by id; any other region goes by its id. */
const REGION_NAMES: Readonly<Record<string, Localized>> = {
  zhanjiang: { zh: '湛江市', en: 'Zhanjiang' },
  jieyang: { zh: '揭阳市', en: 'Jieyang' },
  jiangmen: { zh: '江门市', en: 'Jiangmen' },
  yueyang: { zh: '岳阳市', en: 'Yueyang' },
  hunan: { zh: '湖南省', en: 'Hunan' },
  guangdong: { zh: '广东省', en: 'Guangdong' },
  china: { zh: '全国', en: 'China' },
  hunan_hightech_zones: { zh: '湖南省高新区', en: 'Hunan high-tech zones' },
};

export function regionName(region: string, lang: Lang): string {
  return REGION_NAMES[region]?.[lang] ?? region;
}

/** A figure's measure for the reader: the tier's or flow's name, and what a net increase is. */
export function figureMeasureName(measure: string, lang: Lang): string {
  const net = /^([a-z]+)_net$/.exec(measure);
  if (net?.[1] !== undefined) {
    const tier = measureName(net[1], lang);
    return lang === 'zh' ? `${tier}比上年净增` : `${tier}: net increase on the year before`;
  }
  const cum = /^([a-z]+)_new_cumulative$/.exec(measure);
  if (cum?.[1] !== undefined) {
    const flow = measureName(`${cum[1]}_new`, lang);
    return lang === 'zh' ? `${flow}（多年累计）` : `${flow}, summed over years`;
  }
  const other: Readonly<Record<string, Localized>> = {
    srdi_listed: { zh: '省级专精特新上榜总数', en: 'Provincial 专精特新 list (new + passed reviews)' },
    srdi_review_pass_pct: { zh: '专精特新复核通过率（%）', en: '专精特新 review pass rate (%)' },
    zone_count: { zh: '高新区数量', en: 'High-tech zones' },
  };
  if (other[measure] !== undefined) return other[measure][lang];
  if (measure.endsWith('_target')) return lang === 'zh' ? '规划目标' : 'A plan’s goal';
  return measureName(measure, lang);
}

/** Short names of the measures for chart labels, in the plans' own terms. */
const SHORT_NAMES: Readonly<Record<string, Localized>> = {
  tsme: { zh: '科技型中小企业', en: 'tech SMEs' },
  hnte: { zh: '高企', en: '高企' },
  srdi: { zh: '专精特新', en: '专精特新' },
  giant: { zh: '小巨人', en: '小巨人' },
  listed: { zh: '上市企业', en: 'listed firms' },
  tsme_new: { zh: '新入库科技型中小企业', en: 'new tech SMEs' },
  hnte_new: { zh: '新认定高企', en: 'new 高企' },
  srdi_new: { zh: '新认定专精特新', en: 'new 专精特新' },
  giant_new: { zh: '新认定小巨人', en: 'new 小巨人' },
  listed_new: { zh: '新上市企业', en: 'new listings' },
};

/** A measure's short name for a chart label ("高企净增", "new 高企"); the full name when it has none. */
export function shortMeasureName(measure: string, lang: Lang): string {
  const net = /^([a-z]+)_net$/.exec(measure);
  const tier = net?.[1] !== undefined ? SHORT_NAMES[net[1]]?.[lang] : undefined;
  if (tier !== undefined) return lang === 'zh' ? `${tier}净增` : `${tier} net increase`;
  const cum = /^([a-z]+)_new_cumulative$/.exec(measure);
  const flow = cum?.[1] !== undefined ? SHORT_NAMES[`${cum[1]}_new`]?.[lang] : undefined;
  if (flow !== undefined) return lang === 'zh' ? `${flow}（累计）` : `${flow} (total)`;
  return SHORT_NAMES[measure]?.[lang] ?? figureMeasureName(measure, lang);
}

export function kindText(kind: ObsKind, lang: Lang): string {
  const t = translator(lang);
  switch (kind) {
    case 'stock':
      return t('年末存量', 'year-end stock');
    case 'new':
      return t('当年新增', 'new in the year');
    case 'net_increase':
      return t('比上年净增', 'net increase');
    case 'target':
      return t('目标', 'goal');
  }
}

export function qualifierText(q: Qualifier, lang: Lang): string {
  const t = translator(lang);
  switch (q) {
    case 'exact':
      return t('确数', 'exact');
    case 'approximate':
      return t('约数', 'approximate');
    case 'lower_bound':
      return t('下限', 'lower bound');
    case 'low_reliability':
      return t('可靠性低', 'low reliability');
  }
}

/** A published figure as written: "约1900", "超700" / "≈1,900", "> 700". */
export function figureText(value: number, qualifier: Qualifier, lang: Lang): string {
  const v = formatCount(value, lang);
  if (qualifier === 'approximate') return lang === 'zh' ? `约${v}` : `≈${v}`;
  if (qualifier === 'lower_bound') return lang === 'zh' ? `超${v}` : `>${v}`;
  return v;
}

/** Why a row is not fitted or held out, in the report's language (the fit's reasons are English). */
export function reasonText(r: Pick<FitRow, 'status' | 'reason' | 'kind' | 'measure'>, lang: Lang): string {
  const t = translator(lang);
  if (r.status === 'fitted') return '';
  const after = /^after (\d{4})$/.exec(r.reason);
  if (r.status === 'held-out' && after !== null) {
    return t(`${after[1]}年之后：留作检验，未参与拟合`, `after ${after[1]}: held out, not fitted`);
  }
  if (lang === 'en') return r.reason;
  if (r.kind === 'target' || r.measure.endsWith('_target')) return '规划目标，不是统计数';
  const same = /^the same figure as line (\d+)$/.exec(r.reason);
  if (same !== null) return `与第${same[1]}行为同一数字`;
  if (r.measure === 'srdi_listed') return '上榜总数含新认定与复核通过两部分，模型只给出新认定数';
  if (r.measure === 'srdi_review_pass_pct') return '通过率不是企业数（用于设定复核通过率的先验）';
  if (r.measure === 'zone_count') return '高新区个数，不是企业梯队';
  return '模型中没有对应的量';
}

/** How a fitted or held-out figure fares against its posterior predictive interval. */
export function checkCell(r: FitRow, lang: Lang): Cell {
  const t = translator(lang);
  if (r.outside90 === null) return r.status === 'not-fitted' ? t('未拟合', 'not fitted') : '—';
  if (r.outside90) return { text: t('偏离', 'misfit'), tone: 'bad' };
  return { text: t('吻合', 'fits'), tone: 'good' };
}

/** A coordinate of the fit for the reader: a parameter's name, a base count, ρ, the break. */
export function coordinateName(name: string, lang: Lang): string {
  if ((PARAM_NAMES as readonly string[]).includes(name)) {
    return paramName(name as ParamName, lang) === name
      ? factorLabel(name)[lang]
      : paramName(name as ParamName, lang);
  }
  const t = translator(lang);
  const names: Readonly<Record<string, [string, string]>> = {
    'base.hnte': ['基年高企数量', 'Base-year 高企 count'],
    'base.tsmePerHnte': ['基年科技型中小企业与高企之比', 'Base-year tech SMEs per 高企'],
    'base.srdiPerHnte': ['基年专精特新与高企之比', 'Base-year 专精特新 per 高企'],
    'base.giantPerHnte': ['基年“小巨人”与高企之比', 'Base-year 小巨人 per 高企'],
    'base.listedPerHnte': ['基年上市企业与高企之比', 'Base-year listed firms per 高企'],
    'observation.recertInNew': [
      '公布的“新认定”中含重新认定的比例 ρ',
      'Share ρ of re-certifications in published “new 高企”',
    ],
    'break.applicationShift': ['断点后首次申报的倍数', 'Multiplier of first applications after the break'],
  };
  const n = names[name];
  return n !== undefined ? t(n[0], n[1]) : name;
}

/** A coordinate's value for the reader: counts as counts, rates with four significant digits. */
export function coordinateValue(c: Pick<CoordinateSummary, 'name'>, x: number, lang: Lang): string {
  if (c.name === 'base.hnte') return formatCount(Math.round(x), lang);
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 100 ? formatCount(Math.round(x), lang) : String(Number(x.toPrecision(a < 0.01 ? 2 : 3)));
}

/** The verdict of a fit: how many fitted figures fall inside their 90% predictive interval. */
export interface FitVerdict {
  readonly fitted: number;
  readonly inside: number;
  readonly word: string;
  readonly tone: Tone;
  readonly sentence: string;
}

/**
 * "Does the model reproduce the published figures?" in plain words: all fitted figures inside
 * their 90% posterior predictive interval — yes; all but one (of four or more) — mostly; else no.
 */
export function fitVerdict(
  s: {
    readonly region: string;
    readonly breakYear: number | null;
    readonly observations: readonly FitRow[];
  },
  lang: Lang,
): FitVerdict {
  const t = translator(lang);
  const fitted = s.observations.filter((r) => r.status === 'fitted' && r.outside90 !== null);
  const misfits = fitted.filter((r) => r.outside90 === true);
  const inside = fitted.length - misfits.length;
  const name = regionName(s.region, lang);
  const list = misfits
    .map((r) =>
      t(
        `${r.year}年${figureMeasureName(r.measure, lang)}（公布${figureText(r.value, r.qualifier, lang)}，模型90%区间${formatCount(r.p05 ?? 0, lang)}—${formatCount(r.p95 ?? 0, lang)}）`,
        `${figureMeasureName(r.measure, lang)} ${r.year} (published ${figureText(r.value, r.qualifier, lang)}, model 90% interval ${formatCount(r.p05 ?? 0, lang)}–${formatCount(r.p95 ?? 0, lang)})`,
      ),
    )
    .join(t('；', '; '));
  if (misfits.length === 0) {
    return {
      fitted: fitted.length,
      inside,
      word: t('能复现', 'reproduces them'),
      tone: 'good',
      sentence: t(
        `模型能够复现${name}已公布的数据：参与拟合的${fitted.length}个数字全部落在后验预测的90%区间之内。`,
        `The model reproduces ${name}’s published figures: all ${fitted.length} fitted figures fall inside their 90% posterior predictive interval.`,
      ),
    };
  }
  const mostly = misfits.length === 1 && fitted.length >= 4;
  const hint =
    s.breakYear === null
      ? t(
          '若这些数字前后增速明显不同（如2016年认定办法修订前后），可设置政策断点（--break 年份）后重新校准。',
          'If the figures grow at clearly different rates before and after a year (such as the 2016 rule change), a regime break (--break YEAR) may help.',
        )
      : '';
  return {
    fitted: fitted.length,
    inside,
    word: mostly ? t('大体能复现', 'mostly') : t('不能完全复现', 'does not reproduce them all'),
    tone: mostly ? 'fair' : 'bad',
    sentence: t(
      `模型${mostly ? '大体能' : '不能完全'}复现${name}已公布的数据：参与拟合的${fitted.length}个数字中有${inside}个落在后验预测的90%区间之内，${misfits.length}个落在区间之外：${list}。这说明在模型的结构与先验范围内，这些数字难以同时吻合。${hint}`,
      `The model ${mostly ? 'mostly reproduces' : 'does not reproduce all of'} ${name}’s published figures: ${inside} of ${fitted.length} fitted figures fall inside their 90% posterior predictive interval, ${misfits.length} outside: ${list}. Within the model’s structure and prior ranges these figures cannot all be met together. ${hint}`,
    ).trim(),
  };
}

/**
 * The fit's warnings in the report's language, from the summary's data (the same conditions
 * calibrationSummary.ts words in English): posterior medians beyond their prior, a sampler that
 * stopped early, a thin sample. Misfits are the verdict's.
 */
export function calibrationNotes(s: CalibrationSummary, lang: Lang): string[] {
  const t = translator(lang);
  const out: string[] = [];
  for (const c of s.coordinates) {
    const name = coordinateName(c.name, lang);
    if (c.p50 > c.priorP95) {
      out.push(
        t(
          `${name}：后验中位数${coordinateValue(c, c.p50, lang)}高于先验的95%分位数${coordinateValue(c, c.priorP95, lang)}，数据要求的取值超出先验允许的范围。`,
          `${name}: the posterior median ${coordinateValue(c, c.p50, lang)} is above the prior’s 95th percentile ${coordinateValue(c, c.priorP95, lang)}: the data want more than the prior allows.`,
        ),
      );
    } else if (c.p50 < c.priorP05) {
      out.push(
        t(
          `${name}：后验中位数${coordinateValue(c, c.p50, lang)}低于先验的5%分位数${coordinateValue(c, c.priorP05, lang)}，数据要求的取值低于先验允许的范围。`,
          `${name}: the posterior median ${coordinateValue(c, c.p50, lang)} is below the prior’s 5th percentile ${coordinateValue(c, c.priorP05, lang)}: the data want less than the prior allows.`,
        ),
      );
    }
  }
  const last = s.diagnostics.stages.at(-1);
  if (last === undefined || last.temperature < 1) {
    out.push(
      t(
        `抽样在温度${last?.temperature ?? 0}处停止，未到达后验（温度1）：所得样本不是后验分布。`,
        `The sampler stopped at temperature ${last?.temperature ?? 0}, before the posterior (1): the sample is not the posterior.`,
      ),
    );
  }
  if (s.diagnostics.unique < s.diagnostics.particles / 5) {
    out.push(
      t(
        `${s.diagnostics.particles}个粒子中只有${s.diagnostics.unique}个互不相同：后验样本偏少，建议增加粒子数（--particles）。`,
        `Only ${s.diagnostics.unique} distinct particles of ${s.diagnostics.particles}: the posterior sample is thin; use more particles (--particles).`,
      ),
    );
  }
  return out;
}

/** Coordinates the figures inform: shrinkage at least this is read as information, below as Monte Carlo error. */
export const SHRINKAGE_SHOWN = 0.25;

/**
 * Coordinates a region's model never reads, so no figure can inform them: the lever responses (a
 * region has no plan and no levers) and the sector tilt of new registrations (a region's model
 * has one sector). They are calibrated all the same; their shrinkage is Monte Carlo error alone.
 */
export function unreadByRegion(name: string): boolean {
  return name === 'sectorEntryTilt' || leverTypesOf(name).length > 0;
}

/**
 * The shrinkage a coordinate needs to count as informed by the figures: {@link SHRINKAGE_SHOWN},
 * or more when a coordinate no figure can inform ({@link unreadByRegion}) shrank more — the
 * sampler's own Monte Carlo error, large with few particles.
 */
export function shrinkageFloor(coords: readonly CoordinateSummary[]): number {
  const noise = coords.filter((c) => unreadByRegion(c.name)).map((c) => c.shrinkage);
  return Math.max(SHRINKAGE_SHOWN, ...noise.map((x) => Math.ceil(x * 100) / 100));
}
