import type { TopLevelSpec } from 'vega-lite';
import type { Qualifier } from '../../schema/observed.js';
import type { SeriesRow } from '../../schema/result.js';
import type { Lang } from '../lang.js';
import {
  chartConfig,
  COLORS,
  countLabelExpr,
  LEGEND_FONT_SIZE,
  SUBTITLE_FONT_SIZE,
  TITLE_FONT_SIZE,
  TITLE_SLACK,
  yearTicks,
  type ChartConfig,
  type ChartLayer,
} from './theme.js';
import { bandRows, fanBandLayers } from './fanBands.js';
import { legendColumns, wrapTitle } from './wrapTitle.js';

/** A published figure drawn over a fan. */
export interface FitFigure {
  readonly year: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  /** fitted, or held out (published after the last fitted year: predicted, not fitted) */
  readonly heldOut: boolean;
  /** the figure as written next to its point ("约1900", "超700") */
  readonly label: string;
}

/** What a figure is: its symbol. */
type FigureKind = 'exact' | 'approximate' | 'lower';

export interface FitFanInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** the yearly quantiles of one series */
  readonly rows: readonly SeriesRow[];
  readonly figures: readonly FitFigure[];
  /** the last year the fit used (a dashed line), when later years are drawn */
  readonly lastFitted?: { readonly year: number; readonly label: string };
  readonly yTitle: string;
  readonly legend: {
    readonly band90: string;
    readonly band50: string;
    readonly median: string;
    readonly exact: string;
    readonly approximate: string;
    readonly lower: string;
    /** added to a held-out figure's entry ("（留作检验）") */
    readonly heldOut: string;
  };
  readonly width?: number;
  readonly height?: number;
}

const SHAPES: Readonly<Record<FigureKind, string>> = {
  exact: 'circle',
  approximate: 'diamond',
  lower: 'triangle-up',
};
const HELD_OUT_COLOR = '#c25400';

function kindOf(f: FitFigure): FigureKind {
  if (f.qualifier === 'lower_bound') return 'lower';
  if (f.qualifier === 'approximate' || f.qualifier === 'low_reliability') return 'approximate';
  return 'exact';
}

/**
 * The fit of one series: the 5%–95% and 25%–75% bands of the model quantity by year and its
 * median, and the published figures over it, each drawn by what it is — an exact figure as a
 * dot, an approximate one (近, 约) as a diamond, a lower bound (超, 突破) as an upward triangle;
 * fitted figures in black, held-out ones in orange — with its value written above. Bands and figures have a legend
 * each. Pure: data in, vega-lite spec out.
 */
export function fitFanSpec(input: FitFanInput): TopLevelSpec {
  const { legend } = input;
  const width = input.width ?? 360;
  const height = input.height ?? 220;
  const years = [...input.rows.map((r) => r.year), ...input.figures.map((f) => f.year)];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const top = Math.max(...input.rows.map((r) => r.p95), ...input.figures.map((f) => f.value), 1);
  const bottom = Math.min(0, ...input.rows.map((r) => r.p05), ...input.figures.map((f) => f.value));
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    scale: { domain: [first, last], nice: false, padding: 14 },
    axis: { title: null, format: 'd', values: yearTicks(first, last) },
  };
  const bandEntries = [legend.band90, legend.band50, legend.median];
  const bandColor = (label: string) => ({
    datum: label,
    type: 'nominal' as const,
    scale: { domain: bandEntries, range: [COLORS.band90, COLORS.band50, COLORS.median] },
    legend: {
      title: null,
      columns: legendColumns(bandEntries, width, LEGEND_FONT_SIZE),
      orient: 'bottom' as const,
    },
  });
  const layers: ChartLayer[] = fanBandLayers({
    rows: bandRows(input.rows),
    x,
    y: {
      axis: { title: input.yTitle, labelExpr: countLabelExpr(input.lang), tickCount: 6 },
      scale: { domain: [bottom, top * 1.12], nice: true },
    },
    color: bandColor,
    legend,
  });
  if (input.lastFitted !== undefined && input.lastFitted.year < last) {
    const rule = [{ year: input.lastFitted.year, label: input.lastFitted.label }];
    layers.push(
      {
        data: { values: rule },
        mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.axis },
        encoding: { x },
      },
      {
        data: { values: rule },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 2, color: '#7a808a', fontSize: 11 },
        encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  if (input.figures.length > 0) {
    const styles = ([false, true] as const).flatMap((held) =>
      (['exact', 'approximate', 'lower'] as const)
        .filter((k) => input.figures.some((f) => f.heldOut === held && kindOf(f) === k))
        .map((k) => ({ held, kind: k, label: `${legend[k]}${held ? legend.heldOut : ''}` })),
    );
    const entries = styles.map((x) => x.label);
    const figures = input.figures.map((f) => ({
      year: f.year,
      value: f.value,
      label: f.label,
      style: `${legend[kindOf(f)]}${f.heldOut ? legend.heldOut : ''}`,
    }));
    const scale = { domain: entries };
    layers.push(
      {
        data: { values: figures },
        mark: { type: 'point', filled: true, size: 70, opacity: 1, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          shape: {
            field: 'style',
            type: 'nominal',
            scale: { ...scale, range: styles.map((x) => SHAPES[x.kind]) },
            legend: {
              title: null,
              orient: 'bottom',
              columns: legendColumns(entries, width, LEGEND_FONT_SIZE),
            },
          },
          fill: {
            field: 'style',
            type: 'nominal',
            scale: { ...scale, range: styles.map((x) => (x.held ? HELD_OUT_COLOR : COLORS.observed)) },
            legend: {
              title: null,
              orient: 'bottom',
              columns: legendColumns(entries, width, LEGEND_FONT_SIZE),
            },
          },
        },
      },
      {
        data: { values: figures },
        mark: { type: 'text', dy: -12, color: COLORS.observed, fontWeight: 'bold' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
    );
  }
  const config = chartConfig(input.lang);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    // the bands' legend above the figures' legend, both under the chart
    config: {
      ...config,
      // vega's legend layout: vega-lite passes it on, its types do not list it
      legend: {
        ...config.legend,
        layout: { bottom: { direction: 'vertical', anchor: 'start', margin: 6 } },
      } as NonNullable<ChartConfig['legend']>,
    },
    title: {
      text: wrapTitle(input.title, width + TITLE_SLACK, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, width + TITLE_SLACK, SUBTITLE_FONT_SIZE),
    },
    width,
    height,
    layer: layers,
  };
}
