import { posteriorDocument } from '../analysis/calibrationSummary.js';
import { calibrateRegion } from '../analysis/calibrate.js';
import { regionSetup } from '../analysis/regionSetup.js';
import { InputError } from '../io/errors.js';
import { fitOnPool, type PoolRowsOptions } from './poolRows.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { portablePath } from '../io/paths.js';
import { loadPosterior } from '../io/loadPosterior.js';
import { packageVersion } from '../io/version.js';
import type { Plan } from '../schema/plan.js';
import type { Posterior } from '../schema/posterior.js';
import { warningSentence } from '../model/warnings.js';

/**
 * Whether the shipped observed counts can calibrate a plan's region up to its base year; the
 * message says how, or why not.
 */
export function shippedFitAvailable(plan: Plan): { readonly available: boolean; readonly message: string } {
  const set = regionSetup(loadObserved(SHIPPED_OBSERVED), { region: plan.region.id, until: plan.baseYear });
  if (set.status !== 'ok') return { available: false, message: set.message };
  const n = set.setup.fitted.length;
  return {
    available: true,
    message: warningSentence('observed-figures', {
      region: plan.region.id,
      n: String(n),
      year: String(plan.baseYear),
      file: portablePath(SHIPPED_OBSERVED),
    }),
  };
}

/**
 * The posterior a plan run draws from: a file written by `ladder calibrate --out`, or `auto`:
 * the plan's region calibrated on the shipped observed counts up to the plan's base year, on
 * `run.pool` (progress told to `run.meter`, whose total counts `run.after` trajectories more).
 */
export async function posteriorForPlan(
  plan: Plan,
  posterior: string,
  seed: string,
  signal?: AbortSignal,
  run: Omit<PoolRowsOptions, 'signal'> & { readonly after?: number } = {},
): Promise<Posterior> {
  if (posterior !== 'auto') return loadPosterior(posterior);
  const res = await calibrateRegion(loadObserved(SHIPPED_OBSERVED), {
    region: plan.region.id,
    until: plan.baseYear,
    seed,
    ...fitOnPool({ ...run, signal }),
  });
  if (res.status !== 'ok') {
    throw new InputError({
      code: 'E_USAGE',
      message: `--posterior auto: ${res.message}`,
      location: { path: '--posterior' },
      expected: 'a region with a 高企 stock in the shipped observed counts, or a posterior file',
      found: plan.region.id,
    });
  }
  return posteriorDocument(res.calibration, {
    observedFile: portablePath(SHIPPED_OBSERVED),
    version: packageVersion(),
  });
}
