import { describe, expect, it } from 'vitest';
import { calibrateRegion, runRows, samplesFromValues, type Calibration } from '../src/analysis/calibrate.js';
import { fillStandardNormals } from '../src/analysis/normal.js';
import { reportingVariance, simulatedQuantity, toFitObservation } from '../src/analysis/observationModel.js';
import { regionModel } from '../src/analysis/regionModel.js';
import { regionSetup } from '../src/analysis/regionSetup.js';
import { weightedQuantiles } from '../src/analysis/weightedQuantile.js';
import { stream } from '../src/engine/rng.js';
import { withSamples } from '../src/model/paramSource.js';
import type { Observation } from '../src/schema/observed.js';

const REGION = 'synthetic';

function obs(
  measure: string,
  year: number,
  value: number,
  kind: Observation['kind'],
  qualifier: Observation['qualifier'] = 'exact',
): Observation {
  return {
    line: year,
    region: REGION,
    measure,
    year: { from: year, to: year },
    value,
    kind,
    qualifier,
    description: '',
    sourceTitle: '',
    sourceUrl: '',
    quote: '',
  };
}

/** What the synthetic region publishes: its 高企 stock every other year, and two years of new certificates. */
const SPECS: readonly [string, number, Observation['kind']][] = [
  ['hnte', 2010, 'stock'],
  ['hnte', 2012, 'stock'],
  ['hnte_new', 2013, 'new'],
  ['hnte', 2014, 'stock'],
  ['hnte_new', 2015, 'new'],
  ['hnte', 2016, 'stock'],
];

/**
 * Simulates published figures from known coordinates: the truth's u-values are drawn in
 * [0.1, 0.9] of every prior (seeded), the base 高企 count is 1,000, one trajectory is simulated and
 * each figure gets its reporting noise.
 */
function syntheticTruth(rep: number): { observations: Observation[]; truth: Map<string, number> } {
  const draft = SPECS.map(([m, y, k]) => obs(m, y, 1000, k));
  const set = regionSetup(draft, { region: REGION });
  if (set.status !== 'ok') throw new Error(set.message);
  const setup = set.setup;
  const u = stream('truth', rep, 'recovery');
  const values = new Float64Array(setup.dims.length);
  setup.dims.forEach((d, k) => (values[k] = d.name === 'base.hnte' ? 1000 : d.quantile(0.1 + 0.8 * u())));
  const model = regionModel(setup, setup.lastYear);
  const outs = runRows(
    { model: withSamples(model, samplesFromValues(setup, values, 1)), streams: Float64Array.from([rep]) },
    'truth',
    1,
  );
  const noise = new Float64Array(SPECS.length);
  fillStandardNormals(stream('truth-noise', rep, 'recovery'), noise);
  const rho = values[setup.dims.findIndex((d) => d.name === 'observation.recertInNew')] ?? 0;
  const observations = draft.map((o, i) => {
    const f = toFitObservation(o, model);
    if (f === undefined) throw new Error('no cell');
    const x = simulatedQuantity(f, outs, 0, rho);
    return { ...o, value: Math.max(0, Math.round(x + (noise[i] ?? 0) * Math.sqrt(reportingVariance(f, x)))) };
  });
  return { observations, truth: new Map(setup.dims.map((d, k) => [d.name, values[k] ?? 0])) };
}

function interval(cal: Calibration, name: string): [number, number] {
  const d = cal.setup.dims.length;
  const k = cal.setup.dims.findIndex((x) => x.name === name);
  const xs = Array.from({ length: cal.smc.particles }, (_, i) => cal.values[i * d + k] ?? 0);
  const [lo = 0, hi = 0] = weightedQuantiles(xs, [0.05, 0.95]);
  return [lo, hi];
}

function priorInterval(cal: Calibration, name: string): [number, number] {
  const d = cal.setup.dims.length;
  const k = cal.setup.dims.findIndex((x) => x.name === name);
  const xs = Array.from({ length: cal.smc.particles }, (_, i) => cal.priorValues[i * d + k] ?? 0);
  const [lo = 0, hi = 0] = weightedQuantiles(xs, [0.05, 0.95]);
  return [lo, hi];
}

