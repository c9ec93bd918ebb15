import type { Lang } from '../lang.js';
import { chartConfig, type ChartConfig } from './theme.js';
import { textEm } from './wrapTitle.js';

/**
 * How many pixels wider than vega reckons the widest of these axis labels is. Without a canvas
 * vega sizes text at 0.8 em a character; a CJK character is a full em, so a long Chinese label
 * would run past the chart's left edge by the difference. Add it to the padding on that side.
 */
export function labelOverflow(labels: readonly string[], fontSize: number): number {
  let worst = 0;
  for (const l of labels) worst = Math.max(worst, (textEm(l) - 0.8 * l.length) * fontSize);
  return Math.ceil(worst);
}

/**
 * The house chart config for a chart with row labels on its left (`labels`, at `fontSize`): the
 * padding on the left leaves room for the labels vega measures short (see {@link labelOverflow}).
 */
export function rowLabelConfig(lang: Lang, labels: readonly string[], fontSize = 12): ChartConfig {
  return {
    ...chartConfig(lang),
    padding: { left: 8 + labelOverflow(labels, fontSize), right: 16, top: 8, bottom: 8 },
  };
}

/** The width vega gives the widest of these labels (0.8 em a character), in pixels. */
export function labelColumnWidth(labels: readonly string[], fontSize = 12): number {
  return Math.max(...labels.map((l) => textEm(l) * fontSize * 0.8), 0);
}
