import { normalCdf, normalPdf } from './normal.js';

/**
 * Continuous ranked probability score of a (weighted) sample forecast at the outcome y, the
 * energy form of Gneiting & Raftery (2007, eq. 21):
 * CRPS(F, y) = E|X − y| − ½ E|X − X′|, X, X′ ~ F independent,
 * with F the sample's empirical distribution (weights wᵢ, normalised; equal when omitted). With
 * the sample sorted, E|X − X′| = 2 Σᵢ wᵢ x₍ᵢ₎ (W₍<ᵢ₎ − W₍>ᵢ₎), O(m log m). For equal weights this
 * is the estimator `crps_sample` of the R package scoringRules (Jordan, Krüger & Lerch, J. Stat.
 * Softw. 90 (2019)). Lower is better; in the units of y.
 *
 * References: T. Gneiting & A. E. Raftery, "Strictly proper scoring rules, prediction, and
 * estimation", JASA 102 (2007) 359–378.
 */
export function crpsSample(sample: ArrayLike<number>, y: number, weights?: ArrayLike<number>): number {
  const m = sample.length;
  if (m === 0) return Number.NaN;
  const idx = Array.from({ length: m }, (_, i) => i).sort((a, b) => (sample[a] ?? 0) - (sample[b] ?? 0));
  let total = 0;
  for (let i = 0; i < m; i++) total += weights === undefined ? 1 : Math.max(0, weights[i] ?? 0);
  if (!(total > 0)) return Number.NaN;
  let absDev = 0;
  let spread = 0;
  let below = 0;
  for (const i of idx) {
    const w = (weights === undefined ? 1 : Math.max(0, weights[i] ?? 0)) / total;
    const x = sample[i] ?? 0;
    absDev += w * Math.abs(x - y);
    const above = 1 - below - w;
    spread += 2 * w * x * (below - above);
    below += w;
  }
  return absDev - 0.5 * spread;
}

/**
 * CRPS of a normal forecast N(μ, σ²) at y, in closed form (Gneiting, Raftery, Westveld &
 * Goldman, Mon. Weather Rev. 133 (2005) 1098–1118, eq. 5):
 * CRPS = σ [z (2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ; |y − μ| when σ = 0.
 */
export function crpsNormal(mean: number, sd: number, y: number): number {
  if (!(sd > 0)) return Math.abs(y - mean);
  const z = (y - mean) / sd;
  return sd * (z * (2 * normalCdf(z) - 1) + 2 * normalPdf(z) - 1 / Math.sqrt(Math.PI));
}
