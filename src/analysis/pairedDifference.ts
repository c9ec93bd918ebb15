/** Mean of paired differences b_i − a_i with its standard error. */
export interface PairedDifference {
  readonly n: number;
  /** mean of a and of b */
  readonly meanA: number;
  readonly meanB: number;
  /** mean of b_i − a_i */
  readonly diff: number;
  /** s_d / √n, s_d the sample standard deviation of the differences (0 when n < 2) */
  readonly se: number;
  /** pairs with b_i ≠ a_i */
  readonly changed: number;
}

/**
 * Paired difference of two outcomes on the same trajectories (common random numbers): the two
 * arms share every random number, so the variance of the difference is Var(a) + Var(b) − 2Cov(a, b)
 * and is usually far smaller than for independent runs (Law 2015, "Simulation Modeling and
 * Analysis", 5th ed., §11.2). SE = s_d / √n with s_d² = Σ (d_i − d̄)² / (n − 1).
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  const n = Math.min(a.length, b.length);
  let sa = 0;
  let sb = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    sa += x;
    sb += y;
    if (x !== y) changed++;
  }
  const diff = n > 0 ? (sb - sa) / n : Number.NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0) - diff;
    ss += d * d;
  }
  return {
    n,
    meanA: n > 0 ? sa / n : Number.NaN,
    meanB: n > 0 ? sb / n : Number.NaN,
    diff,
    se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0,
    changed,
  };
}
