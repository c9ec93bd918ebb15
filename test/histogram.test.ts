import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  addValue,
  bucketOf,
  bucketRange,
  createHistogram,
  histogramFromJson,
  histogramToJson,
  mergeInto,
  quantile,
} from '../src/engine/histogram.js';
import { priorMean, priorQuantile } from '../src/model/priorQuantile.js';

describe('integer histogram', () => {
  it('quantiles below 4096 are exact order statistics (inverse empirical CDF)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4095 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (xs, q) => {
          const h = createHistogram();
          for (const x of xs) addValue(h, x);
          const sorted = [...xs].sort((a, b) => a - b);
          // type 1: the smallest x with F(x) ≥ q  →  sorted[ceil(q·n) − 1]
          const expected = sorted[Math.max(1, Math.ceil(q * sorted.length - 1e-9)) - 1];
          expect(quantile(h, q)).toBe(expected);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('large values land in buckets narrower than 1/2048 of the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (v) => {
        const { low, width } = bucketRange(bucketOf(v));
        expect(v).toBeGreaterThanOrEqual(low);
        expect(v).toBeLessThan(low + width);
        if (v >= 4096) expect(width / v).toBeLessThanOrEqual(1 / 2048);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('medians of large values agree with the exact median within the bucket error', () => {
    const xs = Array.from({ length: 999 }, (_, i) => 10_000 + i * 37);
    const h = createHistogram();
    for (const x of xs) addValue(h, x);
    const exact = quantileSorted(xs, 0.5);
    expect(Math.abs(quantile(h, 0.5) - exact) / exact).toBeLessThan(1 / 2048);
  });

  it('merging is exact and independent of order; JSON round-trips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 50 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const all = createHistogram();
          for (const p of parts) for (const x of p) addValue(all, x);
          const fwd = createHistogram();
          const rev = createHistogram();
          const hs = parts.map((p) => {
            const h = createHistogram();
            for (const x of p) addValue(h, x);
            return h;
          });
          for (const h of hs) mergeInto(fwd, h);
          for (const h of [...hs].reverse()) mergeInto(rev, h);
          const j = JSON.stringify(histogramToJson(all));
          expect(JSON.stringify(histogramToJson(fwd))).toBe(j);
          expect(JSON.stringify(histogramToJson(rev))).toBe(j);
          expect(JSON.stringify(histogramToJson(histogramFromJson(histogramToJson(all))))).toBe(j);
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe('prior quantile functions', () => {
  it('PERT: monotone, within bounds, mean (a + 4m + b)/6', () => {
    const prior = { dist: 'pert', low: 0.45, mode: 0.7, high: 0.9, tag: 'S', source: 'test' } as const;
    const q = priorQuantile(prior);
    let prev = -Infinity;
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = q((i + 0.5) / n);
      expect(x).toBeGreaterThanOrEqual(prev);
      expect(x).toBeGreaterThanOrEqual(0.45);
      expect(x).toBeLessThanOrEqual(0.9);
      prev = x;
      sum += x;
    }
    // a midpoint-rule integral of the quantile function is the mean; grid error well below 1e-3
    expect(Math.abs(sum / n - priorMean(prior))).toBeLessThan(1e-3);
    // mode: the density peaks where the quantile function is flattest
    const median = q(0.5);
    expect(median).toBeGreaterThan(0.65);
    expect(median).toBeLessThan(0.72);
  });

  it('uniform and fixed', () => {
    expect(priorQuantile({ dist: 'uniform', low: 2, high: 4, tag: 'I', source: 't' })(0.25)).toBeCloseTo(
      2.5,
      12,
    );
    expect(priorQuantile({ dist: 'fixed', value: 3, tag: 'I', source: 't' })(0.9)).toBe(3);
  });
});
