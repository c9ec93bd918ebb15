import type { CompiledModel } from '../model/compile.js';
import { withSamples, type ParamSamples } from '../model/paramSource.js';
import { simulateRows, type RowJob } from '../engine/simulateRows.js';
import type { Observation } from '../schema/observed.js';
import { PARAM_NAMES } from '../schema/params.js';
import { normalCdf } from './normal.js';
import {
  reportingLogLik,
  simulatedQuantity,
  toFitObservation,
  type FitObservation,
} from './observationModel.js';
import { regionModel, regionModelSpec } from './regionModel.js';
import {
  BASE_DIM0,
  baseCounts,
  BREAK_DIM,
  RECERT_DIM,
  regionSetup,
  type RegionSetup,
} from './regionSetup.js';
import { plannedSimulations, runSmc, type SmcResult } from './smc.js';
import { syntheticLogLik } from './syntheticLikelihood.js';
import { stream } from '../engine/rng.js';
import { specModel, type SpecModel } from '../engine/runBlocks.js';
import type { SampledRowsInput } from '../engine/workKinds.js';

/** Particles of a calibration unless asked otherwise. */
export const DEFAULT_PARTICLES = 500;
/**
 * Simulations behind each likelihood estimate: enough for the synthetic likelihood's covariance
 * of up to about ten figures (docs/calibration.md gives the spread of the log-estimate it gives).
 */
export const DEFAULT_SIMS_PER_PARTICLE = 16;
export const DEFAULT_CALIBRATION_SEED = '1';
/** Rows per block when a batch of rows is simulated: the piece a worker thread takes. */
export const ROW_BLOCK = 250;

export interface CalibrateOptions {
  readonly region: string;
  /** fit observations up to and including this year (default: all) */
  readonly until?: number;
  /** a regime break: first-certification applications may shift from this year on */
  readonly breakYear?: number;
  readonly particles?: number;
  /** simulations per likelihood estimate */
  readonly simsPerParticle?: number;
  /** rows per block of simulations (the result does not depend on it) */
  readonly blockSize?: number;
  readonly seed?: string;
  /** awaited between batches of simulations (see `SmcOptions.checkpoint`) */
  readonly checkpoint?: () => Promise<void>;
  /** runs the simulations (default: {@link serialRowRunner}, this thread); the result does not depend on it */
  readonly runRows?: RowRunner;
  /** told, before every batch, about how many trajectories the fit will run in all (progress only) */
  readonly expect?: (trajectories: number) => void;
}

/**
 * Simulates rows [0, count) of a region model with given parameters (`rows`: each row's
 * parameters and stream index, engine/simulateRows.ts) and returns their measure buffers, row
 * after row. Every row depends only on (model, rows, seed, row), so any runner — this thread in
 * blocks, or a worker pool (app/poolRows.ts) — gives the same numbers.
 */
export type RowRunner = (model: SpecModel, rows: SampledRowsInput, count: number) => Promise<Float64Array>;

/** The runner of this thread: {@link runRows} in blocks of `block` rows. */
export function serialRowRunner(block = ROW_BLOCK): RowRunner {
  return (model, rows, count) =>
    Promise.resolve(
      runRows(
        { model: withSamples(model.model, rows.samples), streams: rows.streams },
        rows.seed,
        count,
        block,
      ),
    );
}

/** Trajectories a fit of `particles` particles is first taken to run (it starts worker threads or not). */
export function plannedFitTrajectories(
  particles = DEFAULT_PARTICLES,
  simsPerParticle = DEFAULT_SIMS_PER_PARTICLE,
): number {
  return plannedSimulations(particles) * simsPerParticle;
}

/** A finished calibration: the set-up, the observations as fitted, the sampler's output. */
export interface Calibration {
  readonly setup: RegionSetup;
  readonly seed: string;
  /** simulations per likelihood estimate: particle state s holds streams s·K … s·K + K − 1 */
  readonly simsPerParticle: number;
  /** the model the fit ran (base year to the last fitted year) */
  readonly model: CompiledModel;
  readonly fits: readonly FitObservation[];
  readonly smc: SmcResult;
  /** final particles in value space, rows of `setup.dims.length` */
  readonly values: Float64Array;
  /** the initial (prior) particles in value space */
  readonly priorValues: Float64Array;
}

