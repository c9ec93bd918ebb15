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
  const prng = seedrandom.alea(`${seed}\u001f${purpose}\u001f${index}`);
  return () => prng();
}
