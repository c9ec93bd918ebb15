import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';
import { chartConfig, COLORS, countLabelExpr, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE } from './theme.js';
import { wrapTitle } from './wrapTitle.js';

/** One forecast of one figure. */
export interface BacktestForecast {
  /** the figure ("2020年 高企"), one panel each */
  readonly figure: string;
  /** the method's legend entry */
  readonly method: string;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  /** the figure that came */
  readonly observed: number;
  /** the figure as written ("301") */
  readonly observedLabel: string;
}

export interface BacktestChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly forecasts: readonly BacktestForecast[];
  /** every method, in legend order (the model first) */
  readonly methods: readonly string[];
  readonly yTitle: string;
}

const METHOD_COLORS = [COLORS.median, '#c98a2b'];
/** Width of one figure's panel, the space between panels, and the narrowest chart. */
const PANEL = 96;
const SPACING = 36;
const MIN_WIDTH = 4 * (PANEL + SPACING) + 60;

/**
 * Forecasts from one origin beside the figures that came: one small panel per figure, each on
 * its own scale (a 高企 stock of hundreds beside a flow of tens); in each, every method's 90%
 * interval (thin), 50% interval (thick) and median (white tick) side by side, and the figure
 * as a dashed black line with its value. A line that misses a thin bar is a figure the method's
 * 90% interval missed. Pure.
 */
export function backtestSpec(input: BacktestChartInput): TopLevelSpec {
  const values = input.forecasts.map((f) => ({ ...f }));
  const figures = [...new Set(values.map((v) => v.figure))];
  const x = {
    field: 'method',
    type: 'nominal' as const,
    title: null,
    sort: input.methods,
    axis: null,
    scale: { domain: input.methods, paddingInner: 0.5, paddingOuter: 0.4 },
  };
  const color = {
    field: 'method',
    type: 'nominal' as const,
    scale: { domain: input.methods, range: METHOD_COLORS.slice(0, input.methods.length) },
    legend: { title: null, orient: 'bottom' as const, symbolType: 'stroke', symbolStrokeWidth: 6 },
  };
  const yAxis = { title: input.yTitle, labelExpr: countLabelExpr(input.lang), tickCount: 5 };
  // a report shows a chart as wide as its column: an origin with one or two figures would be
  // blown up to it, so the chart is padded on the right to the width of four panels
  const used = 60 + figures.length * (PANEL + SPACING);
  const config = chartConfig(input.lang);
  const padding = { left: 8, top: 8, bottom: 8, right: Math.max(16, MIN_WIDTH - used) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { ...config, padding, facet: { spacing: SPACING }, header: { labelFontSize: 12 } },
    title: {
      text: wrapTitle(input.title, Math.max(used, MIN_WIDTH), TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, Math.max(used, MIN_WIDTH), SUBTITLE_FONT_SIZE),
    },
    data: { values },
    facet: {
      column: {
        field: 'figure',
        type: 'nominal',
        sort: figures,
        title: null,
        header: { labelOrient: 'bottom', labelLimit: PANEL + SPACING },
      },
    },
    spec: {
      width: PANEL,
      height: 200,
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x,
            color,
            y: { field: 'p05', type: 'quantitative', axis: yAxis, scale: { zero: false } },
            y2: { field: 'p95' },
          },
        },
        {
          mark: { type: 'rule', strokeWidth: 9 },
          encoding: { x, color, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
        },
        {
          mark: { type: 'tick', color: 'white', thickness: 2, size: 9 },
          encoding: { x, y: { field: 'p50', type: 'quantitative' } },
        },
        {
          transform: [{ filter: `datum.method === ${JSON.stringify(input.methods[0] ?? '')}` }],
          mark: { type: 'rule', color: COLORS.observed, strokeDash: [3, 3], strokeWidth: 1 },
          encoding: { y: { field: 'observed', type: 'quantitative' } },
        },
        {
          transform: [{ filter: `datum.method === ${JSON.stringify(input.methods[0] ?? '')}` }],
          mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, x: PANEL, fontWeight: 'bold' },
          encoding: {
            y: { field: 'observed', type: 'quantitative' },
            text: { field: 'observedLabel', type: 'nominal' },
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec;
}
