import { calibrationWarnings, coordinateSummaries, fitRows } from '../analysis/calibrationSummary.js';
import type { Calibration } from '../analysis/calibrate.js';
import { projectCalibration } from '../analysis/project.js';
import { InputError } from '../io/errors.js';
import type { FitRow } from '../schema/posterior.js';
import type { Projection } from '../schema/projection.js';
import { fitRegion, type RegionFitOptions } from './calibrateRegion.js';

export interface ProjectOptions extends RegionFitOptions {
  readonly until: number;
  readonly to: number;
}

export interface ProjectOutcome {
  readonly projection: Projection;
  readonly baseYear: number;
  readonly particles: number;
  readonly warnings: readonly string[];
  /** the region's figures with their posterior predictive (for the chart) */
  readonly rows: readonly FitRow[];
  /** the fit the projection continues (for the report's fans) */
  readonly calibration: Calibration;
}

/** `ladder project`: calibrate on the figures up to `until`, then project every measure to `to`. */
export async function projectCommand(opts: ProjectOptions): Promise<ProjectOutcome> {
  if (opts.to <= opts.until) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'the projection must end after the last fitted year',
      location: { path: '--to' },
      expected: `a year after --until ${opts.until}`,
      found: String(opts.to),
    });
  }
  const cal = await fitRegion(opts);
  const rows = fitRows(cal);
  const warnings = calibrationWarnings(cal, coordinateSummaries(cal), rows);
  return {
    rows,
    projection: projectCalibration(cal, opts.to),
    baseYear: cal.setup.baseYear,
    particles: cal.smc.particles,
    warnings,
    calibration: cal,
  };
}