describe('calibration', () => {
  it('recovers the parameters it generated: 90% intervals cover the truth in at least 80% of fits', async () => {
    // the coordinates the figures inform: the base 高企 count and the first-certification rate
    const names = ['base.hnte', 'directApply'];
    let covered = 0;
    let checks = 0;
    let narrowing = 0;
    const REPEATS = 8;
    for (let rep = 0; rep < REPEATS; rep++) {
      const { observations, truth } = syntheticTruth(rep);
      const res = await calibrateRegion(observations, { region: REGION, particles: 150, seed: `fit-${rep}` });
      if (res.status !== 'ok') throw new Error(res.message);
      for (const n of names) {
        const [lo, hi] = interval(res.calibration, n);
        const [plo, phi] = priorInterval(res.calibration, n);
        const t = truth.get(n) ?? Number.NaN;
        checks++;
        if (lo <= t && t <= hi) covered++;
        narrowing += (hi - lo) / (phi - plo);
      }
    }
    expect(covered / checks).toBeGreaterThanOrEqual(0.8);
    // and the intervals are informative: on average under half the prior's width
    expect(narrowing / checks).toBeLessThan(0.5);
  });

  it('treats a lower bound as censored: made exact, the posterior moves down to the figure', async () => {
    const figures = (q: Observation['qualifier']): Observation[] => [
      obs('hnte', 2015, 11000, 'stock'),
      obs('hnte', 2016, 20000, 'stock', q),
    ];
    const fit = async (q: Observation['qualifier']): Promise<Calibration> => {
      const r = await calibrateRegion(figures(q), { region: REGION, particles: 200, seed: 'censor' });
      if (r.status !== 'ok') throw new Error(r.message);
      return r.calibration;
    };
    const stock2016 = (cal: Calibration): number[] => {
      const m = cal.fits.length;
      const k = cal.fits.findIndex((f) => f.obs.year.from === 2016);
      return Array.from(
        { length: cal.smc.particles * cal.simsPerParticle },
        (_, i) => cal.smc.payload[i * m + k] ?? 0,
      );
    };
    const bound = await fit('lower_bound');
    const exact = await fit('exact');
    const [bLo = 0, bMid = 0] = weightedQuantiles(stock2016(bound), [0.05, 0.5]);
    const [eMid = 0] = weightedQuantiles(stock2016(exact), [0.5]);
    // exact: centred on the figure; bound: at or above it, and higher than the exact fit
    expect(Math.abs(eMid / 20000 - 1)).toBeLessThan(0.05);
    expect(bLo).toBeGreaterThan(20000 * 0.9);
    expect(bMid).toBeGreaterThan(eMid * 1.1);
    const growth = (cal: Calibration): number => {
      const [lo, hi] = interval(cal, 'directApply');
      return (lo + hi) / 2;
    };
    expect(growth(bound)).toBeGreaterThan(growth(exact));
  });

  it('gives the same posterior whatever the blocks the simulations run in', async () => {
    const figures = [
      obs('hnte', 2015, 300, 'stock'),
      obs('hnte_net', 2016, 60, 'net_increase'),
      obs('hnte', 2018, 520, 'stock'),
    ];
    const run = async (blockSize: number): Promise<Float64Array> => {
      const r = await calibrateRegion(figures, {
        region: REGION,
        particles: 60,
        simsPerParticle: 8,
        seed: 'chunks',
        blockSize,
      });
      if (r.status !== 'ok') throw new Error(r.message);
      return r.calibration.values;
    };
    const a = await run(250);
    expect(Array.from(await run(7))).toEqual(Array.from(a));
    expect(Array.from(await run(1))).toEqual(Array.from(a));
  });

  it('sorts a region’s rows into fitted, held out and not fitted, with reasons', () => {
    const rows = [
      obs('hnte', 2015, 300, 'stock'),
      obs('hnte_target', 2017, 400, 'target'),
      obs('zone_count', 2016, 3, 'stock'),
      obs('hnte', 2018, 520, 'stock'),
      { ...obs('hnte', 2015, 300, 'stock'), line: 99 },
    ];
    const s = regionSetup(rows, { region: REGION, until: 2016 });
    if (s.status !== 'ok') throw new Error(s.message);
    expect(s.setup.uses.map((u) => [u.obs.line, u.status, u.reason])).toEqual([
      [2015, 'fitted', ''],
      [2017, 'not-fitted', 'a goal, not an observation'],
      [2016, 'not-fitted', 'the number of high-tech zones, not a tier of firms'],
      [2018, 'held-out', 'after 2016'],
      [99, 'not-fitted', 'the same figure as line 2015'],
    ]);
    expect(regionSetup(rows, { region: 'nowhere' }).status).toBe('no-observations');
    expect(regionSetup([obs('srdi', 2020, 10, 'stock')], { region: REGION }).status).toBe('no-anchor');
    expect(regionSetup(rows, { region: REGION, breakYear: 2015 }).status).toBe('bad-break');
  });
});
