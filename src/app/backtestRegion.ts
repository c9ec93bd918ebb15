import { backtestRegion } from '../analysis/backtest.js';
import { InputError } from '../io/errors.js';
import { plannedFitTrajectories } from '../analysis/calibrate.js';
import { defaultWorkers, withPoolAsync } from './pool.js';
import { fitOnPool } from './poolRows.js';
import { workMeter } from './workProgress.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import type { Backtest } from '../schema/backtest.js';
import { shownPath } from '../io/loadPlan.js';
import { observedFileOf, requireRegion, type RegionFitOptions } from './calibrateRegion.js';

export interface BacktestCommandOptions extends Omit<RegionFitOptions, 'until'> {
  readonly origin?: number;
}

/** `ladder backtest`: rolling-origin forecasts of a region's later figures, scored beside a naive trend. */
export async function backtestCommand(opts: BacktestCommandOptions): Promise<Backtest> {
  const observations = loadObserved(opts.observed ?? SHIPPED_OBSERVED);
  requireRegion(observations, opts);
  const meter = workMeter(opts.onProgress);
  const res = await withPoolAsync(
    opts.workers ?? defaultWorkers(),
    (pool) =>
      backtestRegion(observations, {
        region: opts.region,
        ...(opts.origin !== undefined ? { origin: opts.origin } : {}),
        ...(opts.breakYear !== undefined ? { breakYear: opts.breakYear } : {}),
        ...(opts.particles !== undefined ? { particles: opts.particles } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...fitOnPool({ pool, signal: opts.signal, meter }),
      }),
    plannedFitTrajectories(opts.particles),
  );
  if (res.status !== 'ok') {
    throw new InputError({
      code: 'E_USAGE',
      message: res.message,
      location: { file: shownPath(opts.observed ?? SHIPPED_OBSERVED), path: '--origin' },
      expected: 'an origin with a 高企 stock to fit before it and a figure to score after it',
      found: opts.origin !== undefined ? String(opts.origin) : 'none in the file',
    });
  }
  return { ...res.backtest, observedFile: observedFileOf(opts) };
}
