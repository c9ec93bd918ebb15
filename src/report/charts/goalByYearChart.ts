import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../lang.js';
import { chartConfig, COLORS, yearTicks, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE, TITLE_SLACK } from './theme.js';
import { wrapTitle } from './wrapTitle.js';

export interface GoalByYearInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** P(criterion holds) in each simulated year */
  readonly byYear: readonly { readonly year: number; readonly probability: number }[];
  readonly goalYear: number;
  /** the label on the goal year's point ("2025：0.30%") */
  readonly goalLabel: string;
  readonly yTitle: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * P(the goal's criterion holds) in each simulated year, on a 0–100% scale, with the goal year
 * marked by a vertical line and its probability written next to it. Pure.
 */
export function goalByYearSpec(input: GoalByYearInput): TopLevelSpec {
  const first = input.byYear[0]?.year ?? input.goalYear;
  const last = input.byYear[input.byYear.length - 1]?.year ?? input.goalYear;
  const values = input.byYear.map((r) => ({ year: r.year, probability: r.probability }));
  const goalPoint = values
    .filter((r) => r.year === input.goalYear)
    .map((r) => ({ ...r, label: input.goalLabel }));
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    scale: { domain: [first, last], nice: false, padding: 14 },
    axis: { title: null, format: 'd', values: yearTicks(first, last) },
  };
  const y = {
    field: 'probability',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { title: input.yTitle, format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(input.lang),
    title: {
      text: wrapTitle(input.title, (input.width ?? 330) + TITLE_SLACK, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, (input.width ?? 330) + TITLE_SLACK, SUBTITLE_FONT_SIZE),
    },
    width: input.width ?? 330,
    height: input.height ?? 190,
    layer: [
      {
        data: { values: [{ year: input.goalYear }] },
        mark: { type: 'rule', color: COLORS.goal, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x },
      },
      {
        data: { values },
        mark: { type: 'line', color: COLORS.median, strokeWidth: 2.5, point: { filled: true, size: 40 } },
        encoding: { x, y },
      },
      {
        data: { values: goalPoint },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 110, color: COLORS.goal, opacity: 1 },
        encoding: { x, y },
      },
      {
        data: { values: goalPoint },
        mark: {
          type: 'text',
          align: 'right',
          dx: -9,
          // below the point when it sits near the top of the chart
          dy: (goalPoint[0]?.probability ?? 0) > 0.8 ? 16 : -10,
          color: COLORS.goal,
          fontWeight: 'bold',
        },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
