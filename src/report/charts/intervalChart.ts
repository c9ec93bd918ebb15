import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';
import {
  chartConfig,
  COLORS,
  countLabelExpr,
  type ChartLayer,
  LEGEND_FONT_SIZE,
  SUBTITLE_FONT_SIZE,
  TITLE_FONT_SIZE,
} from './theme.js';
import { textEm, wrapTitle } from './wrapTitle.js';

/** How the value axis of a chart is labelled. */
export type ValueKind = 'probability' | 'points' | 'count' | 'yuan' | 'share' | 'plain';

/** Colours of the scenarios (or other groups) of a chart, the reference first. */
export const GROUP_COLORS = ['#1f4e8c', '#c2650a', '#3f7f4f', '#7b4aa0', '#8a5a00', '#2a8a9a', '#a1221b'];

/**
 * A vega expression labelling a value axis: percentages, signed percentage points, counts with
 * 万/亿 in Chinese, yuan with 万/亿 in Chinese and k/M in English, shares as percentages.
 */
export function valueLabelExpr(kind: ValueKind, lang: Lang): string {
  switch (kind) {
    case 'probability':
    case 'share':
      return "format(datum.value, '.0%')";
    case 'points':
      return "(datum.value > 0 ? '+' : datum.value < 0 ? '−' : '') + format(abs(datum.value) * 100, '~r')";
    case 'count':
      return countLabelExpr(lang);
    case 'yuan':
      return lang === 'zh'
        ? "abs(datum.value) >= 1e8 ? format(datum.value / 1e8, '~r') + '亿' : abs(datum.value) >= 1e4 ? format(datum.value / 1e4, '~r') + '万' : format(datum.value, '~r')"
        : "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '~r') + 'M' : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, '~r') + 'k' : format(datum.value, '~r')";
    case 'plain':
      return "format(datum.value, '~r')";
  }
}

/**
 * Where the next line may start inside `line`: before an opening bracket, a double dash or a space,
 * after a closing bracket or a comma — in the second half of the line only; -1 for none.
 */
function lastBreak(line: string): number {
  const chars = Array.from(line);
  for (let i = chars.length - 1; i >= Math.ceil(chars.length / 2); i--) {
    const c = chars[i] ?? '';
    const p = chars[i - 1] ?? '';
    // before "——" (a title's dash), not inside a range of years ("2023—2025")
    const dash = c === '—' && chars[i + 1] === '—' && p !== '—';
    if (/[（(\s]/.test(c) || dash || /[）)，,、；]/.test(p)) return i;
  }
  return -1;
}

/**
 * Breaks a label into lines of at most `maxEm` (CJK characters 1 em, others 0.8): at brackets,
 * dashes, commas and spaces when one falls in the second half of the line, else between any two
 * CJK characters; joined by "\n" (the axis splits them again).
 */
