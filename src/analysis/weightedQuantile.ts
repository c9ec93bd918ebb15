/**
 * Quantiles of a weighted sample by the inverse of its empirical CDF: for each q, the smallest
 * x₍ᵢ₎ with Σ_{j ≤ i} w₍ⱼ₎ ≥ q·Σw (Hyndman & Fan's type 1 with weights, the definition the run
 * summaries use). Weights default to equal. Returns one value per q, in the order given.
 */
export function weightedQuantiles(
  sample: ArrayLike<number>,
  qs: readonly number[],
  weights?: ArrayLike<number>,
): number[] {
  const m = sample.length;
  if (m === 0) return qs.map(() => Number.NaN);
  const idx = Array.from({ length: m }, (_, i) => i).sort((a, b) => (sample[a] ?? 0) - (sample[b] ?? 0));
  let total = 0;
  for (let i = 0; i < m; i++) total += weights === undefined ? 1 : Math.max(0, weights[i] ?? 0);
  return qs.map((q) => {
    const target = q * total;
    let acc = 0;
    for (const i of idx) {
      acc += weights === undefined ? 1 : Math.max(0, weights[i] ?? 0);
      if (acc >= target - 1e-12 * total) return sample[i] ?? Number.NaN;
    }
    return sample[idx[m - 1] ?? 0] ?? Number.NaN;
  });
}

/** Weighted mean Σ wᵢxᵢ / Σ wᵢ (equal weights when omitted). */
export function weightedMean(sample: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < sample.length; i++) {
    const w = weights === undefined ? 1 : Math.max(0, weights[i] ?? 0);
    s += w * (sample[i] ?? 0);
    t += w;
  }
  return t > 0 ? s / t : Number.NaN;
}
