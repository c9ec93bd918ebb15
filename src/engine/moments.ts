/**
 * Running sums for a mean and its standard error: n, Σx, Σx². Mergeable by adding fields;
 * exact in any order while the sums stay integers below 2^53 (counts, differences of counts),
 * and to floating-point rounding otherwise.
 */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export function createMoments(): Moments {
  return { n: 0, sum: 0, sumSq: 0 };
}

export function addMoment(m: Moments, x: number): void {
  m.n += 1;
  m.sum += x;
  m.sumSq += x * x;
}

export function mergeMoments(into: Moments, from: Moments): void {
  into.n += from.n;
  into.sum += from.sum;
  into.sumSq += from.sumSq;
}

export function momentMean(m: Moments): number {
  return m.n === 0 ? Number.NaN : m.sum / m.n;
}

/** Standard error of the mean: s/√n with the sample variance s² = (Σx² − n·x̄²)/(n − 1). */
export function momentStdErr(m: Moments): number {
  if (m.n < 2) return Number.NaN;
  const mean = m.sum / m.n;
  const variance = Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1));
  return Math.sqrt(variance / m.n);
}
