import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';
import { chartConfig, COLORS, yearTicks, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE, TITLE_SLACK } from './theme.js';
import { wrapTitle } from './wrapTitle.js';

export interface SpendChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** by year: money promised and money paid (yuan, means over trajectories), cumulative or not */
  readonly rows: readonly { readonly year: number; readonly promised: number; readonly paid: number }[];
  /** the cap, drawn as a horizontal rule (yuan); undefined for none */
  readonly cap: number | undefined;
  readonly capLabel: string;
  readonly promisedLabel: string;
  readonly paidLabel: string;
  /** divide yuan by this for the axis (1e4 for 万, 1e6 for million) */
  readonly unit: number;
  readonly yTitle: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * Money promised by the levers a budget pays for against money paid, by year, with the cap as a
 * red rule: where the promised line crosses the cap, rewards are rationed. Pure.
 */
export function spendChartSpec(input: SpendChartInput): TopLevelSpec {
  const first = input.rows[0]?.year ?? 0;
  const last = input.rows[input.rows.length - 1]?.year ?? first;
  const values = input.rows.flatMap((r) => [
    { year: r.year, what: input.promisedLabel, value: r.promised / input.unit },
    { year: r.year, what: input.paidLabel, value: r.paid / input.unit },
  ]);
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    scale: { domain: [first, last], nice: false, padding: 14 },
    axis: { title: null, format: 'd', values: yearTicks(first, last) },
  };
  const width = input.width ?? 330;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(input.lang),
    title: {
      text: wrapTitle(input.title, width + TITLE_SLACK, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, width + TITLE_SLACK, SUBTITLE_FONT_SIZE),
    },
    width,
    height: input.height ?? 190,
    layer: [
      ...[
        { label: input.promisedLabel, dash: [5, 3] },
        { label: input.paidLabel, dash: [1, 0] },
      ].map((line) => ({
        data: { values: values.filter((v) => v.what === line.label) },
        mark: {
          type: 'line' as const,
          strokeWidth: 2.5,
          strokeDash: line.dash,
          point: { filled: true, size: 40 },
        },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' as const, axis: { title: input.yTitle } },
          color: {
            field: 'what',
            type: 'nominal' as const,
            scale: { domain: [input.promisedLabel, input.paidLabel], range: [COLORS.neutral, COLORS.median] },
            legend: { title: null, orient: 'bottom' as const },
          },
        },
      })),
      ...(input.cap === undefined
        ? []
        : [
            {
              data: { values: [{ cap: input.cap / input.unit, label: input.capLabel }] },
              layer: [
                {
                  mark: { type: 'rule' as const, color: COLORS.goal, strokeWidth: 1.5 },
                  encoding: { y: { field: 'cap', type: 'quantitative' as const } },
                },
                {
                  mark: {
                    type: 'text' as const,
                    color: COLORS.goal,
                    align: 'left' as const,
                    dx: 4,
                    dy: -7,
                    fontWeight: 'bold' as const,
                  },
                  encoding: {
                    y: { field: 'cap', type: 'quantitative' as const },
                    x: { value: 0 },
                    text: { field: 'label', type: 'nominal' as const },
                  },
                },
              ],
            },
          ]),
    ],
  };
}
