import type { TopLevelSpec } from 'vega-lite';
import type { CoordinateSummary } from '../../schema/posterior.js';
import type { Lang } from '../lang.js';
import { COLORS, LEGEND_FONT_SIZE, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE } from './theme.js';
import { labelColumnWidth, rowLabelConfig } from './labelPadding.js';
import { legendColumns, wrapTitle } from './wrapTitle.js';

export interface ShrinkageInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** coordinates in the order drawn, each with its label */
  readonly rows: readonly { readonly label: string; readonly coordinate: CoordinateSummary }[];
  /** shrinkage from which a coordinate counts as informed by the data */
  readonly informed: number;
  readonly xTitle: string;
  readonly legend: { readonly prior: string; readonly informed: string; readonly little: string };
  readonly width?: number;
}

/**
 * Where a value sits in a prior's 90% range, 0 at its 5th and 1 at its 95th percentile (on the
 * log scale for a log-uniform prior, where the range spans orders of magnitude).
 */
export function priorPosition(c: CoordinateSummary, v: number): number {
  const log = c.prior.dist === 'loguniform' && c.priorP05 > 0 && v > 0;
  const f = (x: number): number => (log ? Math.log(x) : x);
  const span = f(c.priorP95) - f(c.priorP05);
  return span > 0 ? (f(v) - f(c.priorP05)) / span : 0.5;
}

/**
 * Prior → posterior of every coordinate on one scale: each coordinate's prior 90% range is the
 * grey bar from 0 to 1, its posterior 90% interval the blue bar over it (dark where the
 * shrinkage 1 − var(posterior)/var(prior) reaches `informed`, light where it stays within Monte
 * Carlo error of none), the dot the posterior median; the shrinkage is written at the right.
 * A posterior interval off the grey bar is one the data pushed to the edge of its prior. Pure.
 */
export function shrinkageSpec(input: ShrinkageInput): TopLevelSpec {
  const width = input.width ?? 440;
  const values = input.rows.map(({ label, coordinate: c }) => ({
    label,
    lo: priorPosition(c, c.p05),
    mid: priorPosition(c, c.p50),
    hi: priorPosition(c, c.p95),
    shrinkage: c.shrinkage.toFixed(2),
    group: c.shrinkage >= input.informed ? input.legend.informed : input.legend.little,
  }));
  const lo = Math.min(-0.1, ...values.map((v) => v.lo));
  const hi = Math.max(1.1, ...values.map((v) => v.hi));
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [lo, hi], nice: false },
    axis: {
      title: input.xTitle,
      values: [0, 0.5, 1],
      labelExpr: "datum.value === 0 ? '5%' : datum.value === 1 ? '95%' : '50%'",
      grid: false,
    },
  };
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    title: null,
    axis: { labelLimit: 420 },
  };
  const entries = [input.legend.prior, input.legend.informed, input.legend.little];
  // the titles wrap within the plot and its labels (vega sizes the chart by an estimate of
  // its text, short of a CJK text's real width: a longer title would be cut)
  const labels = labelColumnWidth(values.map((v) => v.label));
  const color = {
    scale: { domain: entries, range: ['#dfe2e6', COLORS.median, '#9fbbdc'] },
    legend: {
      title: null,
      orient: 'bottom' as const,
      columns: legendColumns(entries, width, LEGEND_FONT_SIZE),
      labelLimit: 420,
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: rowLabelConfig(
      input.lang,
      values.map((v) => v.label),
    ),
    title: {
      text: wrapTitle(input.title, width + labels, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, width + labels, SUBTITLE_FONT_SIZE),
    },
    width,
    height: { step: 18 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          x: { ...x, datum: 0 },
          x2: { datum: 1 },
          color: { ...color, datum: input.legend.prior, type: 'nominal' },
        },
      },
      {
        mark: { type: 'bar', height: 6 },
        encoding: {
          x: { ...x, field: 'lo' },
          x2: { field: 'hi' },
          color: { ...color, field: 'group', type: 'nominal' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 30, color: COLORS.text, opacity: 1 },
        encoding: { x: { ...x, field: 'mid' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#5f6670' },
        encoding: { x: { datum: hi, type: 'quantitative' }, text: { field: 'shrinkage', type: 'nominal' } },
      },
    ],
  };
}
