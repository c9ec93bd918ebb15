import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalSeek } from '../src/analysis/goalSeek.js';

/**
 * A synthetic evaluator with a known answer: P(v) = logistic((v − c)/s), observed with a fixed
 * offset δ·SE, as a Monte Carlo estimate on common random numbers would be (the same noise at
 * every v). The smallest v with P_true(v) ≥ q is v* = c + s·ln(q/(1 − q)).
 */
function synthetic(c: number, s: number, n: number, delta: number, q: number) {
  const se0 = Math.sqrt((q * (1 - q)) / n);
  const evaluate = (v: number): { p: number; se: number } => {
    const p = Math.min(1, Math.max(0, 1 / (1 + Math.exp(-(v - c) / s)) + delta * se0));
    return { p, se: Math.sqrt((p * (1 - p)) / n) };
  };
  return { evaluate, root: c + s * Math.log(q / (1 - q)) };
}

describe('goal-seek on a synthetic evaluator with a known root', () => {
  it('finds the root within its reported uncertainty (offsets up to 1.5 SE)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -50, max: 150, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.integer({ min: 200, max: 20_000 }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.55, max: 0.95, noNaN: true }),
        fc.double({ min: 60, max: 300, noNaN: true }),
        async (c, s, n, delta, q, width) => {
          const { evaluate, root } = synthetic(c, s, n, delta, q);
          const lower = root - width / 2;
          const upper = root + width / 2;
          const tolerance = width / 1000;
          const r = await goalSeek({
            evaluate,
            lower,
            upper,
            probability: q,
            tolerance,
            start: lower + width / 3,
          });
          expect(r.status).toBe('found');
          if (r.status !== 'found') return;
          expect(r.interval.low - tolerance).toBeLessThanOrEqual(root);
          expect(r.interval.high + tolerance).toBeGreaterThanOrEqual(root);
          expect(r.interval.low).toBeLessThanOrEqual(r.value);
          expect(r.interval.high).toBeGreaterThanOrEqual(r.value);
          // the answer meets the threshold and the value just below it does not
          expect(r.at.p).toBeGreaterThanOrEqual(q);
          expect(r.below.p).toBeLessThan(q);
          expect(r.value - r.below.value).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 300, seed: 20240611 },
    );
  });

  it('without noise the answer is the root to the tolerance, and the interval narrows as runs grow', async () => {
    const widths: number[] = [];
    for (const n of [1000, 100_000]) {
      const { evaluate, root } = synthetic(40, 5, n, 0, 0.8);
      const r = await goalSeek({ evaluate, lower: 0, upper: 100, probability: 0.8, tolerance: 0.01 });
      if (r.status !== 'found') throw new Error(r.status);
      expect(Math.abs(r.value - root)).toBeLessThanOrEqual(0.01);
      widths.push(r.interval.high - r.interval.low);
    }
    expect(widths[1]).toBeLessThan((widths[0] ?? 0) / 5);
  });

  it('"not reachable within the range" and "met at the lower end" are answers, not errors', async () => {
    const { evaluate } = synthetic(40, 5, 1000, 0, 0.8);
    const unreachable = await goalSeek({ evaluate, lower: 0, upper: 30, probability: 0.8, tolerance: 0.01 });
    expect(unreachable.status).toBe('not-reachable');
    if (unreachable.status === 'not-reachable') {
      expect(unreachable.upper).toBe(30);
      expect(unreachable.at.p).toBeLessThan(0.8);
    }
    const already = await goalSeek({ evaluate, lower: 60, upper: 100, probability: 0.8, tolerance: 0.01 });
    expect(already.status).toBe('at-lower-bound');
    if (already.status === 'at-lower-bound') expect(already.value).toBe(60);
  });

  it('stops at the evaluation budget with the bracket it has', async () => {
    const { evaluate } = synthetic(40, 5, 1000, 0, 0.8);
    let calls = 0;
    const r = await goalSeek({
      evaluate: (v) => {
        calls += 1;
        return evaluate(v);
      },
      lower: 0,
      upper: 100,
      probability: 0.8,
      tolerance: 1e-9,
      maxEvaluations: 12,
    });
    expect(r.status).toBe('not-converged');
    expect(calls).toBeLessThanOrEqual(12);
    if (r.status === 'not-converged') {
      expect(r.bracket[0]).toBeLessThan(47);
      expect(r.bracket[1]).toBeGreaterThan(46.9);
    }
  });
});
