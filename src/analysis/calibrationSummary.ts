import { yearLabel } from '../schema/observed.js';
import {
  POSTERIOR_FORMAT,
  type CoordinateSummary,
  type FitRow,
  type Posterior,
} from '../schema/posterior.js';
import { particleTrajectories, recertShares, type Calibration } from './calibrate.js';
import { figureFans } from './fitFan.js';
import {
  predictiveProbability,
  simulatedQuantity,
  toFitObservation,
  type FitObservation,
} from './observationModel.js';
import { weightedMean, weightedQuantiles } from './weightedQuantile.js';
import { warningSentence } from '../model/warnings.js';

/** Significant digits kept for sample values in a posterior file. */
const SAMPLE_DIGITS = 6;

const round = (x: number, digits = 4): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);

function moments(xs: readonly number[]): { mean: number; sd: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, sd: Math.sqrt(v) };
}

/** Prior → posterior of every coordinate, from the initial and the final particles. */
export function coordinateSummaries(cal: Calibration): CoordinateSummary[] {
  const n = cal.smc.particles;
  const d = cal.setup.dims.length;
  return cal.setup.dims.map((dim, k) => {
    const prior = Array.from({ length: n }, (_, i) => cal.priorValues[i * d + k] ?? 0);
    const post = Array.from({ length: n }, (_, i) => cal.values[i * d + k] ?? 0);
    const pm = moments(prior);
    const qm = moments(post);
    const [pp05 = 0, pp95 = 0] = weightedQuantiles(prior, [0.05, 0.95]);
    const [p05 = 0, p50 = 0, p95 = 0] = weightedQuantiles(post, [0.05, 0.5, 0.95]);
    return {
      name: dim.name,
      group: dim.group,
      prior: dim.prior,
      priorMean: round(pm.mean),
      priorSd: round(pm.sd),
      priorP05: round(pp05),
      priorP95: round(pp95),
      mean: round(qm.mean),
      sd: round(qm.sd),
      p05: round(p05),
      p50: round(p50),
      p95: round(p95),
      shrinkage: round(pm.sd > 0 ? 1 - (qm.sd / pm.sd) ** 2 : 0, 3),
    };
  });
}

/** A fit row's predictive columns from a sample of the model quantity. */
function predictive(
  f: FitObservation,
  xs: readonly number[],
): Pick<FitRow, 'p05' | 'p50' | 'p95' | 'mean' | 'predictive' | 'outside90'> {
  const [p05 = 0, p50 = 0, p95 = 0] = weightedQuantiles(xs, [0.05, 0.5, 0.95]);
  let pr = 0;
  for (const x of xs) pr += predictiveProbability(f, x);
  pr /= Math.max(1, xs.length);
  return {
    p05: round(p05, 6),
    p50: round(p50, 6),
    p95: round(p95, 6),
    mean: round(weightedMean(xs), 6),
    predictive: round(pr, 3),
    outside90: f.censored ? pr < 0.05 : pr < 0.05 || pr > 0.95,
  };
}

/**
 * Every observation row of the region with its posterior predictive: fitted rows from the
 * particles' simulations (K per particle), held-out rows (after `until`) from each particle's
 * conditioned trajectory continued to their year.
 */
export function fitRows(cal: Calibration): FitRow[] {
  const n = cal.smc.particles;
  const K = cal.simsPerParticle;
  const m = cal.fits.length;
  const heldOut = cal.setup.uses.filter((u) => u.status === 'held-out');
  const lastHeld = Math.max(cal.setup.lastYear, ...heldOut.map((u) => u.obs.year.to));
  const ext = heldOut.length > 0 ? particleTrajectories(cal, lastHeld) : undefined;
  const rho = recertShares(cal);
  return cal.setup.uses.map((u) => {
    const o = u.obs;
    const row = {
      line: o.line,
      measure: o.measure,
      year: yearLabel(o.year),
      kind: o.kind,
      qualifier: o.qualifier,
      value: o.value,
      status: u.status,
      reason: u.reason,
    };
    const none = { p05: null, p50: null, p95: null, mean: null, predictive: null, outside90: null };
    if (u.status === 'fitted') {
      const a = cal.fits.findIndex((f) => f.obs === o);
      const f = cal.fits[a];
      if (f === undefined) return { ...row, ...none };
      const xs = Array.from({ length: n * K }, (_, r) => cal.smc.payload[r * m + a] ?? 0);
      return { ...row, ...predictive(f, xs) };
    }
    if (u.status === 'held-out' && ext !== undefined) {
      const f = toFitObservation(o, ext.model);
      if (f === undefined) return { ...row, ...none };
      const width = ext.model.measures.length * ext.model.years.length;
      const xs = Array.from({ length: n }, (_, i) => simulatedQuantity(f, ext.outs, i * width, rho[i] ?? 0));
      return { ...row, ...predictive(f, xs) };
    }
    return { ...row, ...none };
  });
}

