import type { TopLevelSpec } from 'vega-lite';
import type { GoalDistribution } from '../../schema/result.js';
import type { Lang } from '../lang.js';
import {
  chartConfig,
  COLORS,
  countLabelExpr,
  type ChartLayer,
  SUBTITLE_FONT_SIZE,
  TITLE_FONT_SIZE,
  TITLE_SLACK,
} from './theme.js';
import { wrapTitle } from './wrapTitle.js';

export interface GoalDistributionInput {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly distribution: GoalDistribution;
  readonly runs: number;
  /** the count that meets the goal; for a goal relative to the base count, at the median base */
  readonly requirement: number;
  /** 5%–95% range of the requirement when it depends on the base count */
  readonly range?: readonly [number, number];
  /** whether bins at or above `requirement` are wholly met (a fixed threshold aligned to bin edges) */
  readonly colourByOutcome: boolean;
  readonly xTitle: string;
  readonly yTitle: string;
  /** legend entries for met / missed bins, and the label of the requirement line */
  readonly legend: { readonly met: string; readonly missed: string; readonly requirement: string };
  readonly width?: number;
  readonly height?: number;
}

/**
 * The distribution of a goal's value in its year (share of trajectories per bin) against what the
 * goal requires: bins that meet it in one colour, bins that miss in another, the requirement as a
 * red line (and its range, shaded, when it depends on the base count). Pure.
 */
export function goalDistributionSpec(input: GoalDistributionInput): TopLevelSpec {
  const d = input.distribution;
  const bins = d.counts.map((c, i) => {
    const from = d.from + i * d.width;
    return {
      from,
      to: from + d.width,
      share: c / input.runs,
      outcome: from >= input.requirement ? input.legend.met : input.legend.missed,
    };
  });
  const end = d.from + d.counts.length * d.width;
  const lo = Math.min(d.from, (input.range?.[0] ?? input.requirement) - d.width);
  const hi = Math.max(end, (input.range?.[1] ?? input.requirement) + d.width);
  const x = {
    field: 'from',
    type: 'quantitative' as const,
    scale: { domain: [lo, hi], nice: false, zero: false },
    axis: { title: input.xTitle, labelExpr: countLabelExpr(input.lang), tickCount: 6 },
  };
  const labelLeft = input.requirement > lo + 0.6 * (hi - lo);
  const layers: ChartLayer[] = [];
  layers.push(
    {
      data: { values: bins },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x,
        x2: { field: 'to' },
        y: {
          field: 'share',
          type: 'quantitative',
          axis: { title: input.yTitle, format: '.0%', tickCount: 5 },
          scale: { zero: true },
        },
        color: input.colourByOutcome
          ? {
              field: 'outcome',
              type: 'nominal',
              scale: { domain: [input.legend.met, input.legend.missed], range: [COLORS.met, COLORS.missed] },
              legend: { title: null },
            }
          : { value: COLORS.neutral },
      },
    },
    // the requirement's range (relative goals), over the bars so that it shows
    ...(input.range !== undefined
      ? [
          {
            data: { values: [{ from: input.range[0], to: input.range[1] }] },
            mark: { type: 'rect' as const, color: COLORS.goal, opacity: 0.16 },
            encoding: { x, x2: { field: 'to' } },
          },
        ]
      : []),
    {
      data: { values: [{ from: input.requirement, label: input.legend.requirement }] },
      mark: { type: 'rule', color: COLORS.goal, strokeWidth: 2 },
      encoding: { x },
    },
    {
      data: { values: [{ from: input.requirement, label: input.legend.requirement }] },
      // to the right of the line, or to its left when the line is in the right part of the chart
      mark: {
        type: 'text',
        align: labelLeft ? 'right' : 'left',
        baseline: 'top',
        dx: labelLeft ? -5 : 5,
        dy: 2,
        color: COLORS.goal,
        fontWeight: 'bold',
      },
      encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
    },
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: chartConfig(input.lang),
    title: {
      text: wrapTitle(input.title, (input.width ?? 330) + TITLE_SLACK, TITLE_FONT_SIZE),
      subtitle: wrapTitle(input.subtitle, (input.width ?? 330) + TITLE_SLACK, SUBTITLE_FONT_SIZE),
    },
    width: input.width ?? 330,
    height: input.height ?? 190,
    layer: layers,
  };
}
