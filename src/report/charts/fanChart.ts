import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../schema/result.js';
import type { Lang } from '../lang.js';
import {
  chartConfig,
  COLORS,
  LEGEND_FONT_SIZE,
  countLabelExpr,
  yearTicks,
  type ChartLayer,
  SUBTITLE_FONT_SIZE,
  TITLE_FONT_SIZE,
  TITLE_SLACK,
} from './theme.js';
import { bandRows, fanBandLayers } from './fanBands.js';
import { legendColumns, wrapTitle } from './wrapTitle.js';

const DEFAULT_HEIGHT = 260;

/** A goal drawn on a fan chart: the count that meets it in its year. */
export interface FanGoal {
  readonly year: number;
  /** the count that meets the goal; for a goal relative to the base count, at the median base */
  readonly requirement: number;
  /** 5%–95% range of the requirement when it depends on the (uncertain) base count */
  readonly range?: readonly [number, number];
  /** short label drawn next to the marker ("目标 ≥700") */
  readonly label: string;
}

/** A published count drawn as a point. */
export interface FanObserved {
  readonly year: number;
  readonly value: number;
  /** the value as written next to the point ("约1900") */
  readonly label: string;
}

export interface FanChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** the yearly quantiles of one measure, base year first */
  readonly rows: readonly SeriesRow[];
  readonly goals: readonly FanGoal[];
  readonly observed: readonly FanObserved[];
  readonly yTitle: string;
  /** the plan's period, shaded, with its label ("规划期 2023–2025") */
  readonly period?: { readonly from: number; readonly to: number; readonly label: string };
  /** legend entries: 90% band, 50% band, median, goal, published counts */
  readonly legend: {
    readonly band90: string;
    readonly band50: string;
    readonly median: string;
    readonly goal: string;
    readonly observed: string;
  };
  readonly width?: number;
  readonly height?: number;
}

/**
 * A fan chart of one measure by year: the 5%–95% and 25%–75% bands of the simulated counts, the
 * median line, each goal as a marker at its year (with a dashed line from the base year at the
 * level it requires, and the requirement's range when it depends on the base count), and the
 * published counts as labelled points. Pure: data in, vega-lite spec out.
 */
export function fanChartSpec(input: FanChartInput): TopLevelSpec {
  const { legend } = input;
  const baseYear = input.rows[0]?.year ?? 0;
  const lastYear = input.rows[input.rows.length - 1]?.year ?? baseYear;
  const firstYear = Math.min(baseYear, ...input.observed.map((o) => o.year));
  const entries = [legend.band90, legend.band50, legend.median];
  const range: string[] = [COLORS.band90, COLORS.band50, COLORS.median];
  if (input.goals.length > 0) {
    entries.push(legend.goal);
    range.push(COLORS.goal);
  }
  if (input.observed.length > 0) {
    entries.push(legend.observed);
    range.push(COLORS.observed);
  }
  const width = input.width ?? 560;
  const color = (label: string) => ({
    datum: label,
    type: 'nominal' as const,
    scale: { domain: entries, range },
    legend: { title: null, columns: legendColumns(entries, width, LEGEND_FONT_SIZE) },
  });
  // head room above the highest band, goal or published count, for the labels drawn above them
  const top = Math.max(
    ...input.rows.map((r) => r.p95),
    ...input.goals.map((g) => g.range?.[1] ?? g.requirement),
    ...input.observed.map((o) => o.value),
    1,
  );
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    scale: { domain: [firstYear, lastYear], nice: false, padding: 12 },
    axis: { title: null, format: 'd', values: yearTicks(firstYear, lastYear) },
  };
  const yAxis = { title: input.yTitle, labelExpr: countLabelExpr(input.lang), tickCount: 6 };
  const goals = input.goals.map((g, i) => ({
    year: g.year,
    from: baseYear,
    requirement: g.requirement,
    lo: g.range?.[0] ?? g.requirement,
    hi: g.range?.[1] ?? g.requirement,
    label: g.label,
    dy: -10 - 15 * i,
  }));
  const layers: ChartLayer[] = [];
  if (input.period !== undefined && input.period.from <= lastYear) {
    const shade = [
      {
        from: Math.max(firstYear, input.period.from - 0.5),
        to: Math.min(lastYear, input.period.to + 0.5),
        label: input.period.label,
      },
    ];
    layers.push(
      {
        data: { values: shade },
        mark: { type: 'rect', color: COLORS.period },
        encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' } },
      },
      {
        data: { values: shade },
        // at the foot of the shading: the top is where goals sit
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          dx: 4,
          dy: -4,
          color: '#7a808a',
          fontSize: 11,
        },
        encoding: {
          x: { ...x, field: 'from' },
          y: { value: input.height ?? DEFAULT_HEIGHT },
          text: { field: 'label', type: 'nominal' },
        },
      },
    );
  }
  layers.push(
    ...fanBandLayers({
      rows: bandRows(input.rows),
      x,
      y: { axis: yAxis, scale: { domain: [0, top * 1.1], nice: true } },
      color,
      legend,
      medianPoints: true,
    }),
  );
  if (goals.length > 0) {
    layers.push(
      {
        data: { values: goals },
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: {
          x: { ...x, field: 'from' },
          x2: { field: 'year' },
          y: { field: 'requirement', type: 'quantitative' },
          color: color(legend.goal),
        },
      },
      {
        data: { values: goals },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative' },
          y2: { field: 'hi' },
          color: color(legend.goal),
        },
      },
      {
        data: { values: goals },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 110, opacity: 1 },
        encoding: { x, y: { field: 'requirement', type: 'quantitative' }, color: color(legend.goal) },
      },
      // one text layer per goal, each lifted a line higher, so labels at one year do not overlap
      ...goals.map((g): ChartLayer => ({
        data: { values: [g] },
        mark: { type: 'text', align: 'right', dx: -9, dy: g.dy, fontWeight: 'bold', color: COLORS.goal },
        encoding: {
          x,
          y: { field: 'requirement', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      })),
    );
  }
  if (input.observed.length > 0) {
    const observed = input.observed.map((o) => ({ year: o.year, value: o.value, label: o.label }));
    layers.push(
      {
        data: { values: observed },
        mark: { type: 'point', shape: 'circle', filled: true, size: 55, opacity: 1 },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, color: color(legend.observed) },
      },
      {
        data: { values: observed },
        mark: { type: 'text', dy: -11, color: COLORS.observed },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(input.lang),
    title: {
      text: wrapTitle(input.title, width + TITLE_SLACK, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, width + TITLE_SLACK, SUBTITLE_FONT_SIZE),
    },
    width,
    height: input.height ?? DEFAULT_HEIGHT,
    layer: layers,
  };
}