export type CalibrateResult =
  | { readonly status: 'ok'; readonly calibration: Calibration }
  | {
      readonly status: 'setup-failed';
      /** why: no figure to fit, no 高企 stock to anchor the base year, a break year too early */
      readonly reason: 'no-observations' | 'no-anchor' | 'bad-break';
      readonly message: string;
    };

/** Maps probit coordinates to values: u = Φ(z) kept inside (0, 1), then each prior's inverse CDF. */
export function toValues(setup: RegionSetup, z: Float64Array, count: number): Float64Array {
  const d = setup.dims.length;
  const v = new Float64Array(count * d);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < d; k++) {
      const u = Math.min(1 - 1e-12, Math.max(1e-12, normalCdf(z[i * d + k] ?? 0)));
      v[i * d + k] = setup.dims[k]?.quantile(u) ?? 0;
    }
  }
  return v;
}

/**
 * Parameter samples for a region model, equally weighted: row r holds value row ⌊r / repeat⌋
 * (model parameters, base counts, break multiplier).
 */
export function samplesFromValues(
  setup: RegionSetup,
  values: Float64Array,
  rows: number,
  repeat = 1,
): ParamSamples {
  const count = rows * repeat;
  const d = setup.dims.length;
  const P = PARAM_NAMES.length;
  const params = new Float64Array(count * P);
  const base = new Float64Array(count * 5);
  const breakDim = setup.dims.findIndex((x) => x.name === BREAK_DIM);
  const shift = breakDim >= 0 ? new Float64Array(count) : null;
  const cum = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = Math.floor(i / repeat) * d;
    params.set(values.subarray(v, v + P), i * P);
    base.set(baseCounts(values, v + BASE_DIM0), i * 5);
    if (shift !== null) shift[i] = values[v + breakDim] ?? 1;
    cum[i] = (i + 1) / count;
  }
  if (count > 0) cum[count - 1] = 1;
  return { count, params, base, shift, cumWeights: cum };
}

/**
 * Simulates every row of a job, block by block ({@link ROW_BLOCK} rows unless told): the one place
 * calibration runs trajectories, so a worker pool can take the blocks. The result does not
 * depend on the block size.
 */
export function runRows(job: RowJob, seed: string, count: number, block = ROW_BLOCK): Float64Array {
  const width = job.model.measures.length * job.model.years.length;
  const out = new Float64Array(count * width);
  for (let start = 0; start < count; start += block) {
    const n = Math.min(block, count - start);
    out.set(simulateRows(job, seed, start, n), start * width);
  }
  return out;
}

/** Index of the re-certification share among the coordinates. */
function recertIndex(setup: RegionSetup): number {
  return setup.dims.findIndex((x) => x.name === RECERT_DIM);
}

/**
 * Calibrates a region's model to its observed counts: sets the region up (regionSetup.ts), then
 * samples the posterior of every model parameter, the base counts, the re-certification share of
 * "new" figures and (with a break year) the break multiplier, with the tempered SMC sampler of
 * smc.ts. Each particle's likelihood comes from one simulated trajectory through the observation
 * model (observationModel.ts). Pure and seeded.
 */
