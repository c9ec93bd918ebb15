/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123–143), as used for scenario discovery
 * (Bryant & Lempert 2010, "Thinking inside the box", Technological Forecasting and Social Change
 * 77:34–49): find a box — a few bounds on a few inputs — inside which the cases of interest (here,
 * trajectories that miss the goal) are dense, and say how many of them it holds.
 *
 * Inputs are columns `x[d]` (one value per case) and `y` (1: a case of interest). A box is a
 * closed interval [lo_d, hi_d] per input; ±Infinity marks an input the box does not restrict.
 */

export interface PrimBox {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** cases (all rows) inside the box */
  readonly n: number;
  /** cases of interest inside the box */
  readonly hits: number;
  /** n / all rows */
  readonly mass: number;
  /** hits / n */
  readonly density: number;
  /** hits / all cases of interest */
  readonly coverage: number;
}

export interface PrimOptions {
  /** share of the box's points peeled (and pasted) a step: α, 0.05 (Friedman & Fisher) */
  readonly alpha: number;
  /** peeling stops before the box holds fewer than this share of all rows: β₀, 0.05 */
  readonly minMass: number;
  /** the density a box should reach; the selected box is the one with the most coverage that does */
  readonly threshold: number;
  /** at most this many inputs restricted in a reported box (readability) */
  readonly maxRestrictions: number;
  /** a restriction is dropped when it adds less than this to the density */
  readonly minDensityGain: number;
  /** at most this many boxes (covering: each next box is found among the rows outside the earlier ones) */
  readonly maxBoxes: number;
}

export const DEFAULT_PRIM: PrimOptions = {
  alpha: 0.05,
  minMass: 0.05,
  threshold: 0.8,
  maxRestrictions: 3,
  minDensityGain: 0.01,
  maxBoxes: 3,
};

type Columns = readonly ArrayLike<number>[];

function inside(x: Columns, lo: readonly number[], hi: readonly number[], r: number, skip = -1): boolean {
  for (let d = 0; d < x.length; d++) {
    if (d === skip) continue;
    const v = x[d]?.[r] ?? 0;
    if (v < (lo[d] ?? -Infinity) || v > (hi[d] ?? Infinity)) return false;
  }
  return true;
}

/** Box statistics over the rows in `scope` (1: counted), against `total` rows and `totalHits` cases. */
export function boxStats(
  x: Columns,
  y: ArrayLike<number>,
  lo: readonly number[],
  hi: readonly number[],
  scope?: Uint8Array,
): PrimBox {
  let n = 0;
  let hits = 0;
  let all = 0;
  let allHits = 0;
  for (let r = 0; r < y.length; r++) {
    if (scope !== undefined && scope[r] !== 1) continue;
    all++;
    allHits += y[r] ?? 0;
    if (inside(x, lo, hi, r)) {
      n++;
      hits += y[r] ?? 0;
    }
  }
  return {
    lo: [...lo],
    hi: [...hi],
    n,
    hits,
    mass: all > 0 ? n / all : 0,
    density: n > 0 ? hits / n : 0,
    coverage: allHits > 0 ? hits / allHits : 0,
  };
}

/**
 * The peeling trajectory (Friedman & Fisher 1999, §4.1): starting from the box holding every row in
 * `scope`, each step removes the α share of the box's rows from the low or high end of one input —
 * the peel that leaves the highest density — until the next box would hold fewer than β₀ of the
 * rows. Returns the boxes in order (the first is the whole scope). Columns are pre-sorted once, so
 * a step costs O(rows × inputs).
 */