/** Warnings a planner should read with the fit: misfits, priors too narrow, a thin sample. */
export function calibrationWarnings(
  cal: Calibration,
  coords: readonly CoordinateSummary[],
  rows: readonly FitRow[],
): string[] {
  const w: string[] = [];
  const misfit = rows.filter((r) => r.status === 'fitted' && r.outside90 === true);
  if (misfit.length > 0) {
    w.push(
      warningSentence('fit-misfit', {
        misfits: String(misfit.length),
        fitted: String(rows.filter((r) => r.status === 'fitted').length),
        figures: misfit
          .map((r) => `line ${r.line}: ${r.measure} ${r.year} = ${r.value}, model ${r.p05}–${r.p95}`)
          .join('; '),
        ...(cal.setup.breakYear === null ? { breakHint: '' as const } : {}),
      }),
    );
  }
  for (const c of coords) {
    if (c.p50 > c.priorP95)
      w.push(
        warningSentence('posterior-above-prior', {
          coordinate: c.name,
          median: String(c.p50),
          bound: String(c.priorP95),
        }),
      );
    else if (c.p50 < c.priorP05)
      w.push(
        warningSentence('posterior-below-prior', {
          coordinate: c.name,
          median: String(c.p50),
          bound: String(c.priorP05),
        }),
      );
  }
  const last = cal.smc.stages.at(-1);
  if (last === undefined || last.temperature < 1) {
    w.push(warningSentence('sampler-stopped', { temperature: String(last?.temperature ?? 0) }));
  }
  if (cal.smc.unique < cal.smc.particles / 5) {
    w.push(
      warningSentence('thin-sample', {
        unique: String(cal.smc.unique),
        particles: String(cal.smc.particles),
      }),
    );
  }
  return w;
}

/** Years of the single-year figures held out of a fit (after its `until`). */
function heldOutYears(rows: readonly FitRow[]): number[] {
  return rows.filter((r) => r.status === 'held-out' && /^\d{4}$/.test(r.year)).map((r) => Number(r.year));
}

/**
 * The posterior file of a calibration: set-up, diagnostics (effective sample size, stages,
 * evidence), prior → posterior of every coordinate, the posterior predictive check of every
 * figure, the posterior predictive fan of their series (fitFan.ts), warnings, and the samples (values rounded to six significant digits).
 */
export function posteriorDocument(
  cal: Calibration,
  ctx: { readonly observedFile: string; readonly version: string },
): Posterior {
  const coords = coordinateSummaries(cal);
  const rows = fitRows(cal);
  const last = cal.smc.stages.at(-1);
  const n = cal.smc.particles;
  const d = cal.setup.dims.length;
  return {
    format: POSTERIOR_FORMAT,
    region: cal.setup.region,
    observedFile: ctx.observedFile,
    until: cal.setup.until,
    breakYear: cal.setup.breakYear,
    baseYear: cal.setup.baseYear,
    lastYear: cal.setup.lastYear,
    seed: cal.seed,
    version: ctx.version,
    method: 'smc-synthetic-likelihood',
    diagnostics: {
      particles: n,
      simsPerParticle: cal.simsPerParticle,
      simulations: cal.smc.simulations * cal.simsPerParticle,
      stages: cal.smc.stages.map((s) => ({
        temperature: round(s.temperature),
        ess: round(s.ess, 3),
        acceptance: round(s.acceptance, 3),
        moves: s.moves,
        moved: round(s.moved, 3),
      })),
      ess: round((last?.ess ?? 0) * n, 4),
      unique: cal.smc.unique,
      logEvidence: round(cal.smc.logEvidence, 5),
    },
    coordinates: coords,
    observations: rows,
    fan: figureFans(cal, Math.max(cal.setup.lastYear, ...heldOutYears(rows)), 'predictive'),
    warnings: calibrationWarnings(cal, coords, rows),
    samples: {
      names: cal.setup.dims.map((x) => x.name),
      values: Array.from({ length: n }, (_, i) =>
        Array.from(cal.values.subarray(i * d, (i + 1) * d), (x) => round(x, SAMPLE_DIGITS)),
      ),
      weights: Array.from({ length: n }, () => 1),
    },
  };
}
