/** What an evaluator says of one lever value: P(goal) and its Monte Carlo standard error. */
export interface PointEstimate {
  readonly p: number;
  readonly se: number;
}

/** One evaluated lever value, with whatever else the evaluator returned. */
export type Evaluation<E extends PointEstimate> = E & { readonly value: number };

export interface GoalSeekOptions<E extends PointEstimate> {
  /** P(goal) at a lever value; on common random numbers, so that it is smooth in the value */
  readonly evaluate: (value: number) => E | Promise<E>;
  /** the lever's range */
  readonly lower: number;
  readonly upper: number;
  /** the probability P(goal) must reach */
  readonly probability: number;
  /** stop bisecting when the bracket is this narrow */
  readonly tolerance: number;
  /** where bracketing starts (the scenario's own value); default the middle of the range */
  readonly start?: number;
  /** most evaluations in all (default 60) */
  readonly maxEvaluations?: number;
}

/** The range of lever values whose P is within 2 SE of the threshold. */
export interface SeekInterval {
  readonly low: number;
  readonly high: number;
  /** the interval reaches the upper end of the range: P stays within 2 SE of the threshold there */
  readonly openHigh: boolean;
}

export type GoalSeekResult<E extends PointEstimate> =
  | {
      readonly status: 'found';
      /** the smallest value found with P ≥ the threshold (to the tolerance) */
      readonly value: number;
      readonly at: Evaluation<E>;
      /** the largest value evaluated with P below the threshold */
      readonly below: Evaluation<E>;
      readonly interval: SeekInterval;
      readonly evaluations: readonly Evaluation<E>[];
    }
  | {
      /** P ≥ the threshold already at the lower end of the range */
      readonly status: 'at-lower-bound';
      readonly value: number;
      readonly at: Evaluation<E>;
      readonly evaluations: readonly Evaluation<E>[];
    }
  | {
      /** P stays below the threshold at the upper end of the range */
      readonly status: 'not-reachable';
      readonly upper: number;
      readonly at: Evaluation<E>;
      readonly evaluations: readonly Evaluation<E>[];
    }
  | {
      /** the evaluation budget ran out before the bracket was narrow enough */
      readonly status: 'not-converged';
      readonly bracket: readonly [number, number];
      readonly evaluations: readonly Evaluation<E>[];
    };

/**
 * The smallest lever value v in [lower, upper] with P(v) ≥ q, for P non-decreasing in v.
 *
 * Algorithm: evaluate the lower end (met there: done); bracket by doubling the step from `start`
 * upwards (x, lower + 2(x − lower), …, capped at `upper`; unmet at `upper`: not reachable); then
 * bisect the bracket [a, b] with P(a) < q ≤ P(b) until b − a ≤ tolerance (Press et al., Numerical
 * Recipes, §9.1). Every evaluation is cached, and each bisection starts from the tightest bracket
 * the cache holds, so noise that makes P slightly non-monotone cannot stall it.
 *
 * Uncertainty: with s the standard error at the answer, the same search for the levels q − 2s
 * and q + 2s gives [v₋, v₊], the range of lever values whose P is within 2 SE of the threshold.
 * If the evaluator runs on common random numbers, P(v) − P_true(v) is nearly the same offset δ
 * for all v, so when |δ| < 2s the true root lies in [v₋, v₊].
 */
export async function goalSeek<E extends PointEstimate>(o: GoalSeekOptions<E>): Promise<GoalSeekResult<E>> {
  const maxEvals = o.maxEvaluations ?? 60;
  const cache = new Map<number, Evaluation<E>>();
  const evaluate = async (v: number): Promise<Evaluation<E>> => {
    const hit = cache.get(v);
    if (hit !== undefined) return hit;
    const e: Evaluation<E> = { ...(await o.evaluate(v)), value: v };
    cache.set(v, e);
    return e;
  };
  const list = (): Evaluation<E>[] => [...cache.values()].sort((x, y) => x.value - y.value);
  const q = o.probability;
  const lo = await evaluate(o.lower);
  if (lo.p >= q) return { status: 'at-lower-bound', value: o.lower, at: lo, evaluations: list() };

  // bracketing: double the step from the start until the threshold is met or the range ends
  const span = o.upper - o.lower;
  let x = o.start !== undefined && o.start > o.lower && o.start < o.upper ? o.start : o.lower + span / 2;
  for (;;) {
    const e = await evaluate(x);
    if (e.p >= q || x >= o.upper || cache.size >= maxEvals) break;
    x = Math.min(o.upper, o.lower + 2 * (x - o.lower));
  }
  const top = await evaluate(o.upper);
  if (top.p < q && list().every((e) => e.p < q)) {
    return { status: 'not-reachable', upper: o.upper, at: top, evaluations: list() };
  }

  /**
   * The tightest bracket [a, b] around the smallest value with P ≥ level (a: the largest value
   * below b with P < level; a = b at the lower end), bisected until narrower than the tolerance
   * or the evaluation budget is spent; 'unmet' when no evaluated value reaches the level.
   */
  const crossing = async (
    level: number,
  ): Promise<{ a: Evaluation<E>; b: Evaluation<E>; converged: boolean } | 'unmet'> => {
    for (;;) {
      const sorted = list();
      const b = sorted.find((e) => e.p >= level);
      if (b === undefined) return 'unmet';
      const a = [...sorted].reverse().find((e) => e.value < b.value && e.p < level);
      if (a === undefined) return { a: b, b, converged: true };
      if (b.value - a.value <= o.tolerance) return { a, b, converged: true };
      if (cache.size >= maxEvals) return { a, b, converged: false };
      await evaluate(a.value + (b.value - a.value) / 2);
    }
  };
  const root = await crossing(q);
  if (root === 'unmet' || !root.converged) {
    return {
      status: 'not-converged',
      bracket: root === 'unmet' ? [o.lower, o.upper] : [root.a.value, root.b.value],
      evaluations: list(),
    };
  }
  const s = root.b.se;
  // the ends of the interval, each on its safe side when the budget runs out before convergence
  const lowCrossing = q - 2 * s <= lo.p ? 'unmet' : await crossing(q - 2 * s);
  const low =
    lowCrossing === 'unmet' ? o.lower : lowCrossing.converged ? lowCrossing.b.value : lowCrossing.a.value;
  const highCrossing = q + 2 * s <= 1 ? await crossing(q + 2 * s) : 'unmet';
  const openHigh = highCrossing === 'unmet';
  return {
    status: 'found',
    value: root.b.value,
    at: root.b,
    below: root.a,
    interval: {
      low: Math.min(low, root.b.value),
      high: highCrossing === 'unmet' ? o.upper : Math.max(highCrossing.b.value, root.b.value),
      openHigh,
    },
    evaluations: list(),
  };
}
