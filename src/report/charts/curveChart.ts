import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';
import { valueLabelExpr, type ValueKind } from './intervalChart.js';
import {
  chartConfig,
  COLORS,
  LEGEND_FONT_SIZE,
  type ChartLayer,
  SUBTITLE_FONT_SIZE,
  TITLE_FONT_SIZE,
  TITLE_SLACK,
} from './theme.js';
import { legendColumns, wrapTitle } from './wrapTitle.js';

/** A point of a curve: its value and the band (or error bar) around it. */
export interface CurvePoint {
  readonly x: number;
  readonly y: number;
  readonly low: number;
  readonly high: number;
}

export interface CurveChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** in any order; drawn in the order of x */
  readonly points: readonly CurvePoint[];
  readonly xKind: ValueKind;
  readonly yKind: ValueKind;
  readonly xTitle: string;
  readonly yTitle: string;
  /** 'band': a shaded band through the points (a sweep); 'bars': an error bar at each point */
  readonly uncertainty: 'band' | 'bars' | 'none';
  /** legend entries of the line and of its band or bars (none: no legend) */
  readonly legend?: { readonly line: string; readonly band: string };
  /** the y axis' domain (default: from the data, from 0) */
  readonly yDomain?: readonly [number, number];
  /** horizontal red rules (a probability to reach, a goal's requirement) */
  readonly hRules?: readonly { readonly value: number; readonly label: string }[];
  /** vertical rules (the scenario's value grey, a found value red) */
  readonly vRules?: readonly {
    readonly value: number;
    readonly label: string;
    readonly tone: 'found' | 'current';
  }[];
  /** a shaded range of x (the values within 2 SE of the threshold) */
  readonly xRange?: { readonly from: number; readonly to: number };
  /** a dashed y = x line (spend against a budget that is the lever itself) */
  readonly diagonal?: string;
  readonly width?: number;
  readonly height?: number;
}

/** vega's symlog transform with constant c: sign(x)·log1p(|x|/c). */
const symlog = (v: number, c: number): number => Math.sign(v) * Math.log1p(Math.abs(v) / c);

/** Where `v` falls between `lo` and `hi` on a symlog scale of constant `c`, 0 to 1. */
function symlogFraction(v: number, lo: number, hi: number, c: number): number {
  const a = symlog(lo, c);
  const b = symlog(hi, c);
  return b > a ? (symlog(v, c) - a) / (b - a) : 0;
}

/**
 * The symlog constant of an axis: half the smallest positive value, so that 0 sits a short step
 * left of it and the scale is logarithmic from there on.
 */
function symlogConstant(xs: readonly number[]): number {
  return Math.min(...xs.filter((v) => v > 0)) / 2;
}

/**
 * Tick values for a symlog x axis when the values span more than a factor 50 (a goal-seek over
 * 0 to 50亿元 tries 1000万 and 5亿): 0 if in range, then 1 (and 2, 5 when few decades) × 10^k.
 * Undefined when a linear axis reads better (negative values, a narrow span).
 */
