import type { Uniform } from '../engine/rng.js';

/**
 * Outputs of a Saltelli design with N rows: f(A_j), f(B_j), and for each factor i
 * f(AB⁽ⁱ⁾_j), where AB⁽ⁱ⁾ is A with column i taken from B (Saltelli et al. 2010, §3). Cost:
 * N·(k + 2) evaluations for k factors.
 */
export interface SaltelliOutputs {
  readonly fA: Float64Array;
  readonly fB: Float64Array;
  /** one array of N outputs per factor */
  readonly fAB: readonly Float64Array[];
}

/** First-order estimator: Saltelli et al. (2010) with centring, or Jansen (1999). */
export type FirstOrderEstimator = 'saltelli2010' | 'jansen1999';

export interface SobolEstimate {
  /** V̂: variance of f over the A and B rows (denominator 2N − 1) */
  readonly variance: number;
  /** first-order indices S_i, one per factor */
  readonly s1: readonly number[];
  /** total-order indices S_Ti, one per factor */
  readonly st: readonly number[];
}

/** Row j of AB⁽ⁱ⁾: row a with its column i taken from row b (a copy). */
export function abRow(a: Float64Array, b: Float64Array, i: number): Float64Array {
  const r = Float64Array.from(a);
  r[i] = b[i] ?? Number.NaN;
  return r;
}

/**
 * Variance-based sensitivity indices from a Saltelli design, over rows `rows` (all rows when
 * omitted; a bootstrap passes a resample, rows may repeat).
 *
 * With f₀ the mean and V the variance of f over the A and B rows:
 * - total order, Jansen (1999): S_Ti = (1/2N) Σ_j (f(A)_j − f(AB⁽ⁱ⁾)_j)² / V;
 * - first order, Saltelli et al. (2010, Table 2), centred: S_i = (1/N) Σ_j (f(B)_j − f₀)
 *   (f(AB⁽ⁱ⁾)_j − f(A)_j) / V; or Jansen (1999): S_i = (V − (1/2N) Σ_j (f(B)_j − f(AB⁽ⁱ⁾)_j)²) / V.
 *
 * The Saltelli form is exactly 0 for a factor that changes no output (f(AB⁽ⁱ⁾) = f(A)) and its
 * error shrinks with the index; the Jansen first-order form has an error of order √(2/N) for
 * every factor however small its effect. Centring by f₀ removes the f₀²·Var(f(AB⁽ⁱ⁾) − f(A))
 * term from the Saltelli form's error (counts in the hundreds would otherwise swamp it).
 *
 * References: Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), "Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index",
 * Computer Physics Communications 181:259–270; Jansen (1999), "Analysis of variance designs for
 * model output", Computer Physics Communications 117:35–43.
 */
export function sobolIndices(
  o: SaltelliOutputs,
  firstOrder: FirstOrderEstimator = 'saltelli2010',
  rows?: ArrayLike<number>,
): SobolEstimate {
  const n = rows === undefined ? o.fA.length : rows.length;
  if (n < 2) throw new Error(`sobolIndices requires at least 2 rows, found ${n}`);
  const row = (j: number): number => (rows === undefined ? j : (rows[j] ?? 0));
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const r = row(j);
    sum += (o.fA[r] ?? 0) + (o.fB[r] ?? 0);
  }
  const f0 = sum / (2 * n);
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const r = row(j);
    const a = (o.fA[r] ?? 0) - f0;
    const b = (o.fB[r] ?? 0) - f0;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * n - 1);
  const s1: number[] = [];
  const st: number[] = [];
  for (const fABi of o.fAB) {
    let total = 0;
    let first = 0;
    for (let j = 0; j < n; j++) {
      const r = row(j);
      const a = o.fA[r] ?? 0;
      const b = o.fB[r] ?? 0;
      const ab = fABi[r] ?? 0;
      total += (a - ab) * (a - ab);
      first += firstOrder === 'saltelli2010' ? (b - f0) * (ab - a) : (b - ab) * (b - ab);
    }
    st.push(variance > 0 ? total / (2 * n) / variance : 0);
    if (firstOrder === 'saltelli2010') s1.push(variance > 0 ? first / n / variance : 0);
    else s1.push(variance > 0 ? (variance - first / (2 * n)) / variance : 0);
  }
  return { variance, s1, st };
}

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export interface SobolIntervals {
  readonly s1: readonly Interval[];
  readonly st: readonly Interval[];
}

/** The q-quantile of sorted values, linear between order statistics (R type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(n - 1, lo + 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/**
 * Percentile bootstrap intervals of the indices (Efron & Tibshirani 1993, ch. 13): the design's
 * rows are resampled with replacement `resamples` times (A_j, B_j and every AB⁽ⁱ⁾_j together)
 * and the indices recomputed; the interval is the (1 − level)/2 and (1 + level)/2 quantiles of
 * the resampled estimates. Rows must be independent draws (pseudo-random, not quasi-random).
 * `u` is a seeded stream (engine/rng.ts).
 */
export function sobolBootstrap(
  o: SaltelliOutputs,
  u: Uniform,
  resamples: number,
  level = 0.95,
  firstOrder: FirstOrderEstimator = 'saltelli2010',
): SobolIntervals {
  const n = o.fA.length;
  const k = o.fAB.length;
  const s1 = Array.from({ length: k }, () => new Float64Array(resamples));
  const st = Array.from({ length: k }, () => new Float64Array(resamples));
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(u() * n);
    const e = sobolIndices(o, firstOrder, rows);
    e.s1.forEach((x, i) => s1[i]?.fill(x, b, b + 1));
    e.st.forEach((x, i) => st[i]?.fill(x, b, b + 1));
  }
  const interval = (xs: Float64Array): Interval => {
    const sorted = Float64Array.from(xs).sort();
    return { lo: sortedQuantile(sorted, (1 - level) / 2), hi: sortedQuantile(sorted, (1 + level) / 2) };
  };
  return { s1: s1.map(interval), st: st.map(interval) };
}
