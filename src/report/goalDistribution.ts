import { forEachBucket, quantile, type IntHistogram } from '../engine/histogram.js';
import type { GoalDistribution } from '../schema/result.js';

/** Bins a goal histogram aims for: enough to show the shape, few enough to stay compact. */
export const DISTRIBUTION_BINS = 30;

/**
 * The smallest count that meets a goal with a fixed threshold: `target` for `>=` and `=`
 * ("达到 N"), target + 1 for `>` (counts are integers); `undefined` when the requirement depends
 * on the trajectory's own base count (`x-base`, `net-gain`).
 */
export function fixedThreshold(comparison: string, target: number): number | undefined {
  switch (comparison) {
    case '>=':
    case '=':
    case 'new-since-base':
      return Math.ceil(target);
    case '>':
      return Math.floor(target) + 1;
    default:
      return undefined;
  }
}

/** The number of the form 1, 2 or 5 × 10^k (k ≥ 0) nearest to `x` on a log scale (1 for x ≤ 1). */
export function niceWidth(x: number): number {
  if (!(x > 1)) return 1;
  const k = 10 ** Math.floor(Math.log10(x));
  let best = k;
  for (const m of [1, 2, 5, 10]) {
    if (Math.abs(Math.log(m * k) - Math.log(x)) < Math.abs(Math.log(best) - Math.log(x))) best = m * k;
  }
  return best;
}

/**
 * A compact histogram of a goal's value: bins of a "nice" integer width w (1, 2, 5 × 10^k) so
 * that about `bins` of them span the 0.5%–99.5% quantiles; when the goal has a fixed threshold t
 * the bins start at t + ⌊(q₀.₀₀₅ − t)/w⌋·w, so t is a bin edge and every bin is wholly met or
 * missed. Values outside the bins are counted in `below` / `above`. Each histogram bucket
 * counts at its representative value (exact below 4,096; see `quantile`).
 */
export function goalDistribution(
  h: IntHistogram,
  threshold: number | undefined,
  bins = DISTRIBUTION_BINS,
): GoalDistribution {
  if (h.total === 0) return { from: 0, width: 1, counts: [], below: 0, above: 0 };
  const lo = quantile(h, 0.005);
  const hi = quantile(h, 0.995);
  const width = niceWidth((hi + 1 - lo) / bins);
  const from =
    threshold === undefined
      ? Math.floor(lo / width) * width
      : threshold + Math.floor((lo - threshold) / width) * width;
  const n = Math.floor((hi - from) / width) + 1;
  const counts = new Array<number>(n).fill(0);
  let below = 0;
  let above = 0;
  forEachBucket(h, (low, bucketWidth, c) => {
    const v = bucketWidth === 1 ? low : Math.round(low + (bucketWidth - 1) / 2);
    const bin = Math.floor((v - from) / width);
    if (bin < 0) below += c;
    else if (bin >= n) above += c;
    else counts[bin] = (counts[bin] ?? 0) + c;
  });
  return { from, width, counts, below, above };
}
