import { calibrateRegion, type Calibration } from '../analysis/calibrate.js';
import { posteriorDocument } from '../analysis/calibrationSummary.js';
import { InputError } from '../io/errors.js';
import { shownPath } from '../io/loadPlan.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { packageVersion } from '../io/version.js';
import { writeJsonFile } from '../io/writeJson.js';
import type { Posterior } from '../schema/posterior.js';

export interface RegionFitOptions {
  /** observed-counts CSV (default: the shipped seeds/data/observed_counts.csv) */
  readonly observed?: string;
  readonly region: string;
  readonly until?: number;
  readonly breakYear?: number;
  readonly particles?: number;
  readonly seed?: string;
}

export interface CalibrateCommandOptions extends RegionFitOptions {
  /** write the posterior (with its samples) here */
  readonly out?: string;
}

export interface CalibrateOutcome {
  readonly posterior: Posterior;
  readonly calibration: Calibration;
  /** the posterior file, as shown to the user */
  readonly written: string | undefined;
}

/** The observed file as shown in outputs: relative to the working directory when inside it. */
export function observedFileOf(opts: RegionFitOptions): string {
  return shownPath(opts.observed ?? SHIPPED_OBSERVED);
}

/** Loads the observations and calibrates the region; a region that cannot be set up is an input error. */
export function fitRegion(opts: RegionFitOptions): Calibration {
  const observations = loadObserved(opts.observed ?? SHIPPED_OBSERVED);
  const res = calibrateRegion(observations, {
    region: opts.region,
    ...(opts.until !== undefined ? { until: opts.until } : {}),
    ...(opts.breakYear !== undefined ? { breakYear: opts.breakYear } : {}),
    ...(opts.particles !== undefined ? { particles: opts.particles } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  if (res.status !== 'ok') {
    throw new InputError({
      code: 'E_USAGE',
      message: res.message,
      location: { file: observedFileOf(opts), path: '--region' },
    });
  }
  return res.calibration;
}

/** `ladder calibrate`: fit, summarise, and write the posterior file when asked. */
export function calibrateCommand(opts: CalibrateCommandOptions): CalibrateOutcome {
  const calibration = fitRegion(opts);
  const posterior = posteriorDocument(calibration, {
    observedFile: observedFileOf(opts),
    version: packageVersion(),
  });
  const written =
    opts.out !== undefined ? (writeJsonFile(opts.out, posterior), shownPath(opts.out)) : undefined;
  return { posterior, calibration, written };
}
