import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIM, primBoxes, primPeel, restrictions } from '../src/analysis/prim.js';
import { stream } from '../src/engine/rng.js';

/** Five uniform inputs; the cases are the rows in the box x₀ < 0.3, x₂ > 0.6, with 5% of labels flipped. */
function synthetic(n: number, seed: string): { x: Float64Array[]; y: Uint8Array } {
  const u = stream(seed, 0, 'prim');
  const x = Array.from({ length: 5 }, () => new Float64Array(n));
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    for (const col of x) col[r] = u();
    const inBox = (x[0]?.[r] ?? 0) < 0.3 && (x[2]?.[r] ?? 0) > 0.6;
    y[r] = (u() < 0.05 ? !inBox : inBox) ? 1 : 0;
  }
  return { x, y };
}

describe('PRIM (scenario discovery)', () => {
  it('recovers a known box: the two inputs that define it, near their bounds, dense and covering', () => {
    const { x, y } = synthetic(5000, 'box');
    const [box] = primBoxes(x, y);
    if (box === undefined) throw new Error('no box');
    expect(restrictions(box)).toBe(2);
    expect(box.lo[0]).toBe(-Infinity);
    expect(box.hi[0]).toBeGreaterThan(0.25);
    expect(box.hi[0]).toBeLessThan(0.35);
    expect(box.lo[2]).toBeGreaterThan(0.55);
    expect(box.lo[2]).toBeLessThan(0.65);
    expect(box.hi[2]).toBe(Infinity);
    for (const d of [1, 3, 4]) {
      expect(box.lo[d]).toBe(-Infinity);
      expect(box.hi[d]).toBe(Infinity);
    }
    // inside the true box 95% are cases; outside ~5% of 88% of rows are mislabelled cases
    expect(box.density).toBeGreaterThan(0.85);
    expect(box.coverage).toBeGreaterThan(0.65);
  });

  it('the peeling trajectory starts from the whole space and stops at the minimum mass', () => {
    const { x, y } = synthetic(2000, 'traj');
    const t = primPeel(x, y, new Uint8Array(2000).fill(1), DEFAULT_PRIM);
    expect(t[0]?.mass).toBe(1);
    expect(t[0]?.coverage).toBe(1);
    const last = t[t.length - 1];
    expect(last?.mass).toBeGreaterThanOrEqual(DEFAULT_PRIM.minMass);
    for (let k = 1; k < t.length; k++) expect(t[k]?.n).toBeLessThan(t[k - 1]?.n ?? 0);
  });

  it('two disjoint boxes are found one after the other (covering)', () => {
    const n = 6000;
    const u = stream('two', 0, 'prim');
    const x = Array.from({ length: 3 }, () => new Float64Array(n));
    const y = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      for (const col of x) col[r] = u();
      const a = x[0]?.[r] ?? 0;
      const b = x[1]?.[r] ?? 0;
      y[r] = (a < 0.2 && b < 0.5) || (a > 0.8 && b > 0.5) ? 1 : 0;
    }
    const boxes = primBoxes(x, y, { ...DEFAULT_PRIM, threshold: 0.9 });
    expect(boxes.length).toBe(2);
    const total = boxes.reduce((a, b) => a + b.coverage, 0);
    expect(total).toBeGreaterThan(0.8);
    for (const b of boxes) expect(b.density).toBeGreaterThan(0.9);
  });
});
