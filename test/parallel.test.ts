import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { accumulatorToJson, createAccumulator, type Accumulator } from '../src/engine/accumulator.js';
import { rangeBlocks, shardBlocks } from '../src/engine/blocks.js';
import { runBlocks, runTrajectories, type SpecModel } from '../src/engine/runBlocks.js';
import { runRangeInto, runSerial } from '../src/engine/runner.js';
import {
  closeWorkerPool,
  createWorkerPool,
  POOL_START_RUNS,
  type WorkerPool,
} from '../src/engine/workerPool.js';
import { engineWorkerPath } from '../src/io/engineWorker.js';
import { InputError } from '../src/io/errors.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';
import type { ResolvedScenario } from '../src/schema/scenario.js';

const PLAN_IDS = ['zhanjiang-2023', 'jieyang-2024', 'jiangmen-2021', 'yueyang-2022', 'hunan-zones-2017'];
const source = (scenario: ResolvedScenario): SpecModel => ({
  spec: { scenario },
  model: compileModel(scenario),
});
const SOURCES = PLAN_IDS.map((id) => source(loadTarget(id).scenario));
const json = (acc: Accumulator): string => JSON.stringify(accumulatorToJson(acc));

const pools: WorkerPool[] = [];
const pool = (threads: number, entry = engineWorkerPath()): WorkerPool => {
  const p = createWorkerPool({ threads, entry, startRuns: 0 });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map(closeWorkerPool));
});

describe('blocks', () => {
  it('rangeBlocks covers the range in order, in blocks of the given size', () => {
    expect(rangeBlocks(5, 7, 3)).toEqual([
      { start: 5, count: 3 },
      { start: 8, count: 3 },
      { start: 11, count: 1 },
    ]);
    expect(rangeBlocks(0, 0)).toEqual([]);
  });

  it('the shards of a run cover every block exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 40 }), (runs, n) => {
        const all = rangeBlocks(0, runs);
        const parts = Array.from({ length: n }, (_, index) => shardBlocks(runs, { index, count: n }));
        const got = parts.flat().sort((a, b) => a.start - b.start);
        expect(got).toEqual(all);
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('runRangeInto', () => {
  it('any cut of a range into pieces gives the same accumulator (property)', () => {
    const src = SOURCES[0];
    if (src === undefined) throw new Error('no plan');
    const whole = json(runSerial(src.model, 'cut', 300));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 299 }), { maxLength: 6 }), (cuts) => {
        const edges = [0, ...cuts.sort((a, b) => a - b), 300];
        const acc = createAccumulator(src.model);
        // pieces in reverse order: the order of the pieces does not matter either
        for (let k = edges.length - 1; k > 0; k--) {
          const from = edges[k - 1] ?? 0;
          runRangeInto(src.model, 'cut', from, (edges[k] ?? 0) - from, acc);
        }
        expect(json(acc)).toBe(whole);
      }),
      { seed: 5, numRuns: 15 },
    );
  });
});

