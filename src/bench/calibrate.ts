/**
 * Times calibration on the shipped observed counts: `npm run bench:calibrate`.
 *
 * For each case (a city series, a province with and without the 2016 break) it prints the wall
 * time of the fit as `ladder calibrate` runs it (default settings unless told), on one thread and
 * on all cores (median of --reps each, alternating; pool start-up included), whether the two give
 * the same posterior, the simulations it ran, the effective sample size and distinct particles at
 * the end, and the spread (standard deviation) of the synthetic log-likelihood estimate at the
 * posterior mean, which tells whether the simulations per estimate are enough (about 1–3 or less
 * keeps the moves mixing). It then checks that the posterior does not depend on the block size
 * the simulations run in.
 *
 * Options: --reps N (1), --particles N (500), --cases zhanjiang,hunan,hunan-break (all three).
 */
import { availableParallelism } from 'node:os';
import { calibrateRegion, runRows, samplesFromValues, type Calibration } from '../analysis/calibrate.js';
import { fitRegion } from '../app/calibrateRegion.js';
import { simulatedQuantity } from '../analysis/observationModel.js';
import { syntheticLogLik } from '../analysis/syntheticLikelihood.js';
import { loadObserved, SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { withSamples } from '../model/paramSource.js';
import { analysisTable, timeAnalysis, type AnalysisTiming } from './analyses.js';

const CASES = [
  { id: 'zhanjiang', region: 'zhanjiang', label: 'city series (Zhanjiang, 2016–2023)' },
  { id: 'hunan', region: 'hunan', label: 'province (Hunan, 2013–2018)' },
  { id: 'hunan-break', region: 'hunan', breakYear: 2016, label: 'province (Hunan, break 2016)' },
] as const;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const REPS = Number(option('reps', '1'));
const PARTICLES = Number(option('particles', '500'));
const cases = option('cases', CASES.map((c) => c.id).join(',')).split(',');
const cores = availableParallelism();

/** Standard deviation of the synthetic log-likelihood over `reps` independent estimates at the posterior mean. */
function logLikSpread(cal: Calibration, reps: number): number {
  const d = cal.setup.dims.length;
  const n = cal.smc.particles;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < d; k++) mean[k] = (mean[k] ?? 0) + (cal.values[i * d + k] ?? 0) / n;
  const K = cal.simsPerParticle;
  const m = cal.fits.length;
  const width = cal.model.measures.length * cal.model.years.length;
  const rho = mean[cal.setup.dims.findIndex((x) => x.name === 'observation.recertInNew')] ?? 0;
  const job = {
    model: withSamples(cal.model, samplesFromValues(cal.setup, mean, 1, reps * K)),
    streams: Float64Array.from({ length: reps * K }, (_, r) => 1e8 + r),
  };
  const outs = runRows(job, 'spread', reps * K);
  const lls: number[] = [];
  for (let r = 0; r < reps; r++) {
    const xs = new Float64Array(K * m);
    for (let k = 0; k < K; k++) {
      cal.fits.forEach((f, a) => (xs[k * m + a] = simulatedQuantity(f, outs, (r * K + k) * width, rho)));
    }
    lls.push(syntheticLogLik(cal.fits, xs, K));
  }
  const mu = lls.reduce((a, b) => a + b, 0) / reps;
  return Math.sqrt(lls.reduce((a, b) => a + (b - mu) ** 2, 0) / (reps - 1));
}

const observations = loadObserved(SHIPPED_OBSERVED);
const timings: AnalysisTiming[] = [];
for (const c of CASES.filter((x) => cases.includes(x.id))) {
  let cal: Calibration | undefined;
  const timing = await timeAnalysis(
    `${c.label}, ${PARTICLES} particles`,
    REPS,
    cores,
    async (workers) => {
      process.stderr.write(`${c.id}: ${workers} thread(s)\n`);
      cal = await fitRegion({
        region: c.region,
        particles: PARTICLES,
        workers,
        ...('breakYear' in c ? { breakYear: c.breakYear } : {}),
      });
      return JSON.stringify([Array.from(cal.values), Array.from(cal.smc.logLik), cal.smc.stages]);
    },
    false,
  );
  timings.push(timing);
  if (cal === undefined) throw new Error('no calibration');
  const last = cal.smc.stages.at(-1);
  console.log(
    `${c.label}: ${(timing.oneMs / 1000).toFixed(1)} s on 1 thread, ${(timing.allMs / 1000).toFixed(1)} s on ${cores} ` +
      `(${timing.identical ? 'the same posterior' : 'DIFFERENT posteriors'}) · ` +
      `${cal.smc.particles} particles × ${cal.simsPerParticle} simulations · ` +
      `${cal.smc.stages.length} stages · ${cal.smc.simulations * cal.simsPerParticle} trajectories · ` +
      `final ESS ${Math.round((last?.ess ?? 0) * cal.smc.particles)} · ${cal.smc.unique} distinct · ` +
      `ln evidence ${cal.smc.logEvidence.toFixed(2)} · sd of ln-likelihood estimate at the posterior mean ${logLikSpread(cal, 50).toFixed(2)}`,
  );
  if (!timing.identical) process.exitCode = 1;
}
console.log(`\n${analysisTable(timings)}\n`);

// the same posterior whatever the blocks (the unit a worker pool takes)
const a = await calibrateRegion(observations, { region: 'zhanjiang', particles: 100, blockSize: 250 });
const b = await calibrateRegion(observations, { region: 'zhanjiang', particles: 100, blockSize: 13 });
if (a.status !== 'ok' || b.status !== 'ok') throw new Error('calibration failed');
const same = a.calibration.values.every((v, i) => v === b.calibration.values[i]);
console.log(`block sizes 250 and 13 give ${same ? 'identical' : 'DIFFERENT'} posteriors`);
if (!same) process.exitCode = 1;
