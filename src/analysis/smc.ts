import { stream } from '../engine/rng.js';
import { fillStandardNormals } from './normal.js';

/**
 * What the sampler calibrates: `dim` coordinates in probit space (z ~ N(0, I) a priori; each
 * maps to a value through Φ and its prior's inverse CDF), and a noisy log-likelihood estimate.
 */
export interface SmcTarget {
  readonly dim: number;
  /** numbers kept with each particle's current state (e.g. its simulated observed quantities) */
  readonly payloadWidth: number;
  /**
   * Scores `count` particles (rows of `z`, `dim` wide): writes each one's log-likelihood and
   * payload. Particle j is simulation number `firstSim + j`: its random streams are keyed by that
   * number, so a particle's state can be re-simulated.
   */
  evaluate(
    z: Float64Array,
    count: number,
    firstSim: number,
    logLik: Float64Array,
    payload: Float64Array,
  ): void | Promise<void>;
}

export interface SmcOptions {
  readonly particles: number;
  readonly seed: string;
  /** effective sample size kept at each tempering step, as a fraction of the particles */
  readonly essFraction?: number;
  readonly maxStages?: number;
  /** most move sweeps in one stage */
  readonly maxMoves?: number;
  /** a stage's moves stop once this fraction of particles has moved */
  readonly moveTarget?: number;
  /**
   * awaited after every batch of evaluations: the caller's chance to let other work run or to
   * stop the sampler (by throwing); it changes no number
   */
  readonly checkpoint?: () => Promise<void>;
  /**
   * told, before every batch of evaluations, about how many simulations the whole run will take
   * (see {@link expectedSimulations}): for a progress bar; it changes no number
   */
  readonly expect?: (simulations: number) => void;
}

/** Stages a run is taken to have before its first temperature is known (progress only). */
const GUESS_STAGES = 6;
/** Move sweeps a stage is taken to need before any stage has finished (progress only). */
const GUESS_MOVES = 9;
/**
 * Growth of the temperature from one stage to the next taken for the stages still to come
 * (progress only). Adaptive tempering grows it about geometrically; fits of the shipped series
 * (zhanjiang, hunan, guangdong at 500 particles) grew it by factors of 8 down to 1.7, and 3
 * foretold their 5–8 stages within one from the first stage on.
 */
const GUESS_GROWTH = 3;

/**
 * About how many simulations a run takes in all, from where it stands: `done` so far, the
 * current stage at temperature `phi` (0 before the first) with `movesInStage` sweeps run, and
 * `finishedMoves` sweeps over `finishedStages` finished stages. The stages left are those that
 * take the temperature from `phi` to 1 growing it {@link GUESS_GROWTH}-fold per stage, each with
 * the mean sweeps of the stages so far. An estimate for a progress bar, never for a result.
 */
export function expectedSimulations(s: {
  readonly particles: number;
  readonly done: number;
  readonly phi: number;
  readonly movesInStage: number;
  readonly finishedStages: number;
  readonly finishedMoves: number;
  readonly maxMoves: number;
}): number {
  const perStage = s.finishedStages > 0 ? s.finishedMoves / s.finishedStages : GUESS_MOVES;
  if (s.phi <= 0) return s.done + s.particles * GUESS_STAGES * perStage;
  const inStage = Math.min(s.maxMoves, Math.max(s.movesInStage + 1, perStage)) - s.movesInStage;
  const later = s.phi >= 1 ? 0 : Math.ceil(Math.log(1 / s.phi) / Math.log(GUESS_GROWTH));
  return s.done + s.particles * (Math.max(0, inStage) + later * perStage);
}

/** Trajectories a run of `particles` particles is first taken to need, in simulations (see above). */
export function plannedSimulations(particles: number): number {
  return particles * (1 + GUESS_STAGES * GUESS_MOVES);
}

/** One tempering stage. */
export interface SmcStage {
  /** the likelihood's exponent reached at this stage */
  readonly temperature: number;
  /** effective sample size of the reweighted particles, before resampling */
  readonly ess: number;
  /** share of proposals accepted in the stage's moves */
  readonly acceptance: number;
  readonly moves: number;
  /** share of particles that moved at least once */
  readonly moved: number;
}

export interface SmcResult {
  readonly dim: number;
  readonly particles: number;
  /** final particles (rows of `dim` probit coordinates), equally weighted */
  readonly z: Float64Array;
  readonly logLik: Float64Array;
  readonly payload: Float64Array;
  /** simulation number behind each particle's current state */
  readonly sims: Float64Array;
  /** prior draws (the initial particles) and their payloads, for prior → posterior comparisons */
  readonly priorZ: Float64Array;
  readonly stages: readonly SmcStage[];
  /** number of likelihood evaluations (simulations) */
  readonly simulations: number;
  /** estimate of ln p(data), the log marginal likelihood (product of the stages' mean incremental weights) */
  readonly logEvidence: number;
  /** distinct simulations among the final particles */
  readonly unique: number;
}

