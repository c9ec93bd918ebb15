import seedrandom from 'seedrandom';

/** A source of uniform numbers on [0, 1). Every sampler takes one as its first argument. */
export type Uniform = () => number;

/**
 * The one place generators are made. A stream is keyed by (seed, purpose, index): the draws of
 * trajectory `index` depend on nothing else, so results do not change with worker count,
 * chunking or order, and two scenarios run with the same seed share their random numbers
 * (common random numbers) trajectory by trajectory.
 *
 * Algorithm: Alea (Johannes Baagøe), as packaged in seedrandom 3; seeded from the string key.
 */
export function stream(seed: string, index: number, purpose = 'traj'): Uniform {
  const prng = seedrandom.alea(streamKey(seed, index, purpose));
  return () => prng();
}

/** The string a stream is seeded from. */
function streamKey(seed: string, index: number, purpose: string): string {
  return `${seed}\u001f${purpose}\u001f${index}`;
}

/** A stream that is re-keyed in place: `u` is the generator, `seek(i)` makes it stream (seed, i, purpose). */
export interface KeyedStream {
  readonly u: Uniform;
  readonly seek: (index: number) => void;
}

/** 2⁻³² */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * One step of Baagøe's Mash hash over `data`, from state `n`: returns the new state. The hash
 * value of the call is `(n >>> 0) · 2⁻³²` of the returned state.
 */
function mash(n0: number, data: string): number {
  let n = n0;
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  return n;
}

const MASH_START = 0xefc8249d;
// Alea's seeding hashes ' ' three times before the key; those states are the same for every key.
const MASH_AFTER_1 = mash(MASH_START, ' ');
const MASH_AFTER_2 = mash(MASH_AFTER_1, ' ');
const MASH_AFTER_3 = mash(MASH_AFTER_2, ' ');
const S0_INIT = (MASH_AFTER_1 >>> 0) * TWO_POW_MINUS_32;
const S1_INIT = (MASH_AFTER_2 >>> 0) * TWO_POW_MINUS_32;
const S2_INIT = (MASH_AFTER_3 >>> 0) * TWO_POW_MINUS_32;

/**
 * The same numbers as {@link stream}(seed, index, purpose), from one generator re-seeded in place
 * for each index: the hot loop allocates nothing per trajectory. The algorithm is Alea
 * (J. Baagøe, 2010) exactly as seedrandom 3 implements it:
 *
 *   seeding: s0, s1, s2 = Mash(' ') three times, then sᵢ −= Mash(key) (+1 if negative), c = 1;
 *   step:    t = 2091639·s0 + c·2⁻³²; s0 = s1; s1 = s2; c = ⌊t⌋ (as int32); s2 = t − c.
 *
 * The Mash state after the key's fixed prefix `seed␟purpose␟` is computed once.
 */
export function keyedStream(seed: string, purpose = 'traj'): KeyedStream {
  const prefixState = mash(MASH_AFTER_3, `${seed}\u001f${purpose}\u001f`);
  // state [s0, s1, s2, c] in a typed array: doubles stored in place (closure variables would be
  // boxed, and every step would allocate)
  const st = new Float64Array(4);
  const u = (): number => {
    const s0 = st[0] ?? 0;
    const c = st[3] ?? 0;
    const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
    const ci = t | 0;
    const s2 = t - ci;
    st[0] = st[1] ?? 0;
    st[1] = st[2] ?? 0;
    st[2] = s2;
    st[3] = ci;
    return s2;
  };
  const seek = (index: number): void => {
    const key = streamKey(seed, index, purpose);
    const n1 = mash(prefixState, String(index));
    const n2 = mash(n1, key);
    const n3 = mash(n2, key);
    const s0 = S0_INIT - (n1 >>> 0) * TWO_POW_MINUS_32;
    const s1 = S1_INIT - (n2 >>> 0) * TWO_POW_MINUS_32;
    const s2 = S2_INIT - (n3 >>> 0) * TWO_POW_MINUS_32;
    st[0] = s0 < 0 ? s0 + 1 : s0;
    st[1] = s1 < 0 ? s1 + 1 : s1;
    st[2] = s2 < 0 ? s2 + 1 : s2;
    st[3] = 1;
  };
  seek(0);
  return { u, seek };
}
