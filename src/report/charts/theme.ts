import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';

/**
 * Fonts that show Chinese on the machines a bureau uses (Noto/Source Han on Linux, PingFang on
 * macOS, Microsoft YaHei on Windows), then generic sans-serif. No quotes: the list goes into SVG
 * attributes, where unquoted family names with spaces are valid.
 */
const CJK_FONTS =
  'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, Hiragino Sans GB, WenQuanYi Micro Hei';

/**
 * The chart font stack by language: Chinese charts take a CJK font first (full-width Chinese
 * punctuation); English charts a Latin font first (CJK fonts set ’ and “ ” full-width), with the
 * CJK fonts behind it for the Chinese terms.
 */
export function chartFont(lang: Lang): string {
  return lang === 'zh'
    ? `${CJK_FONTS}, Noto Sans, Arial, sans-serif`
    : `Segoe UI, Helvetica Neue, Arial, Noto Sans, DejaVu Sans, ${CJK_FONTS}, sans-serif`;
}

/** The palette: sober blues for the projection, red for goals, near-black for published counts. */
export const COLORS = {
  band90: '#cfe0f1',
  band50: '#8fb8de',
  median: '#1f4e8c',
  goal: '#b3261e',
  goalBand: '#f2c5c2',
  observed: '#1b1b1b',
  met: '#3f7f4f',
  missed: '#b9bec7',
  neutral: '#6b8fbf',
  period: '#f3f4f6',
  text: '#2b2b2b',
  grid: '#e6e8eb',
  axis: '#8a9099',
} as const;

/** One layer of a layered vega-lite chart. */
export type ChartLayer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** vega-lite's config object. */
export type ChartConfig = NonNullable<TopLevelSpec['config']>;

export const TITLE_FONT_SIZE = 15;
export const SUBTITLE_FONT_SIZE = 12;
export const LEGEND_FONT_SIZE = 12;
/** How far past the plot's width a title may run (over the y axis, which sits left of the plot). */
export const TITLE_SLACK = 30;

/** The shared vega-lite config: fonts, sizes, colours, quiet axes. */
export function chartConfig(lang: Lang): ChartConfig {
  return {
    font: chartFont(lang),
    background: 'white',
    padding: { left: 8, right: 16, top: 8, bottom: 8 },
    view: { stroke: null },
    title: {
      fontSize: TITLE_FONT_SIZE,
      fontWeight: 'bold',
      color: COLORS.text,
      anchor: 'start',
      subtitleFontSize: SUBTITLE_FONT_SIZE,
      subtitleColor: '#5f6670',
      subtitlePadding: 4,
      offset: 12,
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      titleColor: '#5f6670',
      labelColor: COLORS.text,
      domainColor: COLORS.axis,
      tickColor: COLORS.axis,
      gridColor: COLORS.grid,
    },
    axisX: { grid: false, labelAngle: 0 },
    legend: {
      labelFontSize: LEGEND_FONT_SIZE,
      titleFontSize: 12,
      orient: 'bottom',
      direction: 'horizontal',
      symbolType: 'square',
      columnPadding: 16,
      labelLimit: 320,
    },
    text: { fontSize: 12, color: COLORS.text },
  };
}

/**
 * A vega expression that labels a count axis: Chinese uses 万 and 亿 above 10,000 (1.5万),
 * English groups digits (15,000).
 */
export function countLabelExpr(lang: Lang): string {
  return lang === 'zh'
    ? "datum.value >= 1e8 ? format(datum.value / 1e8, '.4~r') + '亿' : datum.value >= 1e4 ? format(datum.value / 1e4, '.4~r') + '万' : format(datum.value, 'd')"
    : "format(datum.value, ',~r')";
}

/** Every integer year from `from` to `to`, thinned to at most 12 ticks. */
export function yearTicks(from: number, to: number): number[] {
  const step = Math.max(1, Math.ceil((to - from + 1) / 12));
  const out: number[] = [];
  for (let y = from; y <= to; y += step) out.push(y);
  return out;
}