export function primPeel(x: Columns, y: ArrayLike<number>, scope: Uint8Array, opts: PrimOptions): PrimBox[] {
  const dims = x.length;
  const rows = y.length;
  const order = x.map((col) =>
    Int32Array.from({ length: rows }, (_, r) => r).sort((a, b) => (col[a] ?? 0) - (col[b] ?? 0)),
  );
  const inBox = Uint8Array.from(scope);
  const lo = Array<number>(dims).fill(-Infinity);
  const hi = Array<number>(dims).fill(Infinity);
  let n = 0;
  let hits = 0;
  for (let r = 0; r < rows; r++) {
    if (inBox[r] !== 1) continue;
    n++;
    hits += y[r] ?? 0;
  }
  const minRows = Math.max(1, Math.ceil(opts.minMass * n));
  const trajectory: PrimBox[] = [boxStats(x, y, lo, hi, scope)];
  for (;;) {
    const peel = Math.max(1, Math.floor(opts.alpha * n));
    let best = { mean: -Infinity, d: -1, side: 0, bound: 0, removed: 0, removedHits: 0 };
    for (let d = 0; d < dims; d++) {
      const ord = order[d];
      const col = x[d];
      if (ord === undefined || col === undefined) continue;
      for (const side of [0, 1]) {
        // walk from this end: the first `peel` rows of the box go, and any tied with the last
        let seen = 0;
        let removedHits = 0;
        let bound = Number.NaN;
        for (let k = 0; k < rows; k++) {
          const r = ord[side === 0 ? k : rows - 1 - k] ?? 0;
          if (inBox[r] !== 1) continue;
          const v = col[r] ?? 0;
          if (seen >= peel && v !== bound) {
            bound = v;
            break;
          }
          bound = v;
          seen++;
          removedHits += y[r] ?? 0;
        }
        const removed = seen;
        const left = n - removed;
        if (left < minRows) continue;
        const mean = (hits - removedHits) / left;
        if (mean > best.mean) best = { mean, d, side, bound, removed, removedHits };
      }
    }
    if (best.d < 0) break;
    const col = x[best.d];
    if (col === undefined) break;
    for (let r = 0; r < rows; r++) {
      if (inBox[r] !== 1) continue;
      const v = col[r] ?? 0;
      if ((best.side === 0 && v < best.bound) || (best.side === 1 && v > best.bound)) inBox[r] = 0;
    }
    if (best.side === 0) lo[best.d] = best.bound;
    else hi[best.d] = best.bound;
    n -= best.removed;
    hits -= best.removedHits;
    trajectory.push(boxStats(x, y, lo, hi, scope));
  }
  return trajectory;
}

/**
 * The box of a peeling trajectory to report: among the boxes whose density reaches the threshold
 * (all boxes when none does), the one with the largest weighted relative accuracy
 * WRAcc = mass · (density − base rate), the base rate being the density of the whole scope
 * (Lavrač, Flach & Zupan 1999, "Rule evaluation measures: a unifying view", ILP-99). WRAcc is 0 for
 * the whole space and for a box no denser than it, and trades coverage against density the way
 * Bryant & Lempert (2010) pick a box by eye on the trajectory.
 */
