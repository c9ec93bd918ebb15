import type { Uniform } from '../engine/rng.js';

// Chebyshev fit of erfc (Press et al., "Numerical Recipes", 2nd ed., §6.2, erfcc): fractional
// error below 1.2e-7 everywhere, in a form whose logarithm is exact in the far tails.
function logErfcPositive(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

/**
 * ln Φ(x), the log of the standard normal CDF: Φ(x) = ½ erfc(−x/√2), with erfc from the
 * Chebyshev fit of Press et al. (1992) §6.2 (fractional error < 1.2e-7), accurate in logs far
 * into the lower tail.
 */
export function logNormalCdf(x: number): number {
  const z = -x / Math.SQRT2;
  if (z >= 0) return Math.log(0.5) + logErfcPositive(z);
  return Math.log1p(-0.5 * Math.exp(logErfcPositive(-z)));
}

/** Φ(x), the standard normal CDF (see {@link logNormalCdf}). */
export function normalCdf(x: number): number {
  return Math.exp(logNormalCdf(x));
}

/** φ(x) = exp(−x²/2)/√(2π), the standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** ln of the N(mean, sd²) density at x. */
export function normalLogPdf(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
}

/** Standard normal quantiles used for the central intervals: z such that Φ(z) = 0.75, 0.95. */
export const Z75 = 0.6744897501960817;
export const Z95 = 1.6448536269514722;

/**
 * Fills `out` with independent standard normal draws by the Box–Muller transform,
 * z₁ = √(−2 ln u₁) cos 2πu₂, z₂ = √(−2 ln u₁) sin 2πu₂ (Box & Muller, Ann. Math. Stat. 29
 * (1958) 610–611). Takes 2·⌈n/2⌉ uniforms from `u`.
 */
export function fillStandardNormals(
  u: Uniform,
  out: Float64Array,
  offset = 0,
  n = out.length - offset,
): void {
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const a = 2 * Math.PI * u();
    out[offset + i] = r * Math.cos(a);
    if (i + 1 < n) out[offset + i + 1] = r * Math.sin(a);
  }
}
