/** Uniform numbers on [0, 1). */
export type Uniform = () => number;

/**
 * The draws the model makes, bound to one trajectory's random stream. The engine supplies the
 * exact samplers; the model never makes a generator of its own.
 */
export interface ProcessSampler {
  /** Binomial(n, p), exact. */
  readonly binomial: (n: number, p: number) => number;
  /** Poisson(mean), exact. */
  readonly poisson: (mean: number) => number;
}
