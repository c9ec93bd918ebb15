import { afterAll, describe, expect, it } from 'vitest';
import { samplesFromValues, toValues } from '../src/analysis/calibrate.js';
import { createPairedStats, addTrajectory, addOutcomes } from '../src/analysis/pairedStats.js';
import { regionModelSpec } from '../src/analysis/regionModel.js';
import { regionSetup } from '../src/analysis/regionSetup.js';
import { fillStandardNormals } from '../src/analysis/normal.js';
import { rangeBlocks } from '../src/engine/blocks.js';
import { runPairedRange } from '../src/engine/paired.js';
import { outcomeWidth, pairedOutcomes } from '../src/engine/pairedOutcomes.js';
import { stream } from '../src/engine/rng.js';
import { runRowBatch, type DesignRow } from '../src/engine/rowBatch.js';
import { specModel, splitBlocks } from '../src/engine/runBlocks.js';
import { runOrdered } from '../src/engine/runJob.js';
import { simulateRows } from '../src/engine/simulateRows.js';
import { DESIGN_ROWS, PAIRED, packRowBatch, SAMPLED_ROWS, unpackRowBatch } from '../src/engine/workKinds.js';
import { closeWorkerPool, createWorkerPool, type WorkerPool } from '../src/engine/workerPool.js';
import { engineWorkerPath } from '../src/io/engineWorker.js';
import { loadObserved, SHIPPED_OBSERVED } from '../src/io/loadObserved.js';
import { withSamples } from '../src/model/paramSource.js';
import { paramSlots } from '../src/model/paramSlots.js';
import { compileModel } from '../src/model/compile.js';
import type { ModelSpec } from '../src/model/modelSpec.js';
import type { ResolvedScenario } from '../src/schema/scenario.js';
import { scenarioOf } from './helpers.js';

/*
 * Every kind of work the pool runs gives, on 1, 2 and 3 threads, what the serial function gives,
 * piece by piece; the worker threads take part; an error on a worker thread is an error here.
 */

const pools: WorkerPool[] = [];
const pool = (threads: number): WorkerPool => {
  const p = createWorkerPool({ threads, entry: engineWorkerPath(), startRuns: 0 });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map(closeWorkerPool));
});

/** Runs `job` until the pool's worker threads have taken part (they start in the background). */
function untilWorkersTakePart(p: WorkerPool, job: () => void): void {
  for (let k = 0; k < 400 && p.stats.piecesOnWorkers === 0 && p.threads > 1; k++) job();
}

const bytes = (xs: readonly Float64Array[]): string => JSON.stringify(xs.map((x) => Array.from(x)));

