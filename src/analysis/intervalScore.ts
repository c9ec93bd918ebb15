/**
 * Interval score of a central (1 − α) prediction interval [l, u] at the outcome y
 * (Gneiting & Raftery, JASA 102 (2007) 359–378, eq. 43):
 * IS_α(l, u; y) = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}.
 * The width plus a penalty for a miss that grows with the distance and with the interval's
 * nominal coverage. Lower is better; in the units of y.
 */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
  let s = upper - lower;
  if (y < lower) s += (2 / alpha) * (lower - y);
  if (y > upper) s += (2 / alpha) * (y - upper);
  return s;
}
