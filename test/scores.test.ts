import { describe, expect, it } from 'vitest';
import { crpsNormal, crpsSample } from '../src/analysis/crps.js';
import { intervalScore } from '../src/analysis/intervalScore.js';
import { fillStandardNormals, logNormalCdf, normalCdf, Z75, Z95 } from '../src/analysis/normal.js';
import { weightedMean, weightedQuantiles } from '../src/analysis/weightedQuantile.js';
import { stream } from '../src/engine/rng.js';

describe('CRPS', () => {
  it('matches hand-computed values of the sample form', () => {
    // E|X − 2| = 2/3, E|X − X′| = 8/9 → 2/3 − 4/9
    expect(crpsSample([1, 2, 3], 2)).toBeCloseTo(2 / 9, 12);
    // a point forecast scores its absolute error
    expect(crpsSample([5], 2)).toBe(3);
    // E|X − 0| = 2, E|X − X′| = 1/2 · 2 → 2 − 1/2
    expect(crpsSample([1, 3], 0)).toBeCloseTo(1.5, 12);
  });

  it('treats weights as repeated members', () => {
    for (const y of [-1, 1.5, 2, 2.7, 10]) {
      expect(crpsSample([1, 2, 3], y, [1, 2, 1])).toBeCloseTo(crpsSample([1, 2, 2, 3], y), 12);
    }
  });

  it('matches the closed form of the normal (scoringRules crps_norm values)', () => {
    // crps_norm(0) = 0.2336950, crps_norm(1) = 0.6024414 (R scoringRules 1.1)
    expect(crpsNormal(0, 1, 0)).toBeCloseTo(0.233695, 6);
    expect(crpsNormal(0, 1, 1)).toBeCloseTo(0.6024414, 6);
    expect(crpsNormal(10, 2, 12)).toBeCloseTo(2 * 0.6024414, 6);
    expect(crpsNormal(3, 0, 5)).toBe(2);
  });

  it('of a large normal sample approaches the closed form within its standard error', () => {
    const m = 20_000;
    const x = new Float64Array(m);
    fillStandardNormals(stream('crps', 0, 'test'), x);
    // standard error of the sample estimate at y = 0.5, from 20 batches of 1,000
    const batches = Array.from({ length: 20 }, (_, b) =>
      crpsSample(x.subarray(b * 1000, (b + 1) * 1000), 0.5),
    );
    const mean = batches.reduce((a, b) => a + b, 0) / 20;
    const se = Math.sqrt(batches.reduce((a, b) => a + (b - mean) ** 2, 0) / 19 / 20);
    expect(Math.abs(crpsSample(x, 0.5) - crpsNormal(0, 1, 0.5))).toBeLessThan(4 * se + 1e-3);
  });
});

describe('interval score', () => {
  it('is the width inside the interval and adds 2/α times the miss outside', () => {
    expect(intervalScore(1, 3, 2, 0.1)).toBe(2);
    expect(intervalScore(1, 3, 0, 0.1)).toBeCloseTo(22, 12);
    expect(intervalScore(1, 3, 4, 0.1)).toBeCloseTo(22, 12);
    expect(intervalScore(1, 3, 4, 0.5)).toBeCloseTo(6, 12);
    expect(intervalScore(1, 3, 3, 0.5)).toBe(2);
  });
});

describe('normal distribution', () => {
  it('has the textbook CDF values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(Z95)).toBeCloseTo(0.95, 7);
    expect(normalCdf(-Z75)).toBeCloseTo(0.25, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
  });

  it('keeps the log CDF accurate far into the lower tail', () => {
    // ln Φ(−30) = −450 − ln 30 − ½ ln 2π + ln(1 − 1/900 + 3/810000 − …) = −454.3212…
    expect(logNormalCdf(-30)).toBeCloseTo(-454.32124, 3);
    expect(logNormalCdf(8)).toBeCloseTo(-6.22e-16, 12);
  });

  it('draws standard normals with mean 0 and variance 1 within their standard errors', () => {
    const n = 40_000;
    const x = new Float64Array(n);
    fillStandardNormals(stream('normals', 1, 'test'), x);
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const v = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe('weighted quantiles', () => {
  it('inverts the empirical CDF', () => {
    expect(weightedQuantiles([3, 1, 2], [0, 0.5, 1])).toEqual([1, 2, 3]);
    expect(weightedQuantiles([1, 2, 3, 4], [0.25, 0.5, 0.75])).toEqual([1, 2, 3]);
    expect(weightedQuantiles([1, 2, 3], [0.5], [1, 0, 3])).toEqual([3]);
    expect(weightedQuantiles([1, 2, 3], [0.25], [1, 0, 3])).toEqual([1]);
    expect(weightedMean([1, 2, 3], [1, 0, 3])).toBe(2.5);
  });
});
