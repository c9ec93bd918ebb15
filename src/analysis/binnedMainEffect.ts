/**
 * How much the expected outcome depends on one input alone, from a plain Monte Carlo sample in
 * which every input was drawn from its prior: the sample is cut into `bins` equal-probability
 * bins of the input (by its uniform u: bin ⌊u·K⌋) and E[Y | input] is read as the mean of Y in
 * each bin — the single-parameter partial-EVPI idea of Strong & Oakley (2013), "An efficient
 * method for computing single-parameter partial expected value of perfect information", Medical
 * Decision Making 33:755–766, applied to P(goal) = E[1{goal met}].
 *
 * The spread of the bin means overstates the spread of E[Y | input] by their noise. The one-way
 * ANOVA estimator of the between-bin variance component removes it (Searle, Casella & McCulloch
 * 1992, "Variance Components", §3.5): with W_k the rows in bin k, W = Σ W_k, m_k the bin means,
 * m the grand mean,
 *
 *   SSB = Σ_k W_k (m_k − m)²,  MSW = Σ_k Σ_{r∈k} (y_r − m_k)² / (W − K),
 *   V̂ = (SSB − (K − 1)·MSW) / W  ≈ Var(E[Y | input]),
 *
 * the main-effect variance: for Y = 1{met}, the expected squared change of P(goal) once the input
 * is known (it equals S₁ · Var(Y), the first-order Sobol' numerator of the goal indicator).
 */
export interface MainEffect {
  /** mean of Y in each bin (NaN for an empty bin) */
  readonly binMeans: readonly number[];
  readonly binCounts: readonly number[];
  /** grand mean of Y */
  readonly mean: number;
  /** V̂, bias-corrected between-bin variance (may be slightly negative by chance) */
  readonly variance: number;
  /** √max(0, V̂): root-mean-square change of E[Y] once the input is known */
  readonly rmsChange: number;
  /** Σ_k (W_k / W)|m_k − m|: expected absolute change, plug-in (noise inflates it a little) */
  readonly meanAbsChange: number;
  /**
   * √(2·sd₀), sd₀ = MSW·√(2(K − 1))/W the standard deviation of V̂ when Y does not depend on the
   * input ((K − 1)·F has variance ≈ 2(K − 1)): an rmsChange below this floor is not told apart from
   * no effect at about two standard deviations.
   */
  readonly noiseFloor: number;
}

/** Bin index of each row: ⌊u·K⌋ (u in [0, 1)). */
export function binOf(u: ArrayLike<number>, bins: number): Uint8Array {
  if (bins < 2 || bins > 255) throw new Error(`binOf requires 2 to 255 bins, found ${bins}`);
  return Uint8Array.from({ length: u.length }, (_, r) => Math.min(bins - 1, Math.floor((u[r] ?? 0) * bins)));
}

/**
 * The main effect of one input on Y. `weights` (frequency weights, default 1 each) let a bootstrap
 * resample rows without copying them.
 */
export function binnedMainEffect(
  bin: Uint8Array,
  y: ArrayLike<number>,
  bins: number,
  weights?: ArrayLike<number>,
): MainEffect {
  const w = new Float64Array(bins);
  const s = new Float64Array(bins);
  const s2 = new Float64Array(bins);
  for (let r = 0; r < bin.length; r++) {
    const k = bin[r] ?? 0;
    const wr = weights === undefined ? 1 : (weights[r] ?? 0);
    if (wr === 0) continue;
    const v = y[r] ?? 0;
    w[k] = (w[k] ?? 0) + wr;
    s[k] = (s[k] ?? 0) + wr * v;
    s2[k] = (s2[k] ?? 0) + wr * v * v;
  }
  let W = 0;
  let S = 0;
  for (let k = 0; k < bins; k++) {
    W += w[k] ?? 0;
    S += s[k] ?? 0;
  }
  const mean = W > 0 ? S / W : Number.NaN;
  let ssb = 0;
  let ssw = 0;
  let abs = 0;
  let used = 0;
  const binMeans: number[] = [];
  for (let k = 0; k < bins; k++) {
    const wk = w[k] ?? 0;
    if (wk === 0) {
      binMeans.push(Number.NaN);
      continue;
    }
    used++;
    const mk = (s[k] ?? 0) / wk;
    binMeans.push(mk);
    ssb += wk * (mk - mean) ** 2;
    ssw += (s2[k] ?? 0) - wk * mk * mk;
    abs += wk * Math.abs(mk - mean);
  }
  const msw = W - used > 0 ? Math.max(0, ssw) / (W - used) : 0;
  const variance = W > 0 ? (ssb - (used - 1) * msw) / W : Number.NaN;
  return {
    binMeans,
    binCounts: [...w],
    mean,
    variance,
    rmsChange: Math.sqrt(Math.max(0, variance)),
    meanAbsChange: W > 0 ? abs / W : Number.NaN,
    noiseFloor: W > 0 ? Math.sqrt((2 * msw * Math.sqrt(2 * (used - 1))) / W) : Number.NaN,
  };
}

/** Bootstrap spread of the root-mean-square change, input by input. */
export interface MainEffectSpread {
  /** standard deviation of √max(0, V̂) over the resamples */
  readonly se: number;
  /** 5th and 95th percentiles of √max(0, V̂) over the resamples */
  readonly lo: number;
  readonly hi: number;
}

/**
 * Bootstrap (Efron & Tibshirani 1993) of `rmsChange` for several inputs at once: each resample
 * draws the rows with replacement (as frequency weights, shared by all inputs) from the seeded
 * stream `u`.
 */
export function mainEffectBootstrap(
  bins: readonly Uint8Array[],
  y: ArrayLike<number>,
  k: number,
  u: () => number,
  resamples: number,
): MainEffectSpread[] {
  const n = y.length;
  const draws = bins.map(() => new Float64Array(resamples));
  const weights = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let r = 0; r < n; r++) {
      const pick = Math.floor(u() * n);
      weights[pick] = (weights[pick] ?? 0) + 1;
    }
    bins.forEach((bin, i) => draws[i]?.fill(binnedMainEffect(bin, y, k, weights).rmsChange, b, b + 1));
  }
  return draws.map((d) => {
    const sorted = Float64Array.from(d).sort();
    let m = 0;
    for (const x of d) m += x;
    m /= d.length;
    let ss = 0;
    for (const x of d) ss += (x - m) ** 2;
    const q = (p: number): number =>
      sorted[Math.min(d.length - 1, Math.floor(p * (d.length - 1)))] ?? Number.NaN;
    return { se: d.length > 1 ? Math.sqrt(ss / (d.length - 1)) : 0, lo: q(0.05), hi: q(0.95) };
  });
}