export async function calibrateRegion(
  observations: readonly Observation[],
  opts: CalibrateOptions,
): Promise<CalibrateResult> {
  const set = regionSetup(observations, {
    region: opts.region,
    ...(opts.until !== undefined ? { until: opts.until } : {}),
    ...(opts.breakYear !== undefined ? { breakYear: opts.breakYear } : {}),
  });
  if (set.status !== 'ok') return { status: 'setup-failed', reason: set.status, message: set.message };
  const setup = set.setup;
  const seed = opts.seed ?? DEFAULT_CALIBRATION_SEED;
  // made once: a worker thread compiles it with the first batch it takes and keeps it
  const source = specModel(regionModelSpec(setup, setup.lastYear));
  const model = source.model;
  const run = opts.runRows ?? serialRowRunner(opts.blockSize);
  const fits = setup.fitted.flatMap((o) => {
    const f = toFitObservation(o, model);
    return f === undefined ? [] : [f];
  });
  const width = model.measures.length * model.years.length;
  const ri = recertIndex(setup);
  const d = setup.dims.length;
  const K = opts.simsPerParticle ?? DEFAULT_SIMS_PER_PARTICLE;
  const m = fits.length;
  const smc = await runSmc(
    {
      dim: d,
      payloadWidth: K * m,
      async evaluate(z, count, firstSim, logLik, payload) {
        const values = toValues(setup, z, count);
        const rows: SampledRowsInput = {
          seed,
          samples: samplesFromValues(setup, values, count, K),
          streams: Float64Array.from(
            { length: count * K },
            (_, r) => (firstSim + Math.floor(r / K)) * K + (r % K),
          ),
        };
        const outs = await run(source, rows, count * K);
        for (let j = 0; j < count; j++) {
          const rho = values[j * d + ri] ?? 0;
          const xs = payload.subarray(j * K * m, (j + 1) * K * m);
          for (let k = 0; k < K; k++) {
            fits.forEach((f, a) => (xs[k * m + a] = simulatedQuantity(f, outs, (j * K + k) * width, rho)));
          }
          logLik[j] = syntheticLogLik(fits, xs, K);
        }
      },
    },
    {
      particles: opts.particles ?? DEFAULT_PARTICLES,
      seed,
      ...(opts.checkpoint !== undefined ? { checkpoint: opts.checkpoint } : {}),
      ...(opts.expect !== undefined
        ? {
            expect: (simulations: number) => {
              opts.expect?.(simulations * K);
            },
          }
        : {}),
    },
  );
  return {
    status: 'ok',
    calibration: {
      setup,
      seed,
      simsPerParticle: K,
      model,
      fits,
      smc,
      values: toValues(setup, smc.z, smc.particles),
      priorValues: toValues(setup, smc.priorZ, smc.particles),
    },
  };
}

/**
 * For each final particle, the stream of the simulation the data condition on: one of its K
 * simulations, drawn with probability ∝ p(y | x) under reporting noise alone (self-normalised
 * importance sampling of the process noise given the parameters). Re-run to a later horizon, it
 * continues a path that went through the observed figures.
 */
export function conditionedStreams(cal: Calibration): Float64Array {
  const n = cal.smc.particles;
  const K = cal.simsPerParticle;
  const m = cal.fits.length;
  const out = new Float64Array(n);
  const lw = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    let top = -Infinity;
    for (let k = 0; k < K; k++) {
      let l = 0;
      cal.fits.forEach((f, a) => (l += reportingLogLik(f, cal.smc.payload[(i * K + k) * m + a] ?? 0)));
      lw[k] = l;
      top = Math.max(top, l);
    }
    let total = 0;
    for (let k = 0; k < K; k++) total += Math.exp((lw[k] ?? 0) - top);
    const u = stream(cal.seed, i, 'condition')() * total;
    let acc = 0;
    let pick = K - 1;
    for (let k = 0; k < K; k++) {
      acc += Math.exp((lw[k] ?? 0) - top);
      if (u < acc) {
        pick = k;
        break;
      }
    }
    out[i] = (cal.smc.sims[i] ?? 0) * K + pick;
  }
  return out;
}

/**
 * Re-runs every final particle's conditioned trajectory ({@link conditionedStreams}: same
 * parameters, same random streams) on the region model to `horizon`: the fitted years come out
 * as simulated in the fit, and later years continue them. Draws from the posterior predictive
 * distribution given the data, process noise included.
 */
export function particleTrajectories(
  cal: Calibration,
  horizon: number,
): { readonly model: CompiledModel; readonly outs: Float64Array } {
  const n = cal.smc.particles;
  const model = regionModel(cal.setup, Math.max(horizon, cal.setup.lastYear));
  const job: RowJob = {
    model: withSamples(model, samplesFromValues(cal.setup, cal.values, n)),
    streams: conditionedStreams(cal),
  };
  return { model, outs: runRows(job, cal.seed, n) };
}

/** The re-certification share of each final particle. */
export function recertShares(cal: Calibration): Float64Array {
  const d = cal.setup.dims.length;
  const ri = recertIndex(cal.setup);
  return Float64Array.from({ length: cal.smc.particles }, (_, i) => cal.values[i * d + ri] ?? 0);
}