function symlogTicks(lo: number, hi: number, xs: readonly number[]): number[] | undefined {
  const positive = xs.filter((v) => v > 0);
  const smallest = Math.min(...positive);
  if (lo < 0 || positive.length < 2 || !(hi / smallest > 50)) return undefined;
  const first = Math.floor(Math.log10(smallest));
  const last = Math.floor(Math.log10(hi));
  const steps = last - first <= 2 ? [1, 2, 5] : last - first <= 4 ? [1, 3] : [1];
  const out: number[] = lo === 0 ? [0] : [];
  for (let k = first; k <= last; k++) {
    for (const m of steps) {
      const v = m * 10 ** k;
      if (v >= smallest * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

/**
 * A curve of a quantity against a lever value: line and points, with a ±2 SE (or 90%) band or
 * error bars, red horizontal rules for what must be reached, vertical rules for the scenario's
 * own value and a value found, an optional shaded range of x and a y = x line. For sweeps and
 * goal-seeks. Pure: data in, vega-lite spec out.
 */
export function curveChartSpec(input: CurveChartInput): TopLevelSpec {
  const width = input.width ?? 360;
  const height = input.height ?? 220;
  const points = [...input.points].sort((a, b) => a.x - b.x);
  const xs = points.map((p) => p.x);
  const xMin = Math.min(...xs, ...(input.vRules ?? []).map((r) => r.value));
  const xMax = Math.max(...xs, ...(input.vRules ?? []).map((r) => r.value));
  const ticks = symlogTicks(xMin, xMax, xs);
  const constant = symlogConstant(xs);
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    scale: {
      ...(ticks !== undefined ? { type: 'symlog' as const, constant } : {}),
      domain: xMax > xMin ? [xMin, xMax] : [xMin - 1, xMax + 1],
      nice: false,
      zero: false,
      padding: 12,
    },
    axis: {
      title: input.xTitle,
      labelExpr: valueLabelExpr(input.xKind, input.lang),
      ...(ticks !== undefined ? { values: ticks } : { tickCount: 6 }),
      labelOverlap: true,
    },
  };
  const yTop = Math.max(
    ...points.map((p) => p.high),
    ...(input.hRules ?? []).map((r) => r.value),
    ...(input.diagonal !== undefined ? [xMax] : []),
  );
  const yDomain = input.yDomain ?? [0, yTop > 0 ? yTop * 1.08 : 1];
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain: [...yDomain], nice: input.yDomain === undefined },
    axis: { title: input.yTitle, labelExpr: valueLabelExpr(input.yKind, input.lang), tickCount: 5 },
  };
  const legend = input.legend ?? { line: '', band: '' };
  const entries = input.uncertainty === 'none' ? [legend.line] : [legend.line, legend.band];
  const color = (label: string) => ({
    datum: label,
    type: 'nominal' as const,
    scale: { domain: entries, range: [COLORS.median, COLORS.band50] },
    legend:
      input.legend === undefined
        ? null
        : { title: null, columns: legendColumns(entries, width, LEGEND_FONT_SIZE) },
  });
  const layers: ChartLayer[] = [];
  if (input.xRange !== undefined) {
    layers.push({
      data: { values: [{ from: input.xRange.from, to: input.xRange.to }] },
      mark: { type: 'rect', color: COLORS.goalBand, opacity: 0.55 },
      encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' } },
    });
  }
  const data = { values: points.map((p) => ({ x: p.x, y: p.y, low: p.low, high: p.high })) };
  if (input.uncertainty === 'band') {
    layers.push({
      data,
      mark: { type: 'area', opacity: 0.75 },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: color(legend.band) },
    });
  } else if (input.uncertainty === 'bars') {
    layers.push({
      data,
      mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: color(legend.band) },
    });
  }
  if (input.diagonal !== undefined) {
    // through every x, so that it stays y = x on a symlog axis too
    const d = [...new Set([Math.max(xMin, 0), ...xs.filter((v) => v >= 0), xMax])]
      .sort((a, b) => a - b)
      .map((v) => ({ x: v, y: v, label: input.diagonal }));
    layers.push(
      {
        data: { values: d },
        mark: { type: 'line', color: COLORS.goal, strokeDash: [5, 3], strokeWidth: 1.5, clip: true },
        encoding: { x, y },
      },
      {
        data: { values: d.slice(-1) },
        mark: { type: 'text', color: COLORS.goal, align: 'right', dx: -4, dy: -8, fontWeight: 'bold' },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  layers.push({
    data,
    mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 40 } },
    encoding: { x, y, color: color(legend.line) },
  });
  const last = points[points.length - 1];
  const span = yDomain[1] - yDomain[0];
  for (const [i, r] of (input.hRules ?? []).entries()) {
    const d = { values: [{ y: r.value, label: r.label }] };
    // at the right end, below the rule when the curve ends just above it
    const below = last !== undefined && last.y > r.value && last.y - r.value < 0.15 * span;
    layers.push(
      {
        data: d,
        mark: { type: 'rule', color: COLORS.goal, strokeWidth: 1.5, strokeDash: [5, 3] },
        encoding: { y },
      },
      {
        data: d,
        mark: {
          type: 'text',
          color: COLORS.goal,
          align: 'right',
          baseline: below ? 'top' : 'bottom',
          dx: -2,
          dy: below ? 4 + 14 * i : -4 - 14 * i,
          fontWeight: 'bold',
        },
        encoding: { x: { value: width }, y, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  for (const [i, r] of (input.vRules ?? []).entries()) {
    const colour = r.tone === 'found' ? COLORS.goal : '#5f6670';
    const d = { values: [{ x: r.value, label: r.label }] };
    // labelled above the plot (clear of the data), on its left when near the right edge
    const at =
      ticks !== undefined
        ? symlogFraction(r.value, xMin, xMax, constant)
        : (r.value - xMin) / (xMax - xMin || 1);
    const right = at > 0.6;
    layers.push(
      {
        data: d,
        mark: {
          type: 'rule',
          color: colour,
          strokeWidth: 1.5,
          strokeDash: r.tone === 'found' ? [1, 0] : [2, 3],
        },
        encoding: { x },
      },
      {
        data: d,
        mark: {
          type: 'text',
          color: colour,
          align: right ? 'right' : 'left',
          baseline: 'bottom',
          dx: right ? 3 : -3,
          dy: -4 - 14 * i,
          fontWeight: r.tone === 'found' ? 'bold' : 'normal',
        },
        encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
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
    height,
    layer: layers,
  };
}
