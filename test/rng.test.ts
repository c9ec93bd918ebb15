import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedStream, stream } from '../src/engine/rng.js';

const firstDraws = (u: () => number, k: number): number[] => Array.from({ length: k }, () => u());

describe('keyedStream', () => {
  it('gives the same numbers as stream(seed, index, purpose) at every index it seeks to', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string(),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        (seed, purpose, indices) => {
          const k = keyedStream(seed, purpose);
          for (const i of indices) {
            k.seek(i);
            expect(firstDraws(k.u, 20)).toEqual(firstDraws(stream(seed, i, purpose), 20));
          }
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('starts at index 0 and defaults to the same purpose as stream', () => {
    expect(firstDraws(keyedStream('s').u, 5)).toEqual(firstDraws(stream('s', 0), 5));
  });

  it('seeking back to an index restarts its stream', () => {
    const k = keyedStream('seed', 'proc');
    k.seek(41);
    const a = firstDraws(k.u, 10);
    k.seek(42);
    k.u();
    k.seek(41);
    expect(firstDraws(k.u, 10)).toEqual(a);
  });
});
