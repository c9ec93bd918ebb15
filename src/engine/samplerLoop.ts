import { binomial } from './binomial.js';
import { poisson } from './poisson.js';
import type { Uniform } from './rng.js';

// Parameter sets typical of the model: trial counts 10..5000, probabilities 0.003..0.7, Poisson
// means 1..200. Ten of the sixteen binomial sets take the BTPE branch (n·min(p, 1 − p) ≥ 10), six
// the inversion branch; four of the eight Poisson means take PTRS (mean ≥ 10).
const BINOMIAL_N = new Float64Array([
  10, 10, 25, 40, 60, 150, 150, 400, 400, 1000, 1000, 2500, 2500, 5000, 5000, 5000,
]);
const BINOMIAL_P = new Float64Array([
  0.3, 0.7, 0.05, 0.5, 0.2, 0.003, 0.08, 0.01, 0.35, 0.003, 0.02, 0.004, 0.1, 0.003, 0.05, 0.7,
]);
const POISSON_MEAN = new Float64Array([1, 3, 6, 9, 15, 40, 100, 200]);

/**
 * The "bare sampler" floor for the benchmark: `draws` exact draws alternating between
 * {@link binomial} (cycling through 16 (n, p) sets) and {@link poisson} (cycling through 8 means),
 * with no model around them. Returns the sum of the draws as a checksum, so the work cannot be
 * optimised away and two runs from the same stream can be compared.
 *
 * @param u - uniform source on [0, 1).
 * @param draws - number of draws to make (a non-negative integer).
 */
export function bareSamplerLoop(u: Uniform, draws: number): number {
  let checksum = 0;
  for (let i = 0; i < draws; i++) {
    const j = i >> 1;
    if ((i & 1) === 0) {
      const slot = j & 15;
      checksum += binomial(u, BINOMIAL_N[slot] ?? 0, BINOMIAL_P[slot] ?? 0);
    } else {
      checksum += poisson(u, POISSON_MEAN[j & 7] ?? 0);
    }
  }
  return checksum;
}
