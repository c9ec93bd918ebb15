import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priorQuantile } from '../src/model/priorQuantile.js';

const GRID = 2048;

/** The PERT inverse CDF by binary search on the same tabulated CDF: the reference. */
function pertByBisection(low: number, mode: number, high: number): (u: number) => number {
  const width = high - low;
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
  return (u) => {
    let lo = 0;
    let hi = GRID;
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

describe('priorQuantile (PERT)', () => {
  it('the guide-table search returns exactly what bisection returns', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-6, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 50,
          maxLength: 50,
        }),
        (low, width, modeAt, us) => {
          const high = low + width;
          const mode = low + modeAt * width;
          const q = priorQuantile({ dist: 'pert', low, mode, high, tag: 'I', source: '' });
          const ref = pertByBisection(low, mode, high);
          for (const u of [0, 1 - 2 ** -32, 0.5, 1 / GRID, ...us]) expect(q(u)).toBe(ref(u));
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('is exact on every cell edge of a skewed prior', () => {
    const prior = { dist: 'pert', low: 0, mode: 0.001, high: 1, tag: 'I', source: '' } as const;
    const q = priorQuantile(prior);
    const ref = pertByBisection(0, 0.001, 1);
    for (let j = 0; j < GRID; j++) {
      for (const u of [j / GRID, (j + 0.5) / GRID]) expect(q(u)).toBe(ref(u));
    }
  });
});