const LOG_LIK_FLOOR = -1e12;

/**
 * ln of the effective sample size (Σwᵢ)²/Σwᵢ² of weights wᵢ = exp(δ·ℓᵢ) (Kong, Liu & Wong 1994).
 */
function essOf(logLik: Float64Array, delta: number): number {
  let m = -Infinity;
  for (const l of logLik) m = Math.max(m, delta * l);
  let s1 = 0;
  let s2 = 0;
  for (const l of logLik) {
    const w = Math.exp(delta * l - m);
    s1 += w;
    s2 += w * w;
  }
  return (s1 * s1) / s2;
}

/** Cholesky factor (lower, row-major) of a symmetric positive definite d×d matrix; jitter on failure. */
function cholesky(a: Float64Array, d: number): Float64Array {
  let jitter = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const l = new Float64Array(d * d);
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = (a[i * d + j] ?? 0) + (i === j ? jitter : 0);
        for (let k = 0; k < j; k++) s -= (l[i * d + k] ?? 0) * (l[j * d + k] ?? 0);
        if (i === j) {
          if (!(s > 0)) {
            ok = false;
            break;
          }
          l[i * d + i] = Math.sqrt(s);
        } else {
          l[i * d + j] = s / (l[j * d + j] ?? 1);
        }
      }
    }
    if (ok) return l;
    jitter = jitter === 0 ? 1e-10 : jitter * 10;
  }
  // unreachable for a covariance matrix plus jitter; fall back to the identity
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) l[i * d + i] = 1;
  return l;
}

/** Covariance (row-major d×d) of n equally weighted rows. */
function covariance(z: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] = (mean[k] ?? 0) + (z[i * d + k] ?? 0) / n;
  const c = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const dj = (z[i * d + j] ?? 0) - (mean[j] ?? 0);
      for (let k = 0; k <= j; k++)
        c[j * d + k] = (c[j * d + k] ?? 0) + (dj * ((z[i * d + k] ?? 0) - (mean[k] ?? 0))) / n;
    }
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) c[k * d + j] = c[j * d + k] ?? 0;
  return c;
}

/**
 * Sequential Monte Carlo over a tempered posterior, p_φ(θ) ∝ p(θ)·L(θ)^φ with φ from 0 to 1, for a
 * likelihood that can only be estimated by simulation.
 *
 * Algorithm (Del Moral, Doucet & Jasra, JRSS B 68 (2006) 411–436, with adaptive tempering as in
 * Jasra, Stephens, Doucet & Tsagaris, Scand. J. Stat. 38 (2011) 1–22):
 * 1. draw N particles from the prior (z ~ N(0, I)) and estimate each one's log-likelihood ℓ by
 *    one simulation;
 * 2. choose the next exponent φ′ by bisection so that the effective sample size of the
 *    incremental weights exp((φ′ − φ)ℓᵢ) is `essFraction`·N (or φ′ = 1 if it stays above);
 * 3. resample (systematic) and move every particle by random-walk Metropolis–Hastings in z,
 *    proposal N(z, s²Σ̂) with Σ̂ the particles' covariance and s = 2.38/√d adapted to the
 *    acceptance rate; the proposal's likelihood is a fresh simulation, so each move is a
 *    pseudo-marginal step (Andrieu & Roberts, Ann. Stat. 37 (2009) 697–725) that leaves the
 *    tempered joint posterior of parameters and simulation noise invariant; sweeps repeat until
 *    `moveTarget` of the particles have moved;
 * 4. repeat from 2 until φ = 1.
 * Every random number comes from stream(seed, k, purpose): the result depends only on the target,
 * the options and the seed, not on how `evaluate` splits its work.
 */
