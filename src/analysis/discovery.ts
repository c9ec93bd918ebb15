import type { SensitivityReport } from '../schema/sensitivity.js';
import { round, sig } from './designContext.js';
import type { Factor } from './factors.js';
import { DEFAULT_PRIM, primBoxes, type PrimBox } from './prim.js';

type Discovery = SensitivityReport['discovery']['failure'];

/** Fewest cases (and non-cases) for which a region is sought. */
const MIN_CASES = 20;

/**
 * Scenario discovery: PRIM boxes (prim.ts) over the inputs' uniforms `columns` where `cases` = 1,
 * with the density threshold max(0.8, (1 + base rate)/2) — a box must be clearly denser than the
 * space as a whole. Bounds are reported in the inputs' units and as prior percentiles.
 */
export function discoverRegion(
  factors: readonly Factor[],
  columns: readonly Float64Array[],
  cases: Uint8Array,
  what: string,
): Discovery {
  const n = cases.length;
  let count = 0;
  for (const v of cases) count += v;
  const rate = n > 0 ? count / n : 0;
  const threshold = round(Math.max(DEFAULT_PRIM.threshold, (1 + rate) / 2), 3);
  if (factors.length === 0 || count < MIN_CASES || n - count < MIN_CASES) {
    return {
      cases: count,
      baseRate: round(rate, 4),
      threshold,
      boxes: [],
      note: `Too few trajectories ${count < MIN_CASES ? `where the goal is ${what}` : 'where it is not'} (${Math.min(count, n - count)} of ${n}) to describe a region.`,
    };
  }
  const rules = (b: PrimBox): Discovery['boxes'][number]['rules'] =>
    factors.flatMap((f, d) => {
      const lo = b.lo[d] ?? -Infinity;
      const hi = b.hi[d] ?? Infinity;
      if (!Number.isFinite(lo) && !Number.isFinite(hi)) return [];
      return [
        {
          factor: f.name,
          lower: Number.isFinite(lo) ? sig(f.value(lo)) : null,
          upper: Number.isFinite(hi) ? sig(f.value(hi)) : null,
          lowerPercentile: Number.isFinite(lo) ? round(100 * lo, 1) : null,
          upperPercentile: Number.isFinite(hi) ? round(100 * hi, 1) : null,
        },
      ];
    });
  const boxes = primBoxes(columns, cases, { ...DEFAULT_PRIM, threshold })
    .map((b) => ({
      rules: rules(b),
      mass: round(b.mass, 4),
      density: round(b.density, 4),
      coverage: round(b.coverage, 4),
      n: b.n,
      cases: b.hits,
    }))
    .filter((b) => b.rules.length > 0);
  const top = boxes[0];
  return {
    cases: count,
    baseRate: round(rate, 4),
    threshold,
    boxes,
    note:
      top === undefined
        ? `No region of the inputs concentrates the trajectories where the goal is ${what}: they are spread across the space.`
        : top.density < threshold
          ? `No box reaches a density of ${threshold}; the box shown is the best trade-off of density and coverage found (weighted relative accuracy).`
          : null,
  };
}
