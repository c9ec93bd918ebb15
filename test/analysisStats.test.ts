import { describe, expect, it } from 'vitest';
import { binOf, binnedMainEffect, mainEffectBootstrap } from '../src/analysis/binnedMainEffect.js';
import { pairedDifference } from '../src/analysis/pairedDifference.js';
import { stream } from '../src/engine/rng.js';

describe('binned main effect (value of information)', () => {
  const n = 20_000;
  const K = 20;
  const u = stream('voi', 0, 'test');
  const x = Float64Array.from({ length: n }, () => u());
  const noise = Float64Array.from({ length: n }, () => u());
  // P(Y = 1 | x) = x: Var(E[Y | x]) = 1/12; equal-probability bins keep 1/12 · (1 − 1/K²) of it
  const y = Uint8Array.from({ length: n }, (_, r) => ((noise[r] ?? 0) < (x[r] ?? 0) ? 1 : 0));
  const bx = binOf(x, K);
  const bnull = binOf(
    Float64Array.from({ length: n }, () => u()),
    K,
  );

  it('recovers Var(E[Y | x]) within 3 bootstrap standard errors; an unrelated input gets ≈ 0', () => {
    const e = binnedMainEffect(bx, y, K);
    const [spread, nullSpread] = mainEffectBootstrap([bx, bnull], y, K, stream('voi', 0, 'boot'), 200);
    if (spread === undefined || nullSpread === undefined) throw new Error('missing spread');
    const exact = Math.sqrt((1 / 12) * (1 - 1 / K ** 2));
    expect(Math.abs(e.rmsChange - exact)).toBeLessThan(3 * spread.se);
    expect(spread.se).toBeLessThan(0.01);
    const none = binnedMainEffect(bnull, y, K);
    // without the ANOVA correction the null spread would be ≈ √((K − 1)/n · 1/4) ≈ 0.015
    expect(none.variance).toBeLessThan((3 * 0.25 * Math.sqrt(2 * (K - 1))) / n);
    expect(none.rmsChange).toBeLessThan(e.rmsChange / 5);
    // the noise floor separates the two
    expect(e.rmsChange).toBeGreaterThan(e.noiseFloor);
    expect(none.rmsChange).toBeLessThan(none.noiseFloor);
    // the expected absolute change of a linear P(Y | x) = x is E|x − 1/2| = 1/4
    expect(e.meanAbsChange).toBeCloseTo(0.25, 1);
  });

  it('bins need 2 to 255 cells', () => {
    expect(() => binOf([0.5], 1)).toThrow(/2 to 255 bins/);
  });
});

describe('paired differences', () => {
  it('mean and standard error of b − a', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 2, 5, 4]);
    expect(d.diff).toBe(0.75);
    // differences 1, 0, 2, 0: s² = (0.0625 + 0.5625 + 1.5625 + 0.5625)/3
    expect(d.se).toBeCloseTo(Math.sqrt(2.75 / 3 / 4), 12);
    expect(d.changed).toBe(2);
    expect(d.meanA).toBe(2.5);
  });
});
