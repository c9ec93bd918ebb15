import type { Projection } from '../schema/projection.js';
import type { SeriesRow } from '../schema/result.js';
import { particleTrajectories, type Calibration } from './calibrate.js';
import { weightedMean, weightedQuantiles } from './weightedQuantile.js';

/**
 * Projects every measure of a calibrated region to `to` with no plan: each posterior particle's
 * conditioned trajectory (calibrate.ts, particleTrajectories) continued year by year, so the fan
 * carries parameter uncertainty and process noise and starts from paths that went through the
 * observed figures. Quantiles are those of the particles (equally weighted); flows have no
 * base-year value, as in `ladder run`.
 */
export function projectCalibration(cal: Calibration, to: number): Projection {
  const { model, outs } = particleTrajectories(cal, to);
  const n = cal.smc.particles;
  const nYears = model.years.length;
  const width = model.measures.length * nYears;
  const series: SeriesRow[] = [];
  model.measures.forEach((measure, m) => {
    model.years.forEach((year, y) => {
      if (y === 0 && measure.includes('_')) return;
      const xs = Array.from({ length: n }, (_, i) => outs[i * width + m * nYears + y] ?? 0);
      const [p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0] = weightedQuantiles(
        xs,
        [0.05, 0.25, 0.5, 0.75, 0.95],
      );
      series.push({ measure, year, p05, p25, p50, p75, p95, mean: Math.round(weightedMean(xs) * 100) / 100 });
    });
  });
  return { region: cal.setup.region, until: cal.setup.until ?? cal.setup.lastYear, series };
}
