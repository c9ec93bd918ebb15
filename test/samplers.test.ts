import fc from 'fast-check';
import { gammaln } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { binomial } from '../src/engine/binomial.js';
import { logFactorial } from '../src/engine/logFactorial.js';
import { poisson } from '../src/engine/poisson.js';
import { stream, type Uniform } from '../src/engine/rng.js';
import { bareSamplerLoop } from '../src/engine/samplerLoop.js';

const SEED = 'samplers-test';
const DRAWS = 200_000;
/** Tolerance, in standard errors, for the moment checks. */
const Z = 4;
/** χ² p-values below this fail the goodness-of-fit checks. */
const ALPHA = 1e-4;

// ---------------------------------------------------------------------------------------------
// Reference distributions and the χ² test (independent of the code under test: log-pmfs use
// simple-statistics' Lanczos `gammaln`, not src/engine/logFactorial.ts).

const lnFact = (k: number): number => gammaln(k + 1);

function binomialLogPmf(n: number, p: number): (k: number) => number {
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const lnFactN = lnFact(n);
  return (k) => lnFactN - lnFact(k) - lnFact(n - k) + k * logP + (n - k) * logQ;
}

function poissonLogPmf(mean: number): (k: number) => number {
  const logMean = Math.log(mean);
  return (k) => -mean + k * logMean - lnFact(k);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series for x < a + 1, Lentz's
 * continued fraction otherwise (Press et al., Numerical Recipes, §6.2).
 */
function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let i = 1; i < 100_000; i++) {
      term *= x / (a + i);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P(χ²_df > stat). */
function chiSquaredSurvival(stat: number, df: number): number {
  return regularizedGammaQ(df / 2, stat / 2);
}

interface SampleSummary {
  readonly mean: number;
  readonly variance: number;
  readonly chiSquared: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Draw `count` values and summarise them against a reference distribution with the given mean,
 * standard deviation and log-pmf on {0, …, max}. For the χ² test the support is cut to
 * mean ± 12 sd (the mass outside is < 1e-30), adjacent values are pooled left to right until
 * each cell expects ≥ 5 draws, the leftover right tail joins the last cell, and draws outside
 * the window fall into the end cells.
 */
function summarise(
  draw: () => number,
  count: number,
  ref: {
    readonly mean: number;
    readonly sd: number;
    readonly max: number;
    readonly logPmf: (k: number) => number;
  },
): SampleSummary {
  const lo = Math.max(0, Math.floor(ref.mean - 12 * ref.sd - 10));
  const hi = Math.min(ref.max, Math.ceil(ref.mean + 12 * ref.sd + 10));
  const hist = new Float64Array(hi - lo + 1);
  // Sums of deviations from the true mean keep the sums of squares exact enough at mean 1e6.
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < count; i++) {
    const x = draw();
    const d = x - ref.mean;
    sum += d;
    sumSq += d * d;
    const bin = Math.min(hi, Math.max(lo, x)) - lo;
    hist[bin] = (hist[bin] ?? 0) + 1;
  }
  const meanDev = sum / count;
  const variance = (sumSq - count * meanDev * meanDev) / (count - 1);

  const expected: number[] = [];
  const observed: number[] = [];
  let e = 0;
  let o = 0;
  for (let k = lo; k <= hi; k++) {
    e += count * Math.exp(ref.logPmf(k));
    o += hist[k - lo] ?? 0;
    if (e >= 5) {
      expected.push(e);
      observed.push(o);
      e = 0;
      o = 0;
    }
  }
  const last = expected.length - 1;
  // The last cell takes the leftover partial cell and everything beyond: expected totals `count`.
  expected[last] = count - expected.slice(0, last).reduce((acc, v) => acc + v, 0);
  observed[last] = (observed[last] ?? 0) + o;
  let chiSquared = 0;
  expected.forEach((ex, i) => {
    const diff = (observed[i] ?? 0) - ex;
    chiSquared += (diff * diff) / ex;
  });
  const df = expected.length - 1;
  return { mean: ref.mean + meanDev, variance, chiSquared, df, pValue: chiSquaredSurvival(chiSquared, df) };
}

function binomialReference(n: number, p: number) {
  const q = 1 - p;
  const variance = n * p * q;
  return {
    mean: n * p,
    sd: Math.sqrt(variance),
    max: n,
    logPmf: binomialLogPmf(n, p),
    variance,
    // Central fourth moment of Binomial(n, p): 3(npq)² + npq(1 − 6pq).
    mu4: 3 * variance * variance + variance * (1 - 6 * p * q),
  };
}

function poissonReference(mean: number) {
  return {
    mean,
    sd: Math.sqrt(mean),
    max: Number.POSITIVE_INFINITY,
    logPmf: poissonLogPmf(mean),
    variance: mean,
    mu4: mean + 3 * mean * mean,
  };
}

function expectMomentsAndFit(
  s: SampleSummary,
  ref: { readonly mean: number; readonly variance: number; readonly mu4: number },
  count: number,
): void {
  const seMean = Math.sqrt(ref.variance / count);
  const seVariance = Math.sqrt((ref.mu4 - ref.variance * ref.variance) / count);
  expect(Math.abs(s.mean - ref.mean)).toBeLessThan(Z * seMean);
  expect(Math.abs(s.variance - ref.variance)).toBeLessThan(Z * seVariance);
  expect(s.df).toBeGreaterThanOrEqual(1);
  expect(s.pValue).toBeGreaterThan(ALPHA);
}

/** A deliberately wrong sampler: rounded normal with the right mean and variance. */
function roundedNormal(u: Uniform, mean: number, sd: number): number {
  // Box–Muller; 1 − u() keeps the logarithm finite.
  const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return Math.max(0, Math.round(mean + sd * z));
}

// ---------------------------------------------------------------------------------------------

describe('χ² survival helper', () => {
  it('matches reference quantiles', () => {
    // Upper 5% points of χ² (R: qchisq(0.95, df); scipy.stats.chi2.isf(0.05, df)).
    expect(chiSquaredSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquaredSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
    expect(chiSquaredSurvival(124.34211340400408, 100)).toBeCloseTo(0.05, 12);
    // df = 2 is exponential: P(χ²₂ > x) = e^(−x/2).
    expect(chiSquaredSurvival(30, 2) / Math.exp(-15)).toBeCloseTo(1, 12);
    // Upper 0.1% point of χ²₁₀₀ and 0.01% point of χ²₁₀₀₀ (scipy.stats.chi2.isf).
    expect(chiSquaredSurvival(149.4492527790389, 100) / 1e-3).toBeCloseTo(1, 10);
    expect(chiSquaredSurvival(1174.933496584159, 1000) / 1e-4).toBeCloseTo(1, 10);
  });
});

describe('logFactorial', () => {
  it('agrees with ln(k!) computed directly', () => {
    let factorial = 1;
    for (let k = 0; k <= 170; k++) {
      if (k > 0) factorial *= k;
      expect(Math.abs(logFactorial(k) - Math.log(factorial))).toBeLessThan(
        1e-13 * Math.max(1, Math.log(factorial)),
      );
    }
    let sumLogs = 0;
    for (let k = 1; k <= 100_000; k++) {
      sumLogs += Math.log(k);
      if (k % 997 === 0) expect(Math.abs(logFactorial(k) / sumLogs - 1)).toBeLessThan(1e-13);
    }
  });
});

// Branches: inv = sequential-search inversion (n·min(p, 1−p) < 10), btpe = BTPE; "flip" = p > ½.
const BINOMIAL_GRID: readonly (readonly [n: number, p: number, branch: string])[] = [
  [5, 0.3, 'inv'],
  [20, 0.02, 'inv'],
  [12, 0.75, 'inv, flip'],
  [100, 0.07, 'inv'],
  [1000, 0.0099, 'inv, n·p = 9.9'],
  [20, 0.5, 'btpe, n·p = 10'],
  [200, 0.95, 'btpe, flip, n·(1−p) = 10'],
  [30, 0.5, 'btpe'],
  [1000, 0.3, 'btpe'],
  [5000, 0.9, 'btpe, flip'],
  [100_000, 0.5, 'btpe'],
  [1_000_000, 0.001, 'btpe'],
];

describe('binomial', () => {
  it.each(BINOMIAL_GRID)('Binomial(%d, %d) [%s]: mean, variance and χ² fit', (n, p) => {
    const u = stream(SEED, 0, `binomial-${n}-${p}`);
    const ref = binomialReference(n, p);
    const s = summarise(() => binomial(u, n, p), DRAWS, ref);
    expectMomentsAndFit(s, ref, DRAWS);
  });

  it('rejects a sampler whose p is 2% too high (the tests have power)', () => {
    for (const [n, p] of [
      [100, 0.07],
      [30, 0.5],
      [1000, 0.3],
    ] as const) {
      const u = stream(SEED, 1, `binomial-wrong-${n}-${p}`);
      const s = summarise(() => binomial(u, n, p * 1.02), DRAWS, binomialReference(n, p));
      expect(s.pValue).toBeLessThan(ALPHA);
    }
  });

  it('rejects a rounded normal approximation with the right mean and variance', () => {
    const [n, p] = [1000, 0.01];
    const u = stream(SEED, 2, 'binomial-normal');
    const ref = binomialReference(n, p);
    const s = summarise(() => roundedNormal(u, ref.mean, ref.sd), DRAWS, ref);
    expect(s.pValue).toBeLessThan(ALPHA);
  });

  it('handles the edge cases without drawing', () => {
    const u: Uniform = () => {
      throw new Error('no uniform should be drawn');
    };
    expect(binomial(u, 0, 0.3)).toBe(0);
    expect(binomial(u, 0, 1)).toBe(0);
    expect(binomial(u, 10, 0)).toBe(0);
    expect(binomial(u, 10, -0.5)).toBe(0);
    expect(binomial(u, 10, 1)).toBe(10);
    expect(binomial(u, 10, 1.5)).toBe(10);
  });

  it('throws RangeError for an invalid n or p', () => {
    const u = stream(SEED, 0, 'binomial-errors');
    for (const n of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => binomial(u, n, 0.5)).toThrow(RangeError);
    }
    for (const p of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => binomial(u, 10, p)).toThrow(RangeError);
    }
    expect(() => binomial(u, -1, 0.5)).toThrow(/non-negative integer; got n = -1/);
    expect(() => binomial(u, 10, Number.NaN)).toThrow(/finite number; got p = NaN/);
  });

  it('returns an integer in [0, n] (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, n, p) => {
          const u = stream(seed, 0, 'binomial-property');
          for (let i = 0; i < 20; i++) {
            const x = binomial(u, n, p);
            if (!Number.isInteger(x) || x < 0 || x > n) return false;
          }
          return true;
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });
});

