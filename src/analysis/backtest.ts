import { classifyMeasure, yearLabel, type Observation } from '../schema/observed.js';
import type { Backtest, BacktestRow, ForecastScore, ScoreSummary } from '../schema/backtest.js';
import {
  calibrateRegion,
  DEFAULT_CALIBRATION_SEED,
  DEFAULT_PARTICLES,
  particleTrajectories,
  recertShares,
  type CalibrateOptions,
} from './calibrate.js';
import { calibrationWarnings, coordinateSummaries, fitRows } from './calibrationSummary.js';
import { crpsNormal, crpsSample } from './crps.js';
import { intervalScore } from './intervalScore.js';
import { naiveTrendForecast, type NormalForecast } from './naiveTrend.js';
import { Z75, Z95 } from './normal.js';
import { simulatedQuantity, toFitObservation } from './observationModel.js';
import { regionSetup } from './regionSetup.js';
import { weightedQuantiles } from './weightedQuantile.js';

export interface BacktestOptions extends Omit<CalibrateOptions, 'until'> {
  /** the first origin; later ones follow while figures remain after them (default: the earliest possible) */
  readonly origin?: number;
}

export type BacktestResult =
  | { readonly status: 'ok'; readonly backtest: Omit<Backtest, 'observedFile'> }
  | { readonly status: 'no-origin'; readonly message: string };

const r4 = (x: number): number => Number(x.toPrecision(6));

/** Scores of a sample forecast at the outcome y. */
export function scoreSample(xs: readonly number[], y: number): ForecastScore {
  const [p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0] = weightedQuantiles(xs, [0.05, 0.25, 0.5, 0.75, 0.95]);
  return scored({ p05, p25, p50, p75, p95 }, y, crpsSample(xs, y));
}

/** Scores of a normal forecast at the outcome y (quantiles μ ± z·σ, CRPS in closed form). */
export function scoreNormal(f: NormalForecast, y: number): ForecastScore {
  const q = (z: number): number => f.mean + z * f.sd;
  return scored(
    { p05: q(-Z95), p25: q(-Z75), p50: f.mean, p75: q(Z75), p95: q(Z95) },
    y,
    crpsNormal(f.mean, f.sd, y),
  );
}

function scored(
  q: { p05: number; p25: number; p50: number; p75: number; p95: number },
  y: number,
  crps: number,
): ForecastScore {
  return {
    p05: r4(q.p05),
    p25: r4(q.p25),
    p50: r4(q.p50),
    p75: r4(q.p75),
    p95: r4(q.p95),
    in50: q.p25 <= y && y <= q.p75,
    in90: q.p05 <= y && y <= q.p95,
    is50: r4(intervalScore(q.p25, q.p75, y, 0.5)),
    is90: r4(intervalScore(q.p05, q.p95, y, 0.1)),
    crps: r4(crps),
  };
}

/** Averages of a set of scores (null when empty). */
export function summarize(scores: readonly ForecastScore[]): ScoreSummary | null {
  const n = scores.length;
  if (n === 0) return null;
  const mean = (f: (s: ForecastScore) => number): number => r4(scores.reduce((a, s) => a + f(s), 0) / n);
  return {
    n,
    cover50: mean((s) => (s.in50 ? 1 : 0)),
    cover90: mean((s) => (s.in90 ? 1 : 0)),
    meanIs50: mean((s) => s.is50),
    meanIs90: mean((s) => s.is90),
    meanCrps: mean((s) => s.crps),
  };
}

/** Years a backtest may start from: observed years (and the one asked for) that leave figures after them. */
function origins(observations: readonly Observation[], opts: BacktestOptions): number[] {
  const years = new Set<number>();
  for (const o of observations) {
    const cls = classifyMeasure(o.measure);
    if (
      o.region === opts.region &&
      o.kind !== 'target' &&
      cls !== undefined &&
      cls.type !== 'other' &&
      cls.type !== 'target'
    ) {
      years.add(o.year.to);
    }
  }
  if (opts.origin !== undefined) years.add(opts.origin);
  return [...years]
    .filter((y) => opts.origin === undefined || y >= opts.origin)
    .sort((a, b) => a - b)
    .filter((y) => {
      const s = regionSetup(observations, {
        region: opts.region,
        until: y,
        ...(opts.breakYear !== undefined ? { breakYear: opts.breakYear } : {}),
      });
      return s.status === 'ok' && s.setup.uses.some((u) => u.status === 'held-out');
    });
}

