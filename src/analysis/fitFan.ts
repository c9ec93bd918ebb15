import { withSamples } from '../model/paramSource.js';
import type { Observation } from '../schema/observed.js';
import type { SeriesRow } from '../schema/result.js';
import {
  particleTrajectories,
  recertShares,
  runRows,
  samplesFromValues,
  type Calibration,
} from './calibrate.js';
import { simulatedQuantity, toFitObservation } from './observationModel.js';
import { regionModel } from './regionModel.js';
import { weightedMean, weightedQuantiles } from './weightedQuantile.js';

/** Which trajectories a fan is drawn from. */
export type FanPaths =
  /**
   * every simulation the fit ran for its final particles (K per particle, the streams of the
   * fit): the posterior predictive distribution, the one the fit table checks each figure against
   */
  | 'predictive'
  /** each particle's trajectory conditioned on the figures (the paths `ladder project` continues) */
  | 'conditioned';

const round = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);

/**
 * The single-year series the region's figures belong to, one figure standing for each: the
 * 高企 stock always, then every measure with a fitted or held-out figure of a single year (a
 * span such as a 5-year cumulative has no yearly series).
 */
function seriesFigures(cal: Calibration): Observation[] {
  const out = new Map<string, Observation>();
  for (const u of cal.setup.uses) {
    const o = u.obs;
    if (u.status === 'not-fitted' || o.year.from !== o.year.to || out.has(o.measure)) continue;
    out.set(o.measure, o);
  }
  if (!out.has('hnte')) out.set('hnte', { ...cal.setup.anchor, measure: 'hnte', kind: 'stock' });
  return [...out.values()].sort((a, b) =>
    a.measure === 'hnte' ? -1 : b.measure === 'hnte' ? 1 : a.measure < b.measure ? -1 : 1,
  );
}

/**
 * The fan of every series a region's figures belong to, by year from the base year (the year
 * after it for flows and net increases) to `horizon`: each year's model quantity as the
 * observation model defines it (observationModel.ts) — a stock's year-end count, a flow
 * (published new 高企 with each particle's re-certification share ρ), a net increase — over the
 * trajectories `paths` names, as 5/25/50/75/95% quantiles (type 1, equal weights) and the mean.
 * With `predictive`, a figure's year of the fan holds exactly the predictive interval of its fit
 * row (calibrationSummary.ts, fitRows): the same parameters and the same streams. Measure names
 * are those of the observed-counts file (`hnte`, `hnte_new`, `hnte_net`, …). Values have six
 * significant digits.
 */
export function figureFans(cal: Calibration, horizon: number, paths: FanPaths): SeriesRow[] {
  const n = cal.smc.particles;
  const K = paths === 'predictive' ? cal.simsPerParticle : 1;
  const last = Math.max(horizon, cal.setup.lastYear);
  let model;
  let outs: Float64Array;
  if (paths === 'predictive') {
    model = regionModel(cal.setup, last);
    const job = {
      model: withSamples(model, samplesFromValues(cal.setup, cal.values, n, K)),
      streams: Float64Array.from(
        { length: n * K },
        (_, r) => (cal.smc.sims[Math.floor(r / K)] ?? 0) * K + (r % K),
      ),
    };
    outs = runRows(job, cal.seed, n * K);
  } else {
    ({ model, outs } = particleTrajectories(cal, last));
  }
  const width = model.measures.length * model.years.length;
  const rho = recertShares(cal);
  const rows: SeriesRow[] = [];
  for (const figure of seriesFigures(cal)) {
    for (const year of model.years) {
      if (year > horizon) break;
      const f = toFitObservation({ ...figure, year: { from: year, to: year }, qualifier: 'exact' }, model);
      if (f === undefined) continue;
      const xs = Array.from({ length: n * K }, (_, r) =>
        simulatedQuantity(f, outs, r * width, rho[Math.floor(r / K)] ?? 0),
      );
      const [p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0] = weightedQuantiles(
        xs,
        [0.05, 0.25, 0.5, 0.75, 0.95],
      );
      rows.push({
        measure: figure.measure,
        year,
        p05: round(p05),
        p25: round(p25),
        p50: round(p50),
        p75: round(p75),
        p95: round(p95),
        mean: round(weightedMean(xs)),
      });
    }
  }
  return rows;
}