const POISSON_MEANS: readonly (readonly [mean: number, branch: string])[] = [
  [0.5, 'inv'],
  [3, 'inv'],
  [9.9, 'inv'],
  [10, 'ptrs'],
  [25, 'ptrs'],
  [100, 'ptrs'],
  [1e4, 'ptrs'],
  [1e6, 'ptrs'],
];

describe('poisson', () => {
  it.each(POISSON_MEANS)('Poisson(%d) [%s]: mean, variance and χ² fit', (mean) => {
    const u = stream(SEED, 0, `poisson-${mean}`);
    const ref = poissonReference(mean);
    const s = summarise(() => poisson(u, mean), DRAWS, ref);
    expectMomentsAndFit(s, ref, DRAWS);
  });

  it('rejects a sampler whose mean is 2% too high (the tests have power)', () => {
    for (const mean of [3, 100]) {
      const u = stream(SEED, 1, `poisson-wrong-${mean}`);
      const s = summarise(() => poisson(u, mean * 1.02), DRAWS, poissonReference(mean));
      expect(s.pValue).toBeLessThan(ALPHA);
    }
  });

  it('rejects a rounded normal approximation with the right mean and variance', () => {
    const u = stream(SEED, 2, 'poisson-normal');
    const ref = poissonReference(10);
    const s = summarise(() => roundedNormal(u, ref.mean, ref.sd), DRAWS, ref);
    expect(s.pValue).toBeLessThan(ALPHA);
  });

  it('returns 0 for mean 0 without drawing', () => {
    const u: Uniform = () => {
      throw new Error('no uniform should be drawn');
    };
    expect(poisson(u, 0)).toBe(0);
  });

  it('throws RangeError for a negative, NaN or infinite mean', () => {
    const u = stream(SEED, 0, 'poisson-errors');
    for (const mean of [-1, -1e-300, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => poisson(u, mean)).toThrow(RangeError);
    }
    expect(() => poisson(u, -1)).toThrow(/finite mean >= 0; got mean = -1/);
  });

  it('returns a non-negative integer (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 1e7, noNaN: true }), (seed, mean) => {
        const u = stream(seed, 0, 'poisson-property');
        for (let i = 0; i < 20; i++) {
          const x = poisson(u, mean);
          if (!Number.isInteger(x) || x < 0) return false;
        }
        return true;
      }),
      { seed: 1, numRuns: 300 },
    );
  });
});

