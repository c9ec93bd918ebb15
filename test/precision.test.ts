import { afterAll, describe, expect, it } from 'vitest';
import { accumulatorToJson } from '../src/engine/accumulator.js';
import { goalStdErrors, runToPrecision } from '../src/engine/precision.js';
import { runSerial } from '../src/engine/runner.js';
import { closeWorkerPool, createWorkerPool, type WorkerPool } from '../src/engine/workerPool.js';
import { engineWorkerPath } from '../src/io/engineWorker.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';

const scenario = loadTarget('zhanjiang-2023').scenario;
const model = compileModel(scenario);
const source = { spec: { scenario }, model };
const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map(closeWorkerPool));
});

describe('runToPrecision', () => {
  it('stops once every goal’s standard error is within the precision, in whole blocks', () => {
    const run = runToPrecision(undefined, source, { seed: '1', precision: 0.005, maxRuns: 1_000_000 });
    expect(run.reached).toBe(true);
    expect(run.acc.runs % 1000).toBe(0);
    const errors = goalStdErrors(model, run.acc);
    expect(errors.length).toBe(model.goals.length);
    for (const se of errors) expect(se).toBeLessThanOrEqual(0.005);
    expect(run.worstStdErr).toBe(Math.max(...errors));
    // and not far past it: one block fewer would not have met it for the worst goal's p(1 − p)
    const worst = Math.max(
      ...model.goals.map((g, i) => {
        const p = (run.acc.goals[i]?.metByYear[g.yearIndex] ?? 0) / run.acc.runs;
        return p * (1 - p);
      }),
    );
    expect(run.acc.runs).toBeLessThanOrEqual(Math.ceil(worst / 0.005 ** 2 / 1000) * 1000 + 1000);
  });

  it('uses the same streams as a fixed run: the result equals a fixed run of as many trajectories', () => {
    const run = runToPrecision(undefined, source, { seed: '9', precision: 0.004, maxRuns: 1_000_000 });
    expect(JSON.stringify(accumulatorToJson(run.acc))).toBe(
      JSON.stringify(accumulatorToJson(runSerial(model, '9', run.acc.runs))),
    );
  });

  it('gives the same run count and result on 1, 2 and 3 threads', () => {
    const results = [1, 2, 3].map((threads) => {
      const pool =
        threads > 1 ? createWorkerPool({ threads, entry: engineWorkerPath(), startRuns: 0 }) : undefined;
      if (pool !== undefined) pools.push(pool);
      const run = runToPrecision(pool, source, { seed: '3', precision: 0.003, maxRuns: 1_000_000 });
      return JSON.stringify(accumulatorToJson(run.acc));
    });
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });

  it('stops at the cap and says the precision was not reached', () => {
    const run = runToPrecision(undefined, source, { seed: '1', precision: 0.0005, maxRuns: 2_500 });
    expect(run.acc.runs).toBe(2_500);
    expect(run.reached).toBe(false);
    expect(run.worstStdErr).toBeGreaterThan(0.0005);
  });

  it('refuses a precision that is not positive', () => {
    expect(() => runToPrecision(undefined, source, { seed: '1', precision: 0, maxRuns: 10 })).toThrow(
      RangeError,
    );
  });
});