describe('paired blocks (compare, sweep, goal-seek)', () => {
  const scenarios = [scenarioOf('zhanjiang-2023'), scenarioOf('zhanjiang-2023', { policy: 'status-quo' })];
  const source = specModel({ scenario: scenarios[0] as ResolvedScenario });
  const specs: ModelSpec[] = scenarios.map((scenario) => ({ scenario }));
  const paired = { spec: specs, model: scenarios.map(compileModel) };
  const goalIndex = paired.model.map((m) => m.goals.map((_g, i) => i));
  const pieces = splitBlocks(rangeBlocks(0, 3000)).map((p) => ({ m: 0, p }));
  const serial = pieces.map((pc) => pairedOutcomes(paired.model, goalIndex, 'pp', pc.p.start, pc.p.count));

  it.each([1, 2, 3])('%i thread(s): the outcome rows of every piece, in piece order', (threads) => {
    const p = pool(threads);
    const run = (): Float64Array[] =>
      runOrdered(p, PAIRED, { models: [paired], input: { seed: 'pp', goalIndex }, pieces });
    untilWorkersTakePart(p, () => void run());
    expect(bytes(run())).toBe(bytes(serial));
    expect(p.stats.piecesOnWorkers > 0).toBe(threads > 1);
    expect(source.model.goals.length).toBeGreaterThan(0);
  });

  it('rows added in order give the statistics of one loop over the trajectories', () => {
    const a = createPairedStats(paired.model, goalIndex, [[1, 0]]);
    runPairedRange(paired.model, 'pp', 0, 3000, (_i, outs) => {
      addTrajectory(a, outs);
    });
    const b = createPairedStats(paired.model, goalIndex, [[1, 0]]);
    const width = outcomeWidth(paired.model, goalIndex);
    for (const r of serial) for (let off = 0; off < r.length; off += width) addOutcomes(b, r, off);
    const strip = (st: typeof a): string =>
      JSON.stringify({ m: st.perModel, p: st.perPair }, (_k, v: unknown) =>
        v instanceof Float64Array ? Array.from(v) : v,
      );
    expect(strip(b)).toBe(strip(a));
  });

  it('an error on a worker thread is an error of the job, and the pool runs the next job', () => {
    const p = pool(2);
    const good = { models: [paired], input: { seed: 'pp', goalIndex }, pieces };
    untilWorkersTakePart(p, () => void runOrdered(p, PAIRED, good));
    // this thread compiles the real models; the worker is sent specs it cannot compile
    const broken = { spec: [{ scenario: { id: 'x' } as unknown as ResolvedScenario }], model: paired.model };
    const many = splitBlocks(rangeBlocks(0, 40_000)).map((pc) => ({ m: 0, p: pc }));
    expect(() =>
      runOrdered(p, PAIRED, { models: [broken], input: { seed: 'pp', goalIndex }, pieces: many }),
    ).toThrow(/a worker thread failed: TypeError/);
    const before = p.stats.piecesOnWorkers;
    let again: Float64Array[] = [];
    for (let k = 0; k < 50 && p.stats.piecesOnWorkers === before; k++) again = runOrdered(p, PAIRED, good);
    expect(bytes(again)).toBe(bytes(serial));
    expect(p.stats.piecesOnWorkers).toBeGreaterThan(before);
  });

  it('tells the work done as pieces finish, up to the job’s total', () => {
    const p = pool(2);
    untilWorkersTakePart(
      p,
      () => void runOrdered(p, PAIRED, { models: [paired], input: { seed: 'pp', goalIndex }, pieces }),
    );
    const seen: number[] = [];
    runOrdered(
      p,
      PAIRED,
      { models: [paired], input: { seed: 'pp', goalIndex }, pieces },
      { onWork: (d) => seen.push(d) },
    );
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((d, i) => i === 0 || d >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(3000);
  });
});

describe('design rows (sensitivity)', () => {
  const scenario = scenarioOf('jieyang-2024');
  const model = compileModel(scenario);
  const slots = paramSlots(model).length;
  const u = (j: number): Float64Array => {
    const s = stream('rows', j, 'u');
    return Float64Array.from({ length: slots }, (_v, k) => (k % 3 === 0 ? Number.NaN : s()));
  };
  const batches = Array.from({ length: 12 }, (_b, k) => {
    const rows: DesignRow[] = Array.from({ length: 20 }, (_r, j) => ({
      u: u(k * 20 + j),
      start: j * 3,
      count: 3,
    }));
    return { seed: `s${k % 2}`, goal: 0, rows, keepUniforms: k % 2 === 0 };
  });
  // two models: the scenario and a variant, pieces alternating
  const variant = scenarioOf('jieyang-2024', { policy: 'status-quo' });
  const handles = [specModel({ scenario }), specModel({ scenario: variant })];
  const pieces = batches.map((b, k) => ({ m: k % 2, p: packRowBatch(b) }));
  const serial = batches.map((b, k) => runRowBatch(handles[k % 2]?.model ?? model, b));
  const flat = (
    rs: readonly { margin: Float64Array; met: Uint8Array; uniforms: Float64Array | undefined }[],
  ) =>
    JSON.stringify(
      rs.map((r) => [Array.from(r.margin), Array.from(r.met), r.uniforms && Array.from(r.uniforms)]),
    );

  it('packing a batch keeps its rows', () => {
    const b = batches[0];
    if (b === undefined) throw new Error('no batch');
    const back = unpackRowBatch(packRowBatch(b));
    expect(back.rows.map((r) => [Array.from(r.u), r.start, r.count])).toEqual(
      b.rows.map((r) => [Array.from(r.u), r.start, r.count]),
    );
  });

  it.each([1, 2, 3])('%i thread(s): every batch’s outcomes, on its own model', (threads) => {
    const p = pool(threads);
    const run = () => runOrdered(p, DESIGN_ROWS, { models: handles, input: null, pieces });
    untilWorkersTakePart(p, () => void run());
    expect(flat(run())).toBe(flat(serial));
    expect(p.stats.piecesOnWorkers > 0).toBe(threads > 1);
  });
});

describe('calibration rows', () => {
  const set = regionSetup(loadObserved(SHIPPED_OBSERVED), { region: 'hunan', breakYear: 2016 });
  if (set.status !== 'ok') throw new Error(set.message);
  const setup = set.setup;
  const spec = regionModelSpec(setup, setup.lastYear + 2);
  const source = specModel(spec);
  const n = 300;
  const d = setup.dims.length;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) fillStandardNormals(stream('cal', i, 'z'), z, i * d, d);
  const input = {
    seed: 'c',
    samples: samplesFromValues(setup, toValues(setup, z, n), n),
    streams: Float64Array.from({ length: n }, (_v, r) => 7 * r),
  };
  const serial = simulateRows(
    { model: withSamples(source.model, input.samples), streams: input.streams },
    'c',
    0,
    n,
  );
  const pieces = rangeBlocks(0, n, 13).map((p) => ({ m: 0, p }));

  it('the region model with its break is what a spec compiles to', () => {
    expect(spec.regimeBreak?.year).toBe(2016);
    expect(source.model.regimeBreak?.yearIndex).toBe(2016 - setup.baseYear);
  });

  it.each([1, 2, 3])('%i thread(s): the rows laid end to end are the serial rows', (threads) => {
    const p = pool(threads);
    const run = () => runOrdered(p, SAMPLED_ROWS, { models: [source], input, pieces });
    untilWorkersTakePart(p, () => void run());
    const width = source.model.measures.length * source.model.years.length;
    const out = new Float64Array(n * width);
    run().forEach((part, i) => {
      out.set(part, (pieces[i]?.p.start ?? 0) * width);
    });
    expect(Array.from(out)).toEqual(Array.from(serial));
    expect(p.stats.piecesOnWorkers > 0).toBe(threads > 1);
  });
});

describe('models held by worker threads', () => {
  it('a worker is sent a model’s spec only when it does not hold it', () => {
    const p = pool(2);
    const a = specModel({ scenario: scenarioOf('hunan-zones-2017') });
    const b = specModel({ scenario: scenarioOf('yueyang-2022') });
    const pieces = splitBlocks(rangeBlocks(0, 2000)).map((pc) => ({ m: 0, p: pc }));
    const goalIndex = [a.model.goals.map((_g, i) => i)];
    const pa = { spec: [a.spec], model: [a.model] };
    untilWorkersTakePart(
      p,
      () => void runOrdered(p, PAIRED, { models: [pa], input: { seed: 'h', goalIndex }, pieces }),
    );
    const w = p.workers[0];
    if (w === undefined) throw new Error('no worker');
    const key = p.keys.get(pa);
    expect(key).toBeDefined();
    expect([...w.held]).toEqual([key]);
    // a job of another model: the worker then holds that one only
    const pb = { spec: [b.spec], model: [b.model] };
    runOrdered(p, PAIRED, {
      models: [pb],
      input: { seed: 'h', goalIndex: [b.model.goals.map((_g, i) => i)] },
      pieces,
    });
    expect([...w.held]).toEqual([p.keys.get(pb)]);
  });
});
