import type { TopLevelSpec } from 'vega-lite';
import type { Qualifier } from '../../schema/observed.js';
import type { Lang } from '../lang.js';
import { COLORS, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE } from './theme.js';
import { labelColumnWidth, rowLabelConfig } from './labelPadding.js';
import { wrapTitle } from './wrapTitle.js';

/** One figure's posterior predictive check. */
export interface CheckRow {
  /** the row's label on the axis ("2020年 高企：公布301，模型242—412") */
  readonly label: string;
  /** P(model ≤ published figure) under the posterior predictive, reporting noise included */
  readonly position: number;
  readonly qualifier: Qualifier;
  readonly misfit: boolean;
}

export interface PredictiveCheckInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly rows: readonly CheckRow[];
  readonly xTitle: string;
  readonly legend: { readonly fits: string; readonly misfit: string; readonly band: string };
  /** written at the two ends of the scale: the figure below / above what the model gives */
  readonly ends: { readonly low: string; readonly high: string };
  readonly width?: number;
}

const GOOD = '#3f7f4f';

/**
 * Every figure's place in its posterior predictive distribution, on one scale whatever its size:
 * P(model ≤ figure), 50% at the model's median, the shaded 5%–95% band the 90% interval; a dot
 * outside the band is a figure the fitted model does not reproduce. (A lower bound is a misfit
 * only to the right: the model below the bound.) Shapes as in the fan charts: dot exact,
 * diamond approximate, triangle a lower bound. Pure.
 */
export function predictiveCheckSpec(input: PredictiveCheckInput): TopLevelSpec {
  const width = input.width ?? 440;
  const values = input.rows.map((r) => ({
    label: r.label,
    position: Math.min(1, Math.max(0, r.position)),
    verdict: r.misfit ? input.legend.misfit : input.legend.fits,
    shape: r.qualifier === 'lower_bound' ? 'triangle-up' : r.qualifier === 'exact' ? 'circle' : 'diamond',
  }));
  const x = {
    field: 'position',
    type: 'quantitative' as const,
    scale: { domain: [0, 1], nice: false },
    axis: { title: input.xTitle, format: '.0%', values: [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1], grid: false },
  };
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    title: null,
    axis: { labelLimit: 360, labelFontSize: 12 },
  };
  const verdicts = [input.legend.fits, input.legend.misfit];
  // the titles wrap within the plot and its labels (vega sizes the chart by an estimate of
  // its text, short of a CJK text's real width: a longer title would be cut)
  const labels = labelColumnWidth(values.map((v) => v.label));
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
    height: { step: 28 },
    layer: [
      {
        data: { values: [{ from: 0.05, to: 0.95, label: input.legend.band }] },
        mark: { type: 'rect', color: '#e7f1e9' },
        encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' } },
      },
      {
        data: { values: [{ position: 0.5 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: COLORS.axis },
        encoding: { x },
      },
      ...(
        [
          [0, input.ends.low, 'left'],
          [1, input.ends.high, 'right'],
        ] as const
      ).map(([position, text, align]) => ({
        data: { values: [{ position, text }] },
        mark: {
          type: 'text' as const,
          align,
          baseline: 'bottom' as const,
          dy: -4,
          color: '#7a808a',
          fontSize: 11,
        },
        encoding: { x, y: { value: 0 }, text: { field: 'text', type: 'nominal' as const } },
      })),
      {
        data: { values },
        mark: { type: 'rule', color: COLORS.grid },
        encoding: { y, x: { datum: 0, type: 'quantitative' }, x2: { datum: 1 } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 110, opacity: 1, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          y,
          x,
          shape: { field: 'shape', type: 'nominal', scale: null },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: verdicts, range: [GOOD, COLORS.goal] },
            legend: { title: null, orient: 'bottom' },
          },
        },
      },
    ],
  };
}