export function selectBox(trajectory: readonly PrimBox[], threshold: number): PrimBox | undefined {
  const base = trajectory[0]?.density ?? 0;
  const reached = trajectory.filter((b) => b.density >= threshold);
  const pool = reached.length > 0 ? reached : trajectory;
  let best: PrimBox | undefined;
  let bestScore = -Infinity;
  for (const b of pool) {
    const score = b.mass * (b.density - base);
    if (score > bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Bottom-up pasting (Friedman & Fisher 1999, §4.2): widen one side of one input by the α share of
 * the box's rows (the nearest rows outside it that meet every other bound) while that raises the
 * density.
 */
export function primPaste(
  x: Columns,
  y: ArrayLike<number>,
  box: PrimBox,
  scope: Uint8Array,
  opts: PrimOptions,
): PrimBox {
  let current = box;
  for (;;) {
    let best: PrimBox | undefined;
    const add = Math.max(1, Math.floor(opts.alpha * current.n));
    for (let d = 0; d < x.length; d++) {
      const col = x[d];
      if (col === undefined) continue;
      for (const side of [0, 1]) {
        const bound = side === 0 ? current.lo[d] : current.hi[d];
        if (bound === undefined || !Number.isFinite(bound)) continue;
        const outside: number[] = [];
        for (let r = 0; r < y.length; r++) {
          if (scope[r] !== 1 || !inside(x, current.lo, current.hi, r, d)) continue;
          const v = col[r] ?? 0;
          if (side === 0 ? v < bound : v > bound) outside.push(v);
        }
        if (outside.length === 0) continue;
        outside.sort((a, b) => (side === 0 ? b - a : a - b));
        const edge = outside[Math.min(add, outside.length) - 1] ?? bound;
        const lo = [...current.lo];
        const hi = [...current.hi];
        if (side === 0) lo[d] = outside.length <= add ? -Infinity : edge;
        else hi[d] = outside.length <= add ? Infinity : edge;
        const cand = boxStats(x, y, lo, hi, scope);
        if (cand.density > (best ?? current).density) best = cand;
      }
    }
    if (best === undefined) return current;
    current = best;
  }
}

/** Number of inputs a box restricts. */
export function restrictions(box: Pick<PrimBox, 'lo' | 'hi'>): number {
  let k = 0;
  for (let d = 0; d < box.lo.length; d++) {
    if (Number.isFinite(box.lo[d] ?? -Infinity) || Number.isFinite(box.hi[d] ?? Infinity)) k++;
  }
  return k;
}

/**
 * Drops restrictions for readability: repeatedly removes the input whose bounds add least to the
 * density, while the box restricts more than `maxRestrictions` inputs or that input adds less than
 * `minDensityGain` (Bryant & Lempert 2010 ask for few restricted inputs; cf. the EMA Workbench's
 * box "resampling" of restrictions).
 */
export function pruneBox(
  x: Columns,
  y: ArrayLike<number>,
  box: PrimBox,
  scope: Uint8Array,
  opts: PrimOptions,
): PrimBox {
  let current = box;
  for (;;) {
    const k = restrictions(current);
    if (k === 0) return current;
    let best: PrimBox | undefined;
    for (let d = 0; d < x.length; d++) {
      if (!Number.isFinite(current.lo[d] ?? -Infinity) && !Number.isFinite(current.hi[d] ?? Infinity))
        continue;
      const lo = [...current.lo];
      const hi = [...current.hi];
      lo[d] = -Infinity;
      hi[d] = Infinity;
      const cand = boxStats(x, y, lo, hi, scope);
      if (best === undefined || cand.density > best.density) best = cand;
    }
    if (best === undefined) return current;
    if (k > opts.maxRestrictions || current.density - best.density < opts.minDensityGain) current = best;
    else return current;
  }
}

/**
 * Scenario discovery by covering (Friedman & Fisher 1999, §5): peel, select, paste and prune a box;
 * then look for the next box among the rows outside it, up to `maxBoxes`. A later box is kept only
 * if it reaches the density threshold and holds at least 5% of the cases of interest. Statistics
 * of each returned box are over all rows.
 */
export function primBoxes(x: Columns, y: ArrayLike<number>, opts: PrimOptions = DEFAULT_PRIM): PrimBox[] {
  const rows = y.length;
  const scope = new Uint8Array(rows).fill(1);
  const boxes: PrimBox[] = [];
  for (let b = 0; b < opts.maxBoxes; b++) {
    const trajectory = primPeel(x, y, scope, opts);
    const chosen = selectBox(trajectory, opts.threshold);
    if (chosen === undefined) break;
    const box = pruneBox(x, y, primPaste(x, y, chosen, scope, opts), scope, opts);
    const overall = boxStats(x, y, box.lo, box.hi);
    if (b > 0 && (box.density < opts.threshold || overall.coverage < 0.05 || restrictions(box) === 0)) break;
    boxes.push(overall);
    if (restrictions(box) === 0) break;
    let left = 0;
    for (let r = 0; r < rows; r++) {
      if (scope[r] === 1 && inside(x, box.lo, box.hi, r)) scope[r] = 0;
      if (scope[r] === 1) left += y[r] ?? 0;
    }
    if (left === 0) break;
  }
  return boxes;
}