describe('huge parameters', () => {
  // Too wide for per-value χ² cells; the moments guard against a breakdown of the rounding-sensitive
  // steps (BTPE step 5.3, the PTRS log-pmf), which are checked against 50-digit arithmetic offline.
  const count = 50_000;
  it.each([
    ['Binomial(1e12, 0.3)', binomialReference(1e12, 0.3), (u: Uniform) => binomial(u, 1e12, 0.3)],
    ['Binomial(2^50, 0.999)', binomialReference(2 ** 50, 0.999), (u: Uniform) => binomial(u, 2 ** 50, 0.999)],
    ['Poisson(1e12)', poissonReference(1e12), (u: Uniform) => poisson(u, 1e12)],
  ] as const)('%s: mean and variance', (label, ref, sampler) => {
    const u = stream(SEED, 0, label);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < count; i++) {
      const d = sampler(u) - ref.mean;
      sum += d;
      sumSq += d * d;
    }
    const meanDev = sum / count;
    const variance = (sumSq - count * meanDev * meanDev) / (count - 1);
    expect(Math.abs(meanDev)).toBeLessThan(Z * Math.sqrt(ref.variance / count));
    expect(Math.abs(variance - ref.variance)).toBeLessThan(
      Z * Math.sqrt((ref.mu4 - ref.variance * ref.variance) / count),
    );
  });
});