export function wrapLabel(label: string, maxEm: number): string {
  const lines: string[] = [];
  let line = '';
  for (const ch of label) {
    if (line !== '' && textEm(line + ch) > maxEm) {
      const cut = lastBreak(line);
      const chars = Array.from(line);
      if (cut > 0) {
        lines.push(chars.slice(0, cut).join('').trimEnd());
        line = chars.slice(cut).join('').trimStart();
      } else {
        lines.push(line.trimEnd());
        line = '';
      }
    }
    if (line === '' && /\s/.test(ch)) continue;
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Vega sizes text it cannot measure as 0.8 em a character; a CJK character is 1 em. The pixels
 * a row label runs past vega's estimate, so the chart can be padded by as much.
 */
function cjkOverflow(labels: readonly string[], fontSize: number): number {
  let most = 0;
  for (const l of labels) {
    for (const line of l.split('\n')) {
      // vega's estimate counts UTF-16 code units
      most = Math.max(most, (textEm(line) - 0.8 * line.length) * fontSize);
    }
  }
  return Math.ceil(most);
}

/** One row of an interval chart: a point with an interval (and optionally a wider one behind it). */
export interface IntervalRow {
  /** the row's label (y axis), may hold "\n" */
  readonly category: string;
  /** the group (colour) within the row, e.g. a scenario */
  readonly group: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** a wider interval drawn thin and light behind the main one (e.g. the unpaired ±2 SE) */
  readonly outer?: readonly [number, number];
  /** written right of the interval */
  readonly text?: string;
}

export interface IntervalChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly rows: readonly IntervalRow[];
  /** row labels in reading order */
  readonly categories: readonly string[];
  /** groups in legend order; one group draws no legend */
  readonly groups: readonly string[];
  /** the groups' colours (default GROUP_COLORS in order) */
  readonly colors?: readonly string[];
  readonly valueKind: ValueKind;
  readonly valueTitle: string;
  /** the value axis' domain (default: from the data, with 0 when `zero`) */
  readonly domain?: readonly [number, number];
  /** a rule at 0 (differences) */
  readonly zeroRule?: boolean;
  /** vertical red rules with a label at the top (a goal's requirement, a threshold) */
  readonly references?: readonly { readonly value: number; readonly label: string }[];
  /** red ticks per row (a scenario's budget cap), explained in the subtitle */
  readonly marks?: readonly { readonly category: string; readonly value: number }[];
  /** width of the plot, without the row labels */
  readonly width?: number;
  /** the widest a row label may be, in px (longer labels are wrapped) */
  readonly labelWidth?: number;
}

/** Line height of a row label of several lines. */
const LINE_HEIGHT = 15;

/** Pixels per group within a row, and between rows. */
const GROUP_STEP = 17;
const ROW_GAP = 12;

/**
 * A dot-and-interval chart with one row per category and one dot per group inside the row: a
 * dot at the value, a thick line for the interval, optionally a thin light line for a wider one,
 * red reference rules and per-row red ticks. For P(met) of several scenarios goal by goal, paired
 * differences, a goal's count by scenario, spend by scenario. Pure: data in, vega-lite spec out.
 */
export function intervalChartSpec(input: IntervalChartInput): TopLevelSpec {
  const width = input.width ?? 560;
  const labelWidth = input.labelWidth ?? 230;
  const nGroups = Math.max(1, input.groups.length);
  const maxLines = Math.max(1, ...input.categories.map((c) => c.split('\n').length));
  const rowStep = Math.max(nGroups * GROUP_STEP, maxLines * LINE_HEIGHT) + ROW_GAP;
  const height = input.categories.length * rowStep;
  const lo = Math.min(...input.rows.map((r) => Math.min(r.low, r.outer?.[0] ?? r.low)), 0);
  const hi = Math.max(
    ...input.rows.map((r) => Math.max(r.high, r.outer?.[1] ?? r.high)),
    ...(input.references ?? []).map((r) => r.value),
    ...(input.marks ?? []).map((m) => m.value),
  );
  const domain = input.domain ?? [lo, hi > lo ? hi : lo + 1];
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [...domain], nice: input.domain === undefined, zero: false },
    axis: {
      title: input.valueTitle,
      labelExpr: valueLabelExpr(input.valueKind, input.lang),
      tickCount: 6,
      grid: true,
    },
  };
  // vega starts a label of several lines at its row: move each up by half its extra lines
  const lineCounts = [...new Set(input.categories.map((c) => c.split('\n').length))].filter((n) => n > 1);
  const labelOffset =
    lineCounts.length === 0
      ? 0
      : {
          condition: lineCounts.map((n) => ({
            test: `length(split(datum.value, '\\n')) === ${n}`,
            value: (-(n - 1) * LINE_HEIGHT) / 2,
          })),
          value: 0,
        };
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: [...input.categories],
    scale: { paddingInner: 0.15, paddingOuter: 0.1 },
    axis: {
      title: null,
      labelExpr: "split(datum.label, '\\n')",
      labelLimit: labelWidth + 20,
      labelPadding: 8,
      labelLineHeight: LINE_HEIGHT,
      labelOffset,
      ticks: false,
      domain: false,
    },
  };
  const single = input.groups.length <= 1;
  // legend entries wrapped to the plot's width (vega would cut them short with "…")
  const wrapped = new Map(input.groups.map((g) => [g, wrapLabel(g, width / LEGEND_FONT_SIZE)]));
  const groups = input.groups.map((g) => wrapped.get(g) ?? g);
  const color = {
    field: 'group',
    type: 'nominal' as const,
    sort: groups,
    scale: {
      domain: groups,
      range: [...(input.colors ?? GROUP_COLORS)].slice(0, Math.max(1, input.groups.length)),
    },
    legend: single
      ? null
      : {
          title: null,
          orient: 'bottom' as const,
          direction: 'vertical' as const,
          columns: 1,
          labelLimit: width + labelWidth,
          labelExpr: "split(datum.label, '\\n')",
          symbolType: 'circle',
          symbolOpacity: 1,
        },
  };
  const yOffset = single ? {} : { yOffset: { field: 'group', type: 'nominal' as const, sort: groups } };
  const rows = input.rows.map((r) => ({
    category: r.category,
    group: wrapped.get(r.group) ?? r.group,
    value: r.value,
    low: r.low,
    high: r.high,
    outerLow: r.outer?.[0] ?? null,
    outerHigh: r.outer?.[1] ?? null,
    text: r.text ?? '',
  }));
  const layers: ChartLayer[] = [];
  if (input.zeroRule === true) {
    layers.push({
      data: { values: [{ zero: 0 }] },
      mark: { type: 'rule', color: COLORS.axis, strokeWidth: 1 },
      encoding: { x: { ...x, field: 'zero' } },
    });
  }
  if (rows.some((r) => r.outerLow !== null)) {
    layers.push({
      data: { values: rows.filter((r) => r.outerLow !== null) },
      mark: { type: 'rule', strokeWidth: 1, opacity: 0.45 },
      encoding: { x: { ...x, field: 'outerLow' }, x2: { field: 'outerHigh' }, y, ...yOffset, color },
    });
  }
  layers.push(
    {
      data: { values: rows },
      mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' },
      encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, ...yOffset, color },
    },
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 70, opacity: 1, stroke: 'white', strokeWidth: 1 },
      encoding: { x: { ...x, field: 'value' }, y, ...yOffset, color },
    },
  );
  if (rows.some((r) => r.text !== '')) {
    layers.push({
      data: { values: rows.filter((r) => r.text !== '') },
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11, color: '#5f6670' },
      encoding: {
        x: { ...x, field: 'high' },
        y,
        ...yOffset,
        text: { field: 'text', type: 'nominal' },
      },
    });
  }
  if (input.marks !== undefined && input.marks.length > 0) {
    layers.push({
      data: { values: input.marks.map((m) => ({ category: m.category, cap: m.value })) },
      mark: { type: 'tick', color: COLORS.goal, thickness: 2.5, orient: 'vertical' },
      encoding: { x: { ...x, field: 'cap' }, y },
    });
  }
  for (const [i, ref] of (input.references ?? []).entries()) {
    const data = { values: [{ ref: ref.value, label: ref.label }] };
    layers.push(
      {
        data,
        mark: { type: 'rule', color: COLORS.goal, strokeWidth: 1.5, strokeDash: [5, 3] },
        encoding: { x: { ...x, field: 'ref' } },
      },
      {
        data,
        mark: {
          type: 'text',
          color: COLORS.goal,
          fontWeight: 'bold',
          baseline: 'bottom',
          align: 'left',
          dx: 3,
          dy: -4 - 14 * i,
        },
        encoding: { x: { ...x, field: 'ref' }, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  const titleWidth =
    width +
    Math.min(
      labelWidth,
      Math.max(...input.categories.flatMap((c) => c.split('\n').map((l) => textEm(l) * 12))),
    );
  // the row labels run past vega's estimate by `overflow`: the title starts that far left of the
  // estimated edge, which widens the chart's bounds (and so its SVG) by as much, labels included
  const overflow = cjkOverflow(input.categories, 12);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(input.lang),
    title: {
      dx: -overflow,
      text: wrapTitle(input.title, titleWidth, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, titleWidth, SUBTITLE_FONT_SIZE),
      offset: 12 + 14 * (input.references?.length ?? 0),
    },
    width,
    height,
    layer: layers,
  };
}
