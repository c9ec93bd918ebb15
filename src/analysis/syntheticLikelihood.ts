import { logNormalCdf } from './normal.js';
import { reportingVariance, type FitObservation } from './observationModel.js';

/** Cholesky factor (lower, row-major) of a small symmetric positive definite matrix; null if it is not. */
function choleskySmall(a: Float64Array, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (l[i * m + k] ?? 0) * (l[j * m + k] ?? 0);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / (l[j * m + j] ?? 1);
      }
    }
  }
  return l;
}

/** Solves L·x = b in place (L lower triangular, row-major). */
function forwardSolve(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (l[i * m + k] ?? 0) * (b[k] ?? 0);
    b[i] = s / (l[i * m + i] ?? 1);
  }
}

/**
 * ln of the Gaussian synthetic likelihood of the observed figures given K simulations of their
 * model quantities (Wood, Nature 466 (2010) 1102–1104; Price, Drovandi, Lee & Nott, J. Comput.
 * Graph. Stat. 27 (2018) 1–11):
 *
 * μ̂ = the simulations' mean, Ŝ = their covariance (divisor K − 1), and the figures
 * Y ~ N(μ̂, C) with C = Ŝ + diag(rₖ(μ̂ₖ)), rₖ the reporting-noise variance of figure k
 * (observationModel.ts); a low-reliability figure's predictive variance Ŝₖₖ + rₖ is divided by its
 * weight. With E the exact figures and c a lower bound,
 * ℓ = ln N(y_E; μ̂_E, C_EE) + Σ_c ln P(Y_c ≥ y_c | Y_E = y_E),
 * the censored terms from the conditional normal of each bound given the exact figures (exact for
 * one bound; for several, their mutual correlation given y_E is left out).
 *
 * `xs` holds K rows of m quantities (row k, figure j at k·m + j). Returns −∞ when C is singular.
 */
export function syntheticLogLik(fits: readonly FitObservation[], xs: ArrayLike<number>, k: number): number {
  const m = fits.length;
  if (m === 0) return 0;
  const mu = new Float64Array(m);
  for (let r = 0; r < k; r++) for (let j = 0; j < m; j++) mu[j] = (mu[j] ?? 0) + (xs[r * m + j] ?? 0) / k;
  const c = new Float64Array(m * m);
  for (let r = 0; r < k; r++) {
    for (let a = 0; a < m; a++) {
      const da = (xs[r * m + a] ?? 0) - (mu[a] ?? 0);
      for (let b = 0; b <= a; b++)
        c[a * m + b] = (c[a * m + b] ?? 0) + (da * ((xs[r * m + b] ?? 0) - (mu[b] ?? 0))) / (k - 1);
    }
  }
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < a; b++) c[b * m + a] = c[a * m + b] ?? 0;
    const f = fits[a];
    if (f === undefined) continue;
    const total = (c[a * m + a] ?? 0) + reportingVariance(f, mu[a] ?? 0);
    c[a * m + a] = total / f.weight;
  }
  const exact: number[] = [];
  const bounds: number[] = [];
  fits.forEach((f, j) => (f.censored ? bounds : exact).push(j));
  const e = exact.length;
  const cee = new Float64Array(e * e);
  for (let a = 0; a < e; a++)
    for (let b = 0; b < e; b++) cee[a * e + b] = c[(exact[a] ?? 0) * m + (exact[b] ?? 0)] ?? 0;
  const l = choleskySmall(cee, e);
  if (l === null) return -Infinity;
  // whitened residual w = L⁻¹(y_E − μ_E)
  const w = new Float64Array(e);
  exact.forEach((j, a) => (w[a] = (fits[j]?.obs.value ?? 0) - (mu[j] ?? 0)));
  forwardSolve(l, e, w);
  let ll = 0;
  for (let a = 0; a < e; a++)
    ll += -0.5 * (w[a] ?? 0) ** 2 - Math.log(l[a * e + a] ?? 1) - 0.5 * Math.log(2 * Math.PI);
  for (const cj of bounds) {
    // conditional of Y_c given y_E: mean μ_c + vᵀw, variance C_cc − vᵀv with v = L⁻¹ C_Ec
    const v = new Float64Array(e);
    exact.forEach((j, a) => (v[a] = c[j * m + cj] ?? 0));
    forwardSolve(l, e, v);
    let mean = mu[cj] ?? 0;
    let variance = c[cj * m + cj] ?? 0;
    for (let a = 0; a < e; a++) {
      mean += (v[a] ?? 0) * (w[a] ?? 0);
      variance -= (v[a] ?? 0) ** 2;
    }
    const sd = Math.sqrt(Math.max(variance, 1e-9));
    ll += logNormalCdf((mean - (fits[cj]?.obs.value ?? 0)) / sd);
  }
  return ll;
}