describe('determinism', () => {
  const PARAMS = [
    ...BINOMIAL_GRID.map(([n, p]) => ['binomial', n, p] as const),
    ...POISSON_MEANS.map(([m]) => ['poisson', m, 0] as const),
  ];
  const sequence = (seed: string, index: number): number[] => {
    const u = stream(seed, index, 'determinism');
    const out: number[] = [];
    for (let i = 0; i < 50; i++) {
      for (const [kind, a, b] of PARAMS) out.push(kind === 'binomial' ? binomial(u, a, b) : poisson(u, a));
    }
    return out;
  };

  it('the same stream seed gives the same sequence; another index gives another', () => {
    expect(sequence('a', 3)).toEqual(sequence('a', 3));
    expect(sequence('a', 3)).not.toEqual(sequence('a', 4));
    expect(sequence('a', 3)).not.toEqual(sequence('b', 3));
  });

  it('same seed → same draws (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.nat(),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, index, n, p) => {
          const u1 = stream(seed, index, 'determinism-property');
          const u2 = stream(seed, index, 'determinism-property');
          for (let i = 0; i < 10; i++) {
            if (binomial(u1, n, p) !== binomial(u2, n, p)) return false;
            if (poisson(u1, n * p) !== poisson(u2, n * p)) return false;
          }
          return true;
        },
      ),
      { seed: 2, numRuns: 200 },
    );
  });

  it('bareSamplerLoop is reproducible and its checksum is near the expected sum', () => {
    const a = bareSamplerLoop(stream(SEED, 0, 'loop'), 32_000);
    expect(bareSamplerLoop(stream(SEED, 0, 'loop'), 32_000)).toBe(a);
    // 1000 passes over the 16 binomial and 8 Poisson parameter sets (twice each for Poisson).
    const binomialMeans = [3, 7, 1.25, 20, 12, 0.45, 12, 4, 140, 3, 20, 10, 250, 15, 250, 3500];
    const poissonMeans = [1, 3, 6, 9, 15, 40, 100, 200];
    const expected =
      1000 * (binomialMeans.reduce((s, v) => s + v, 0) + 2 * poissonMeans.reduce((s, v) => s + v, 0));
    expect(Math.abs(a - expected) / expected).toBeLessThan(0.002);
  });
});