/**
 * Backtests a region: for each origin, calibrate on the figures up to it, continue every
 * posterior particle's conditioned trajectory to the later figures' years, and score each later
 * figure — inside the 50% and 90% intervals, interval scores (α = 0.5, 0.1) and CRPS from the
 * simulated sample — beside the naive linear-trend band (naiveTrend.ts). Origins roll forward
 * from the first over every later observed year that still leaves figures to score. Lower bounds
 * are not scored (a bound is not a value).
 */
export async function backtestRegion(
  observations: readonly Observation[],
  opts: BacktestOptions,
): Promise<BacktestResult> {
  if (!observations.some((o) => o.region === opts.region)) {
    const regions = [...new Set(observations.map((o) => o.region))].sort();
    return {
      status: 'no-origin',
      message: `no observations for region ${JSON.stringify(opts.region)} (regions in the file: ${regions.join(', ')})`,
    };
  }
  const list = origins(observations, opts);
  if (list.length === 0) {
    return {
      status: 'no-origin',
      message: `no origin${opts.origin !== undefined ? ` from ${opts.origin} on` : ''} leaves both a 高企 stock to fit before it and a figure of region ${opts.region} to score after it`,
    };
  }
  const out: Backtest['origins'] = [];
  // progress: the trajectories of the fits done, then this fit's estimate for it and each one left
  let fitted = 0;
  for (const [i, origin] of list.entries()) {
    const before = fitted;
    const expect = opts.expect;
    const res = await calibrateRegion(observations, {
      ...opts,
      until: origin,
      ...(expect !== undefined
        ? {
            expect: (t: number) => {
              expect(before + t * (list.length - i));
            },
          }
        : {}),
    });
    if (res.status !== 'ok') continue;
    const cal = res.calibration;
    fitted += cal.smc.simulations * cal.simsPerParticle;
    const held = cal.setup.uses.filter((u) => u.status === 'held-out');
    const last = Math.max(...held.map((u) => u.obs.year.to));
    const ext = particleTrajectories(cal, last);
    const width = ext.model.measures.length * ext.model.years.length;
    const rho = recertShares(cal);
    const earlier = cal.setup.uses.filter((u) => u.status === 'fitted').map((u) => u.obs);
    const rows: BacktestRow[] = [];
    const skipped: Backtest['origins'][number]['skipped'] = [];
    for (const u of held) {
      const o = u.obs;
      const f = toFitObservation(o, ext.model);
      const id = { line: o.line, measure: o.measure, year: yearLabel(o.year) };
      if (f === undefined) {
        skipped.push({ ...id, reason: 'outside the model years' });
        continue;
      }
      if (f.censored) {
        skipped.push({ ...id, reason: 'a lower bound: not scored' });
        continue;
      }
      const xs = Array.from({ length: cal.smc.particles }, (_, i) =>
        simulatedQuantity(f, ext.outs, i * width, rho[i] ?? 0),
      );
      const naive = naiveTrendForecast(earlier, o);
      rows.push({
        origin,
        ...id,
        kind: o.kind,
        qualifier: o.qualifier,
        value: o.value,
        lead: o.year.to - origin,
        model: scoreSample(xs, o.value),
        naive: naive === undefined ? null : scoreNormal(naive, o.value),
      });
    }
    const coords = coordinateSummaries(cal);
    out.push({
      origin,
      baseYear: cal.setup.baseYear,
      rows,
      skipped,
      warnings: calibrationWarnings(cal, coords, fitRows(cal)),
    });
  }
  const all = out.flatMap((o) => o.rows);
  const paired = all.filter((r) => r.naive !== null);
  return {
    status: 'ok',
    backtest: {
      region: opts.region,
      breakYear: opts.breakYear ?? null,
      seed: opts.seed ?? DEFAULT_CALIBRATION_SEED,
      particles: opts.particles ?? DEFAULT_PARTICLES,
      origins: out,
      summary: {
        model: summarize(all.map((r) => r.model)),
        modelOnPaired: summarize(paired.map((r) => r.model)),
        naiveOnPaired: summarize(paired.flatMap((r) => (r.naive === null ? [] : [r.naive]))),
      },
    },
  };
}
