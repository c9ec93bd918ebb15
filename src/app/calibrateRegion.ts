import { calibrateRegion, plannedFitTrajectories, type Calibration } from '../analysis/calibrate.js';
import { regionSetup } from '../analysis/regionSetup.js';
import { posteriorDocument } from '../analysis/calibrationSummary.js';
import { InputError } from '../io/errors.js';
import type { Progress } from '../engine/runner.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { fitOnPool } from './poolRows.js';
import { workMeter } from './workProgress.js';
import { suggest } from '../io/suggest.js';
import type { Observation } from '../schema/observed.js';
import { shownPath } from '../io/loadPlan.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { packageVersion } from '../io/version.js';
import { portablePath } from '../io/paths.js';
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
  /** stops the fit between two batches of simulations (the promise rejects with its reason) */
  readonly signal?: AbortSignal;
  /** threads, this one included (default: all cores); the result does not depend on it */
  readonly workers?: number;
  /** told the trajectories done as the fit runs, against an estimate of its total */
  readonly onProgress?: Progress;
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

/** The observed file as named in outputs: never an absolute path (see `portablePath`). */
export function observedFileOf(opts: RegionFitOptions): string {
  return portablePath(opts.observed ?? SHIPPED_OBSERVED);
}

/** The observed file as named in messages: relative to the working directory when inside it. */
function observedFileShown(opts: RegionFitOptions): string {
  return shownPath(opts.observed ?? SHIPPED_OBSERVED);
}

/**
 * A region the observations hold: else a usage error at `--region` that lists the regions of the
 * file and names the nearest.
 */
export function requireRegion(observations: readonly Observation[], opts: RegionFitOptions): void {
  const regions = [...new Set(observations.map((o) => o.region))].sort();
  if (regions.includes(opts.region)) return;
  const near = suggest(opts.region, regions);
  throw new InputError({
    code: 'E_USAGE',
    message: `no observations for region ${JSON.stringify(opts.region)}`,
    location: { file: observedFileShown(opts), path: '--region' },
    expected: regions.length > 0 ? `a region of the file: ${regions.join(', ')}` : 'a file with observations',
    found: JSON.stringify(opts.region),
    ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
  });
}

/** Why a region's fit cannot be set up, as a usage error at the option that decides it. */
function setupError(
  opts: RegionFitOptions,
  reason: 'no-observations' | 'no-anchor' | 'bad-break',
  message: string,
): InputError {
  const until = opts.until !== undefined ? ` up to ${opts.until}` : '';
  const [path, expected, found] =
    reason === 'bad-break'
      ? ['--break', 'a break year after the base year of the fit', String(opts.breakYear)]
      : reason === 'no-anchor'
        ? [
            opts.until !== undefined ? '--until' : '--region',
            'a 高企 stock (measure hnte) to anchor the base year',
            `none${until}`,
          ]
        : [opts.until !== undefined ? '--until' : '--region', 'figures the model can fit', `none${until}`];
  return new InputError({
    code: 'E_USAGE',
    message,
    location: { file: observedFileShown(opts), path },
    expected,
    found,
  });
}

/** Loads the observations and calibrates the region; a region that cannot be set up is an input error. */
/**
 * A break after the last figure fitted would shift applications in years no figure tells
 * about: its multiplier would stay at its prior, as if there were no break (a mistyped year, most
 * likely). Refused at --break, before the fit.
 */
function checkBreakYear(observations: readonly Observation[], opts: RegionFitOptions): void {
  if (opts.breakYear === undefined) return;
  const s = regionSetup(observations, {
    region: opts.region,
    ...(opts.until !== undefined ? { until: opts.until } : {}),
  });
  if (s.status !== 'ok' || opts.breakYear <= s.setup.lastYear) return;
  throw new InputError({
    code: 'E_USAGE',
    message: `the break year ${opts.breakYear} is after the last figure fitted (${s.setup.lastYear}): no figure would tell how applications shifted`,
    location: { file: observedFileShown(opts), path: '--break' },
    expected: `a year from ${s.setup.baseYear + 1} to ${s.setup.lastYear}`,
    found: String(opts.breakYear),
  });
}

export async function fitRegion(opts: RegionFitOptions): Promise<Calibration> {
  const observations = loadObserved(opts.observed ?? SHIPPED_OBSERVED);
  requireRegion(observations, opts);
  checkBreakYear(observations, opts);
  const meter = workMeter(opts.onProgress);
  const res = await withPoolAsync(
    opts.workers ?? defaultWorkers(),
    (pool) =>
      calibrateRegion(observations, {
        region: opts.region,
        ...(opts.until !== undefined ? { until: opts.until } : {}),
        ...(opts.breakYear !== undefined ? { breakYear: opts.breakYear } : {}),
        ...(opts.particles !== undefined ? { particles: opts.particles } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...fitOnPool({ pool, signal: opts.signal, meter }),
      }),
    plannedFitTrajectories(opts.particles),
  );
  if (res.status !== 'ok') throw setupError(opts, res.reason, res.message);
  return res.calibration;
}

/** `ladder calibrate`: fit, summarise, and write the posterior file when asked. */
export async function calibrateCommand(opts: CalibrateCommandOptions): Promise<CalibrateOutcome> {
  const calibration = await fitRegion(opts);
  const posterior = posteriorDocument(calibration, {
    observedFile: observedFileOf(opts),
    version: packageVersion(),
  });
  opts.signal?.throwIfAborted();
  const written =
    opts.out !== undefined ? (writeJsonFile(opts.out, posterior), shownPath(opts.out)) : undefined;
  return { posterior, calibration, written };
}
