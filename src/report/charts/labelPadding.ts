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
