import type { Prior } from '../schema/prior.js';

/** Inverse CDF of a prior, u ∈ [0, 1) → value. One uniform per draw, monotone in u. */
export type Quantile = (u: number) => number;

const GRID = 2048;

/**
 * Builds the inverse CDF of a prior.
 * - uniform: low + u·(high − low).
 * - loguniform: low·(high/low)^u.
 * - PERT: Beta(α, β) on [low, high] with α = 1 + 4(mode − low)/(high − low),
 *   β = 1 + 4(high − mode)/(high − low) (Vose, "Risk Analysis", 2008, §9.1.1). The CDF is
 *   tabulated on a 2,048-cell grid by the midpoint rule on the density and inverted by linear
 *   interpolation: monotone, one uniform per draw (which keeps common random numbers aligned
 *   across scenarios), and exact percentiles for the one-way sensitivity analysis.
 */
export function priorQuantile(prior: Prior): Quantile {
  switch (prior.dist) {
    case 'fixed': {
      const v = prior.value;
      return () => v;
    }
    case 'uniform': {
      const { low, high } = prior;
      return (u) => low + u * (high - low);
    }
    case 'loguniform': {
      const { low, high } = prior;
      const ratio = high / low;
      return (u) => low * Math.pow(ratio, u);
    }
    case 'pert': {
      const { low, mode, high } = prior;
      const width = high - low;
      if (width <= 0) return () => low;
      const a = 1 + (4 * (mode - low)) / width;
      const b = 1 + (4 * (high - mode)) / width;
      const cdf = new Float64Array(GRID + 1);
      let acc = 0;
      for (let i = 0; i < GRID; i++) {
        const x = (i + 0.5) / GRID;
        acc += Math.pow(x, a - 1) * Math.pow(1 - x, b - 1);
        cdf[i + 1] = acc;
      }
      for (let i = 1; i <= GRID; i++) cdf[i] = (cdf[i] ?? 0) / acc;
      // guide[j] = the last cell whose CDF is ≤ j/GRID. The cell of u lies between guide[j] and
      // guide[j + 1] for j = ⌊u·GRID⌋: bisection there finds the same cell as over the whole grid,
      // in a step or two where the density is flat.
      const guide = new Int32Array(GRID + 1);
      for (let j = 0, i = 0; j <= GRID; j++) {
        while (i < GRID - 1 && (cdf[i + 1] ?? 1) <= j / GRID) i++;
        guide[j] = i;
      }
      return (u) => {
        // the cell whose CDF brackets u: cdf[lo] ≤ u < cdf[lo + 1]
        const j = Math.floor(u * GRID);
        let lo = guide[j] ?? 0;
        let hi = (guide[j + 1] ?? GRID - 1) + 1;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if ((cdf[mid] ?? 0) <= u) lo = mid;
          else hi = mid;
        }
        const c0 = cdf[lo] ?? 0;
        const c1 = cdf[hi] ?? 1;
        const frac = c1 > c0 ? (u - c0) / (c1 - c0) : 0;
        return low + ((lo + frac) / GRID) * width;
      };
    }
  }
}

/**
 * Mean of a prior (for documentation and reports). PERT mean = (low + 4·mode + high)/6;
 * log-uniform mean = (high − low)/ln(high/low).
 */
export function priorMean(prior: Prior): number {
  switch (prior.dist) {
    case 'fixed':
      return prior.value;
    case 'uniform':
      return (prior.low + prior.high) / 2;
    case 'loguniform':
      return prior.high > prior.low ? (prior.high - prior.low) / Math.log(prior.high / prior.low) : prior.low;
    case 'pert':
      return (prior.low + 4 * prior.mode + prior.high) / 6;
  }
}