export async function runSmc(target: SmcTarget, opts: SmcOptions): Promise<SmcResult> {
  const n = opts.particles;
  const d = target.dim;
  const pw = target.payloadWidth;
  const essFraction = opts.essFraction ?? 0.5;
  const maxStages = opts.maxStages ?? 100;
  const maxMoves = opts.maxMoves ?? 12;
  const moveTarget = opts.moveTarget ?? 0.9;
  const seed = opts.seed;

  let z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) fillStandardNormals(stream(seed, i, 'smc-init'), z, i * d, d);
  const priorZ = z.slice();
  let logLik = new Float64Array(n);
  let payload = new Float64Array(n * pw);
  opts.expect?.(plannedSimulations(n));
  await target.evaluate(z, n, 0, logLik, payload);
  await opts.checkpoint?.();
  for (let i = 0; i < n; i++) logLik[i] = Number.isFinite(logLik[i]) ? (logLik[i] ?? 0) : LOG_LIK_FLOOR;
  let sims = Float64Array.from({ length: n }, (_, i) => i);
  let simCount = n;

  let phi = 0;
  let logEvidence = 0;
  let scale = 2.38 / Math.sqrt(d);
  const stages: SmcStage[] = [];
  const propZ = new Float64Array(n * d);
  const propLL = new Float64Array(n);
  const propPayload = new Float64Array(n * pw);
  const eps = new Float64Array(d);

  for (let stage = 0; stage < maxStages && phi < 1; stage++) {
    // 2. next temperature
    let delta = 1 - phi;
    if (essOf(logLik, delta) < essFraction * n) {
      let lo = 0;
      let hi = delta;
      for (let it = 0; it < 60; it++) {
        const mid = 0.5 * (lo + hi);
        if (essOf(logLik, mid) >= essFraction * n) lo = mid;
        else hi = mid;
      }
      delta = Math.max(lo, 1e-12);
    }
    const ess = essOf(logLik, delta);
    let m = -Infinity;
    for (const l of logLik) m = Math.max(m, delta * l);
    const w = new Float64Array(n);
    let wSum = 0;
    for (let i = 0; i < n; i++) {
      const wi = Math.exp(delta * (logLik[i] ?? 0) - m);
      w[i] = wi;
      wSum += wi;
    }
    logEvidence += m + Math.log(wSum / n);
    phi = phi + delta >= 1 - 1e-12 ? 1 : phi + delta;

    // 3a. systematic resampling
    const u0 = stream(seed, stage, 'smc-resample')();
    const nz = new Float64Array(n * d);
    const nll = new Float64Array(n);
    const npl = new Float64Array(n * pw);
    const nsims = new Float64Array(n);
    let acc = 0;
    let j = 0;
    for (let i = 0; i < n; i++) {
      const target01 = (u0 + i) / n;
      while (j < n - 1 && acc + (w[j] ?? 0) / wSum < target01) {
        acc += (w[j] ?? 0) / wSum;
        j++;
      }
      nz.set(z.subarray(j * d, (j + 1) * d), i * d);
      npl.set(payload.subarray(j * pw, (j + 1) * pw), i * pw);
      nll[i] = logLik[j] ?? 0;
      nsims[i] = sims[j] ?? 0;
    }
    z = nz;
    logLik = nll;
    payload = npl;
    sims = nsims;

    // 3b. pseudo-marginal random-walk moves
    const chol = cholesky(covariance(z, n, d), d);
    const moved = new Uint8Array(n);
    let accepted = 0;
    let proposed = 0;
    let moves = 0;
    let movedShare = 0;
    while (moves < maxMoves) {
      const first = simCount;
      opts.expect?.(
        expectedSimulations({
          particles: n,
          done: simCount,
          phi,
          movesInStage: moves,
          finishedStages: stages.length,
          finishedMoves: stages.reduce((a, st) => a + st.moves, 0),
          maxMoves,
        }),
      );
      const us = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const u = stream(seed, first + i, 'smc-move');
        fillStandardNormals(u, eps);
        for (let a = 0; a < d; a++) {
          let step = 0;
          for (let b = 0; b <= a; b++) step += (chol[a * d + b] ?? 0) * (eps[b] ?? 0);
          propZ[i * d + a] = (z[i * d + a] ?? 0) + scale * step;
        }
        us[i] = u();
      }
      await target.evaluate(propZ, n, first, propLL, propPayload);
      await opts.checkpoint?.();
      simCount += n;
      moves++;
      let acceptedNow = 0;
      for (let i = 0; i < n; i++) {
        const l1 = Number.isFinite(propLL[i]) ? (propLL[i] ?? 0) : LOG_LIK_FLOOR;
        let q0 = 0;
        let q1 = 0;
        for (let a = 0; a < d; a++) {
          q0 += (z[i * d + a] ?? 0) ** 2;
          q1 += (propZ[i * d + a] ?? 0) ** 2;
        }
        const logAlpha = phi * (l1 - (logLik[i] ?? 0)) - 0.5 * (q1 - q0);
        if (Math.log(us[i] ?? 1) < logAlpha) {
          z.set(propZ.subarray(i * d, (i + 1) * d), i * d);
          payload.set(propPayload.subarray(i * pw, (i + 1) * pw), i * pw);
          logLik[i] = l1;
          sims[i] = first + i;
          moved[i] = 1;
          acceptedNow++;
        }
      }
      accepted += acceptedNow;
      proposed += n;
      let movedCount = 0;
      for (const x of moved) movedCount += x;
      movedShare = movedCount / n;
      if (movedShare >= moveTarget) break;
    }
    const rate = accepted / Math.max(1, proposed);
    stages.push({ temperature: phi, ess: ess / n, acceptance: rate, moves, moved: movedShare });
    // keep the acceptance rate near the 0.2–0.3 band of efficient random-walk proposals
    if (rate < 0.15) scale *= 0.7;
    else if (rate > 0.35) scale *= 1.3;
  }
  return {
    dim: d,
    particles: n,
    z,
    logLik,
    payload,
    sims,
    priorZ,
    stages,
    simulations: simCount,
    logEvidence,
    unique: new Set(sims).size,
  };
}