describe('runTrajectories on a worker pool', () => {
  const RUNS = 6_000;
  /** Runs jobs until the worker threads are up and taking blocks (they start in the background). */
  const warmUp = (p: WorkerPool): void => {
    const src = SOURCES[4];
    if (src === undefined) throw new Error('no plan');
    for (let k = 0; k < 200 && p.stats.piecesOnWorkers === 0 && p.threads > 1; k++) {
      runTrajectories(p, src, { seed: 'warm-up', start: 0, count: 10_000 });
    }
  };

  it.each([1, 2, 3])('gives byte-identical results with %i thread(s), for every plan', (threads) => {
    const p = pool(threads);
    warmUp(p);
    for (const src of SOURCES) {
      const serial = json(runSerial(src.model, src.spec.scenario.seed, RUNS));
      const acc = runTrajectories(p, src, { seed: src.spec.scenario.seed, start: 0, count: RUNS });
      expect(acc.runs).toBe(RUNS);
      expect(json(acc)).toBe(serial);
    }
    // the worker threads took part (a pool of one thread has none)
    expect(p.stats.piecesOnWorkers > 0).toBe(threads > 1);
  });

  it('keeps giving identical results when one pool runs jobs of several scenarios in turn', () => {
    const p = pool(3);
    warmUp(p);
    const [a, b] = SOURCES;
    if (a === undefined || b === undefined) throw new Error('no plans');
    const refA = json(runSerial(a.model, 'x', 4_000));
    const refB = json(runSerial(b.model, 'x', 4_000));
    const before = p.stats.piecesOnWorkers;
    for (let round = 0; round < 3; round++) {
      expect(json(runTrajectories(p, a, { seed: 'x', start: 0, count: 4_000 }))).toBe(refA);
      expect(json(runTrajectories(p, b, { seed: 'x', start: 0, count: 4_000 }))).toBe(refB);
    }
    expect(p.stats.piecesOnWorkers).toBeGreaterThan(before);
  });

  it('runs any list of blocks, e.g. a shard, and offsets give the same trajectories', () => {
    const p = pool(2);
    const src = SOURCES[1];
    if (src === undefined) throw new Error('no plan');
    const blocks = shardBlocks(9_000, { index: 1, count: 3 });
    const here = createAccumulator(src.model);
    for (const b of blocks) runRangeInto(src.model, 's', b.start, b.count, here);
    expect(json(runBlocks(p, src, 's', blocks))).toBe(json(here));
  });

  it('reports an error on a worker thread, and sends that worker its scenario again after', () => {
    const p = pool(2);
    warmUp(p);
    const src = SOURCES[3];
    if (src === undefined) throw new Error('no plan');
    // this thread runs the valid model; the workers get a scenario they cannot compile
    const unusable = { ...src.spec.scenario, plan: undefined } as unknown as ResolvedScenario;
    expect(() =>
      runTrajectories(
        p,
        { spec: { scenario: unusable }, model: src.model },
        { seed: '1', start: 0, count: 40_000 },
      ),
    ).toThrow(/a worker thread failed: TypeError/);
    const before = p.stats.piecesOnWorkers;
    const ref = json(runSerial(src.model, '1', 8_000));
    expect(json(runTrajectories(p, src, { seed: '1', start: 0, count: 8_000 }))).toBe(ref);
    expect(p.stats.piecesOnWorkers).toBeGreaterThan(before);
  });

  it('finishes on this thread when the worker threads cannot start', () => {
    const p = pool(3, '/nonexistent/blockWorker.js');
    const src = SOURCES[2];
    if (src === undefined) throw new Error('no plan');
    const acc = runTrajectories(p, src, { seed: '2', start: 0, count: 3_000 });
    expect(json(acc)).toBe(json(runSerial(src.model, '2', 3_000)));
    expect(p.stats.piecesOnWorkers).toBe(0);
  });
});

describe('when a pool starts its worker threads', () => {
  it('not for a job below startRuns; from the first job at or above it, and then for every job', () => {
    const src = SOURCES[0];
    if (src === undefined) throw new Error('no plan');
    const p = createWorkerPool({ threads: 2, entry: engineWorkerPath(), startRuns: 20_000 });
    pools.push(p);
    const ref = json(runSerial(src.model, '4', 19_000));
    expect(json(runTrajectories(p, src, { seed: '4', start: 0, count: 19_000 }))).toBe(ref);
    expect(p.workers.length).toBe(0);
    runTrajectories(p, src, { seed: '4', start: 0, count: 20_000 });
    expect(p.workers.length).toBe(1);
    expect(json(runTrajectories(p, src, { seed: '4', start: 0, count: 19_000 }))).toBe(ref);
  });

  it('by default, for jobs of POOL_START_RUNS trajectories', () => {
    expect(createWorkerPool({ threads: 2, entry: 'x' }).startRuns).toBe(POOL_START_RUNS);
  });
});

describe('engineWorkerPath', () => {
  it('finds the built worker script', () => {
    expect(engineWorkerPath()).toMatch(/dist[/\\]engine[/\\]blockWorker\.js$/);
  });

  it('says how to build it when it is missing', () => {
    let error: unknown;
    try {
      engineWorkerPath('/nonexistent/dist/engine/blockWorker.js');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'E_NOT_BUILT' });
    expect((error as InputError).hint).toMatch(/npm run build/);
  });
});
