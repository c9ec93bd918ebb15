import type { CompiledModel } from '../model/compile.js';
import { classifyMeasure, type Observation } from '../schema/observed.js';
import { logNormalCdf } from './normal.js';

/**
 * Reporting noise of a figure stated as exact: coefficient of variation 5%. Published counts
 * differ from the model's "valid certificates at year end" by definition (certified vs valid,
 * the date of the list) and rounding; the model's own structural error rides on it too.
 */
export const EXACT_CV = 0.05;
/** Extra noise of an approximate figure (近, "neared", an estimate): CV √(0.05² + 0.10²) ≈ 11%. */
export const APPROX_EXTRA_CV = 0.1;
/**
 * Weight of a low-reliability figure: it counts as half an observation (its predictive variance
 * is doubled, which halves its information about the mean).
 */
export const LOW_RELIABILITY_WEIGHT = 0.5;
/** Variance floor of the reporting noise (one firm): a quantity that is zero in every simulation still has a likelihood. */
const VARIANCE_FLOOR = 1;

/**
 * An observation as the likelihood reads it: which cells of a trajectory's measure buffer
 * (`out[m · years + y]`) make up the simulated quantity x, and its reporting noise.
 * x = Σ `plus` cells − Σ `minus` cells + ρ·Σ `recert` cells: a stock or a yearly flow is one
 * cell; a flow over a span of years sums them; a net increase is this year-end less the last; a
 * published count of new 高企 may include the year's re-certifications with share ρ (a
 * calibrated coordinate). The reported figure is Y = x + e, e ~ N(0, (cv·x)² + 1): the
 * quadratic variance of a negative binomial's over-dispersion, without its Poisson part (process
 * noise is the simulator's). A lower bound is censored: its likelihood is P(Y ≥ value).
 */
export interface FitObservation {
  readonly obs: Observation;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
  /** re-certification cells a published "new 高企" figure may include (share ρ) */
  readonly recert: readonly number[];
  readonly cv: number;
  /** 1, or {@link LOW_RELIABILITY_WEIGHT} */
  readonly weight: number;
  readonly censored: boolean;
}

/** Reporting-noise CV of a figure by its qualifier. */
export function qualifierCv(q: Observation['qualifier']): number {
  return q === 'approximate' ? Math.hypot(EXACT_CV, APPROX_EXTRA_CV) : EXACT_CV;
}

/**
 * Maps an observation onto a model's measure buffer. Returns undefined when the model does not
 * cover its years or measure (callers only pass observations they mean to fit).
 */
export function toFitObservation(obs: Observation, model: CompiledModel): FitObservation | undefined {
  const cls = classifyMeasure(obs.measure);
  const nYears = model.years.length;
  const base = model.years[0] ?? 0;
  const cell = (measure: string, year: number): number | undefined => {
    const m = model.measures.indexOf(measure);
    const y = year - base;
    return m < 0 || y < 0 || y >= nYears ? undefined : m * nYears + y;
  };
  const common = {
    obs,
    cv: qualifierCv(obs.qualifier),
    weight: obs.qualifier === 'low_reliability' ? LOW_RELIABILITY_WEIGHT : 1,
    censored: obs.qualifier === 'lower_bound',
  };
  const year = obs.year.from;
  const cells = (ids: readonly (number | undefined)[]): number[] | undefined =>
    ids.every((i) => i !== undefined) ? (ids as number[]) : undefined;
  switch (cls?.type) {
    case 'stock': {
      const plus = cells([cell(cls.tier, year)]);
      return plus && { ...common, plus, minus: [], recert: [] };
    }
    case 'flow': {
      // flows exist from the year after the base year
      if (year <= base) return undefined;
      const plus = cells([cell(cls.flow, year)]);
      const recert = cls.flow === 'hnte_new' ? cells([cell('hnte_recert', year)]) : [];
      return plus && recert && { ...common, plus, minus: [], recert };
    }
    case 'cumulative': {
      if (obs.year.from <= base) return undefined;
      const years: number[] = [];
      for (let y = obs.year.from; y <= obs.year.to; y++) years.push(y);
      const plus = cells(years.map((y) => cell(cls.flow, y)));
      const recert = cls.flow === 'hnte_new' ? cells(years.map((y) => cell('hnte_recert', y))) : [];
      return plus && recert && { ...common, plus, minus: [], recert };
    }
    case 'net': {
      const plus = cells([cell(cls.tier, year)]);
      const minus = cells([cell(cls.tier, year - 1)]);
      return plus && minus && { ...common, plus, minus, recert: [] };
    }
    default:
      return undefined;
  }
}

/** The simulated quantity of an observation in a measure buffer at `offset`, with re-certification share ρ. */
export function simulatedQuantity(
  f: FitObservation,
  out: Float64Array,
  offset: number,
  recertShare: number,
): number {
  let x = 0;
  for (const i of f.plus) x += out[offset + i] ?? 0;
  for (const i of f.minus) x -= out[offset + i] ?? 0;
  if (f.recert.length > 0 && recertShare > 0) {
    let r = 0;
    for (const i of f.recert) r += out[offset + i] ?? 0;
    x += recertShare * r;
  }
  return x;
}

/** Variance of the reporting noise of a figure whose model quantity is x: (cv·x)² + 1. */
export function reportingVariance(f: FitObservation, x: number): number {
  return (f.cv * x) ** 2 + VARIANCE_FLOOR;
}

/**
 * Predictive probability of the observed figure given the model quantity x (reporting noise
 * only): P(Y ≤ y) for a figure (its probability integral transform), P(Y ≥ y) for a lower bound.
 * Averaged over posterior simulations it is the posterior predictive check: below 0.05 or above
 * 0.95 puts the figure outside the 90% predictive interval.
 */
export function predictiveProbability(f: FitObservation, x: number): number {
  const sd = Math.sqrt(reportingVariance(f, x) / f.weight);
  const y = f.obs.value;
  return Math.exp(f.censored ? logNormalCdf((x - y) / sd) : logNormalCdf((y - x) / sd));
}

/**
 * ln p(y | x) of the figure under reporting noise alone (weighted): the density of
 * N(x, (cv·x)² + 1) at y, or ln P(Y ≥ y) for a lower bound. Used to draw, among a particle's
 * simulations, the one the data condition on.
 */
export function reportingLogLik(f: FitObservation, x: number): number {
  const v = reportingVariance(f, x);
  const y = f.obs.value;
  if (f.censored) return f.weight * logNormalCdf((x - y) / Math.sqrt(v));
  return f.weight * ((-0.5 * ((y - x) * (y - x))) / v - 0.5 * Math.log(2 * Math.PI * v));
}
