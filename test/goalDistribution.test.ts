import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addValue, createHistogram } from '../src/engine/histogram.js';
import { fixedThreshold, goalDistribution, niceWidth } from '../src/report/goalDistribution.js';

describe('goal distribution', () => {
  it('uses widths of 1, 2 or 5 × 10^k', () => {
    expect(niceWidth(0.3)).toBe(1);
    expect(niceWidth(1.3)).toBe(1);
    expect(niceWidth(1.6)).toBe(2);
    expect(niceWidth(17)).toBe(20);
    expect(niceWidth(40)).toBe(50);
    expect(niceWidth(80)).toBe(100);
  });

  it('knows the smallest count that meets a fixed goal', () => {
    expect(fixedThreshold('>=', 700)).toBe(700);
    expect(fixedThreshold('=', 1100)).toBe(1100);
    expect(fixedThreshold('>', 2200)).toBe(2201);
    expect(fixedThreshold('new-since-base', 500)).toBe(500);
    expect(fixedThreshold('x-base', 2)).toBeUndefined();
    expect(fixedThreshold('net-gain', 350)).toBeUndefined();
  });

  it('keeps every trajectory and puts a fixed threshold on a bin edge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        (values, threshold) => {
          const h = createHistogram();
          for (const v of values) addValue(h, v);
          const d = goalDistribution(h, threshold);
          const inBins = d.counts.reduce((a, b) => a + b, 0);
          expect(inBins + d.below + d.above).toBe(values.length);
          // the 0.5%–99.5% quantile range lies inside the bins, so at most 1% + 2 values fall outside
          expect(d.below + d.above).toBeLessThanOrEqual(Math.ceil(values.length * 0.01) + 2);
          expect(Number.isInteger(d.width) && d.width >= 1).toBe(true);
          if (threshold !== undefined) expect(Number.isInteger((threshold - d.from) / d.width)).toBe(true);
          // every bin is wholly met or missed: values in a bin are all ≥ or all < the threshold
          if (threshold !== undefined) {
            d.counts.forEach((c, i) => {
              const lo = d.from + i * d.width;
              if (c > 0) {
                const members = values.filter((v) => v >= lo && v < lo + d.width);
                expect(members.every((v) => v >= threshold) || members.every((v) => v < threshold)).toBe(
                  true,
                );
              }
            });
          }
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});
