/**
 * A mergeable histogram of non-negative integers, in the manner of HdrHistogram (Tene):
 * values below 4,096 are counted exactly; above, each power-of-two octave is cut into 2,048
 * equal buckets, so a bucket's width is at most 1/2,048 of its values (relative error
 * < 0.05%). Memory depends on the range of values, never on how many are added; two
 * histograms merge by adding counts, exactly, in any order.
 */
export interface IntHistogram {
  /** counts of buckets offset, offset + 1, …; grows in both directions as values arrive */
  counts: Float64Array;
  /** bucket index of counts[0] */
  offset: number;
  /** number of values added */
  total: number;
  /** exact sum of the values (integers, exact below 2^53) */
  sum: number;
}

const EXACT_BITS = 12; // values < 4096 exact
const SUB_BITS = 11; // 2048 buckets per octave above
const EXACT_LIMIT = 1 << EXACT_BITS;
const SUB_COUNT = 1 << SUB_BITS;

export function createHistogram(): IntHistogram {
  return { counts: new Float64Array(0), offset: 0, total: 0, sum: 0 };
}

/** Bucket index of a non-negative integer value. */
export function bucketOf(value: number): number {
  if (value < EXACT_LIMIT) return value;
  if (value < 2 ** 31) {
    // the same index with integer operations (money in yuan lands here, often: the hot path)
    const octave = 31 - Math.clz32(value) - EXACT_BITS;
    const sub = (value >>> (octave + EXACT_BITS - SUB_BITS)) - SUB_COUNT;
    return EXACT_LIMIT + octave * SUB_COUNT + sub;
  }
  const octave = Math.floor(Math.log2(value)) - EXACT_BITS; // 0 for [4096, 8192)
  const shift = octave + EXACT_BITS - SUB_BITS;
  const sub = Math.floor(value / 2 ** shift) - SUB_COUNT; // 0..2047
  return EXACT_LIMIT + octave * SUB_COUNT + Math.min(SUB_COUNT - 1, Math.max(0, sub));
}

/** Smallest value of a bucket, and the bucket's width. */
export function bucketRange(index: number): { low: number; width: number } {
  if (index < EXACT_LIMIT) return { low: index, width: 1 };
  const rel = index - EXACT_LIMIT;
  const octave = Math.floor(rel / SUB_COUNT);
  const sub = rel - octave * SUB_COUNT;
  const width = 2 ** (octave + EXACT_BITS - SUB_BITS);
  return { low: (SUB_COUNT + sub) * width, width };
}

/** Makes room for bucket `index`, with slack so that growing is rare. */
function ensure(h: IntHistogram, index: number): void {
  const len = h.counts.length;
  if (len === 0) {
    h.counts = new Float64Array(16);
    h.offset = Math.max(0, index - 8);
    return;
  }
  if (index >= h.offset && index < h.offset + len) return;
  const lo = Math.min(h.offset, index);
  const hi = Math.max(h.offset + len - 1, index);
  const span = hi - lo + 1;
  const slack = Math.max(16, span >> 1);
  const newOffset = index < h.offset ? Math.max(0, lo - slack) : lo;
  const grown = new Float64Array(hi - newOffset + 1 + (index < h.offset ? 0 : slack));
  grown.set(h.counts, h.offset - newOffset);
  h.counts = grown;
  h.offset = newOffset;
}

/** Adds one value (a non-negative integer; negatives and fractions are a programming error). */
export function addValue(h: IntHistogram, value: number): void {
  const v = value < 0 ? 0 : Math.round(value);
  const i = bucketOf(v);
  let k = i - h.offset;
  if (k < 0 || k >= h.counts.length) {
    ensure(h, i);
    k = i - h.offset;
  }
  h.counts[k] = (h.counts[k] ?? 0) + 1;
  h.total += 1;
  h.sum += v;
}

/** Adds the counts of `from` into `into`. Exact and order-free. */
export function mergeInto(into: IntHistogram, from: IntHistogram): void {
  for (let k = 0; k < from.counts.length; k++) {
    const c = from.counts[k] ?? 0;
    if (c === 0) continue;
    const i = from.offset + k;
    ensure(into, i);
    const j = i - into.offset;
    into.counts[j] = (into.counts[j] ?? 0) + c;
  }
  into.total += from.total;
  into.sum += from.sum;
}

/**
 * The q-quantile as the inverse of the empirical CDF (Hyndman & Fan type 1): the smallest value
 * x with F(x) ≥ q. Exact below 4,096; above, the middle of the bucket (rounded).
 * Returns NaN for an empty histogram.
 */
export function quantile(h: IntHistogram, q: number): number {
  if (h.total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * h.total - 1e-9));
  let cum = 0;
  let last = h.offset;
  for (let k = 0; k < h.counts.length; k++) {
    const c = h.counts[k] ?? 0;
    if (c === 0) continue;
    last = h.offset + k;
    cum += c;
    if (cum >= rank) break;
  }
  const { low, width } = bucketRange(last);
  return width === 1 ? low : Math.round(low + (width - 1) / 2);
}

/** Mean of the values added (NaN when empty). */
export function mean(h: IntHistogram): number {
  return h.total === 0 ? Number.NaN : h.sum / h.total;
}

/** Sparse, JSON-friendly form: [bucket, count] pairs in bucket order. */
export interface HistogramJson {
  total: number;
  sum: number;
  buckets: [number, number][];
}

export function histogramToJson(h: IntHistogram): HistogramJson {
  const buckets: [number, number][] = [];
  for (let k = 0; k < h.counts.length; k++) {
    const c = h.counts[k] ?? 0;
    if (c !== 0) buckets.push([h.offset + k, c]);
  }
  return { total: h.total, sum: h.sum, buckets };
}

export function histogramFromJson(j: HistogramJson): IntHistogram {
  const h = createHistogram();
  for (const [i, c] of j.buckets) {
    ensure(h, i);
    h.counts[i - h.offset] = c;
  }
  h.total = j.total;
  h.sum = j.sum;
  return h;
}

/** Visits every non-empty bucket in value order: its smallest value, its width and its count. */
export function forEachBucket(
  h: IntHistogram,
  visit: (low: number, width: number, count: number) => void,
): void {
  for (let k = 0; k < h.counts.length; k++) {
    const c = h.counts[k] ?? 0;
    if (c === 0) continue;
    const { low, width } = bucketRange(h.offset + k);
    visit(low, width, c);
  }
}
