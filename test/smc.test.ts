import { describe, expect, it } from 'vitest';
import { logNormalCdf } from '../src/analysis/normal.js';
import type { FitObservation } from '../src/analysis/observationModel.js';
import { runSmc, type SmcTarget } from '../src/analysis/smc.js';
import { syntheticLogLik } from '../src/analysis/syntheticLikelihood.js';
import type { Observation } from '../src/schema/observed.js';

function fit(value: number, over: Partial<FitObservation> = {}): FitObservation {
  const obs: Observation = {
    line: 2,
    region: 'r',
    measure: 'hnte',
    year: { from: 2020, to: 2020 },
    value,
    kind: 'stock',
    qualifier: 'exact',
    description: '',
    sourceTitle: '',
    sourceUrl: '',
    quote: '',
  };
  return { obs, plus: [0], minus: [], recert: [], cv: 0.05, weight: 1, censored: false, ...over };
}

const lnN = (y: number, mu: number, v: number): number =>
  -0.5 * ((y - mu) ** 2 / v) - 0.5 * Math.log(2 * Math.PI * v);

describe('synthetic likelihood', () => {
  // simulations 90, 100, 110: mean 100, sample variance 100
  const xs = [90, 100, 110];
  const report = (0.05 * 100) ** 2 + 1;

  it('is the normal density with the simulations’ variance plus the reporting noise', () => {
    expect(syntheticLogLik([fit(120)], xs, 3)).toBeCloseTo(lnN(120, 100, 100 + report), 10);
  });

  it('halves the information of a low-reliability figure', () => {
    expect(syntheticLogLik([fit(120, { weight: 0.5 })], xs, 3)).toBeCloseTo(
      lnN(120, 100, 2 * (100 + report)),
      10,
    );
  });

  it('censors a lower bound: P(Y ≥ value)', () => {
    const sd = Math.sqrt(100 + report);
    expect(syntheticLogLik([fit(120, { censored: true })], xs, 3)).toBeCloseTo(
      logNormalCdf((100 - 120) / sd),
      10,
    );
    expect(syntheticLogLik([fit(50, { censored: true })], xs, 3)).toBeGreaterThan(-1e-3);
  });

  it('conditions a bound on the exact figures it is correlated with', () => {
    // two perfectly correlated quantities (x, 2x): given the exact first, the second is nearly known
    const pair = [90, 180, 100, 200, 110, 220];
    const exactFirst = fit(110);
    const boundLow = fit(200, { censored: true });
    const boundHigh = fit(240, { censored: true });
    const ll0 = syntheticLogLik([exactFirst], [90, 100, 110], 3);
    // given y₁ = 110 the second is ≈ 220 ± reporting noise: P(≥ 200) ≈ 1, P(≥ 240) small
    expect(syntheticLogLik([exactFirst, boundLow], pair, 3) - ll0).toBeGreaterThan(-0.2);
    expect(syntheticLogLik([exactFirst, boundHigh], pair, 3) - ll0).toBeLessThan(-1);
  });
});

describe('tempered SMC', () => {
  // prior z ~ N(0, I₂); y = 1 observed with sd 0.5 on z₀: posterior z₀ ~ N(0.8, 0.2), z₁ ~ N(0, 1)
  const target: SmcTarget = {
    dim: 2,
    payloadWidth: 1,
    evaluate(z, count, _first, logLik, payload) {
      for (let i = 0; i < count; i++) {
        logLik[i] = lnN(1, z[i * 2] ?? 0, 0.25);
        payload[i] = z[i * 2] ?? 0;
      }
    },
  };
  const run = (seed: string): ReturnType<typeof runSmc> => runSmc(target, { particles: 2000, seed });
  let yields = 0;

  it('recovers a conjugate posterior and its evidence', async () => {
    const r = await run('a');
    const z0 = Array.from({ length: 2000 }, (_, i) => r.z[i * 2] ?? 0);
    const z1 = Array.from({ length: 2000 }, (_, i) => r.z[i * 2 + 1] ?? 0);
    const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length;
    const variance = (a: number[]): number => a.reduce((s, x) => s + (x - mean(a)) ** 2, 0) / (a.length - 1);
    // standard errors with an inefficiency factor of 4 for resampled, correlated particles
    expect(Math.abs(mean(z0) - 0.8)).toBeLessThan(4 * Math.sqrt((4 * 0.2) / 2000));
    expect(Math.abs(variance(z0) / 0.2 - 1)).toBeLessThan(0.2);
    expect(Math.abs(mean(z1))).toBeLessThan(4 * Math.sqrt(4 / 2000));
    expect(Math.abs(variance(z1) - 1)).toBeLessThan(0.2);
    // ln p(y) = ln N(1; 0, 1 + 0.25)
    expect(r.logEvidence).toBeCloseTo(lnN(1, 0, 1.25), 1);
    expect(r.stages.at(-1)?.temperature).toBe(1);
    // the payload follows its particle through resampling and moves
    for (let i = 0; i < 2000; i++) expect(r.payload[i]).toBe(r.z[i * 2]);
  });

  it('gives the same particles for the same seed, and others for another', async () => {
    const a = await run('s');
    const b = await run('s');
    expect(Array.from(a.z)).toEqual(Array.from(b.z));
    expect(Array.from((await run('t')).z)).not.toEqual(Array.from(a.z));
  });

  it('awaits its checkpoint after every batch of evaluations, which changes no number and can stop it', async () => {
    const plain = await run('c');
    const checked = await runSmc(target, {
      particles: 2000,
      seed: 'c',
      checkpoint: () => {
        yields += 1;
        return Promise.resolve();
      },
    });
    expect(Array.from(checked.z)).toEqual(Array.from(plain.z));
    // one batch for the prior draws, then one per move sweep
    expect(yields).toBe(1 + plain.stages.reduce((s, st) => s + st.moves, 0));
    const stop = new Error('stop');
    await expect(
      runSmc(target, { particles: 2000, seed: 'c', checkpoint: () => Promise.reject(stop) }),
    ).rejects.toBe(stop);
  });
});
