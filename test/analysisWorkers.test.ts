import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plannedFitTrajectories } from '../src/analysis/calibrate.js';
import { DEFAULT_SENSITIVITY, designTrajectories } from '../src/analysis/sensitivity.js';
import { compareCommand } from '../src/app/compareScenarios.js';
import { fitRegion } from '../src/app/calibrateRegion.js';
import { sensitivityCommand } from '../src/app/sensitivity.js';
import { runCli } from '../src/cli/runCli.js';
import { POOL_START_RUNS } from '../src/engine/workerPool.js';
import { scenarioOf } from './helpers.js';

/*
 * Every analysis gives byte-identical --json output on 1, 2 and 3 threads. The sizes are the
 * smallest that still plan POOL_START_RUNS trajectories or more, so that the worker threads
 * start with the first job (app/pool.ts) and take part; test/workKinds.test.ts checks, kind by
 * kind, that they do.
 */

const scratch = mkdtempSync(join(tmpdir(), 'ladder-workers-'));
let n = 0;
const fresh = (name = 'out'): string => join(scratch, `${name}-${++n}`);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function cli(
  argv: readonly string[],
  stderrIsTTY = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(stderrIsTTY ? { stderrIsTTY } : {}),
  });
  return { code, stdout, stderr };
}

/** The command's --json output on 1, 2 and 3 threads (a report folder of its own each time). */
async function onThreads(argv: readonly string[], writes = true): Promise<string[]> {
  const outs: string[] = [];
  for (const workers of ['1', '2', '3']) {
    const r = await cli([...argv, '--json', '--workers', workers, ...(writes ? ['--out', fresh()] : [])]);
    expect(r.code, r.stderr).toBe(0);
    // nothing but warnings on stderr: no progress bar without a terminal
    expect(r.stderr).not.toMatch(/\r|█/);
    outs.push(r.stdout);
  }
  return outs;
}

function expectSame(outs: readonly string[]): void {
  expect(outs[0]?.length).toBeGreaterThan(100);
  expect(outs[1]).toBe(outs[0]);
  expect(outs[2]).toBe(outs[0]);
}

describe('the same --json on 1, 2 and 3 threads', () => {
  it('compare (2 scenarios × 15,000 runs)', async () => {
    expectSame(
      await onThreads(['compare', 'hunan-zones-2017', 'hunan-zones-2017.status-quo', '--runs', '15000']),
    );
  });

  it('sweep (2 values × 15,000 runs)', async () => {
    expectSame(
      await onThreads([
        'sweep',
        'hunan-zones-2017',
        '--lever',
        'incubators',
        '--values',
        '2,6',
        '--runs',
        '15000',
      ]),
    );
  });

  it('goal-seek (about 15 values × 2,000 runs)', async () => {
    const outs = await onThreads([
      'goal-seek',
      'hunan-zones-2017',
      '--goal',
      'hnte-double',
      '--lever',
      'incubators',
      '--probability',
      '0.5',
      '--runs',
      '2000',
    ]);
    expectSame(outs);
    expect((JSON.parse(outs[0] ?? '{}') as { evaluations: unknown[] }).evaluations.length).toBeGreaterThan(5);
  });

  it('sensitivity (small designs)', async () => {
    const settings = { ...DEFAULT_SENSITIVITY, runs: 2000, tornadoRuns: 200, sobolRows: 128 };
    expect(designTrajectories(scenarioOf('hunan-zones-2017'), settings)).toBeGreaterThanOrEqual(
      POOL_START_RUNS,
    );
    expectSame(
      await onThreads([
        'sensitivity',
        'hunan-zones-2017',
        '--goal',
        'hnte-double',
        '--runs',
        '2000',
        '--tornado-runs',
        '200',
        '--sobol-rows',
        '128',
      ]),
    );
  });

  it('calibrate and run --posterior FILE (50 particles)', async () => {
    expect(plannedFitTrajectories(50)).toBeGreaterThanOrEqual(POOL_START_RUNS);
    const posteriors = ['1', '2', '3'].map(() => fresh('posterior.json'));
    const outs: string[] = [];
    for (const [k, workers] of ['1', '2', '3'].entries()) {
      const r = await cli([
        'calibrate',
        '--region',
        'zhanjiang',
        '--particles',
        '50',
        '--json',
        '--workers',
        workers,
        '--out',
        posteriors[k] ?? '',
      ]);
      expect(r.code, r.stderr).toBe(0);
      outs.push(r.stdout);
    }
    expectSame(outs);
    // a plan run drawing from the posterior: 30,000 runs (and their counterfactual)
    expectSame(
      await onThreads([
        'run',
        'hunan-zones-2017',
        '--posterior',
        posteriors[0] ?? '',
        '--runs',
        String(POOL_START_RUNS),
      ]),
    );
  });

  it('project (50 particles)', async () => {
    expectSame(
      await onThreads(
        ['project', '--region', 'guangdong', '--until', '2017', '--to', '2020', '--particles', '50'],
        false,
      ),
    );
  });
});

describe('progress of the analyses', () => {
  /** Records what a command tells its progress callback. */
  const recorder = () => {
    const seen: { done: number; total: number; estimated: boolean }[] = [];
    return {
      seen,
      onProgress: (done: number, total: number, estimated = false) => {
        seen.push({ done, total, estimated });
      },
    };
  };
  const monotone = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x >= (xs[i - 1] ?? 0));

  it('compare: told piece by piece, never past the total, ending at the runs', async () => {
    const rec = recorder();
    await compareCommand({
      targets: ['hunan-zones-2017', 'hunan-zones-2017.status-quo'],
      runs: 5000,
      noWrite: true,
      workers: 1,
      onProgress: rec.onProgress,
    });
    const done = rec.seen.map((s) => s.done);
    // 5,000 runs in pieces of 250: a step for every piece, not one jump at the end
    expect(new Set(done).size).toBeGreaterThanOrEqual(20);
    expect(monotone(done)).toBe(true);
    expect(rec.seen.every((s) => s.done <= s.total && s.total === 5000 && !s.estimated)).toBe(true);
    expect(done.at(-1)).toBe(5000);
  });

  it('sensitivity: an estimate until the pilot is done, then the exact total the report states', async () => {
    const rec = recorder();
    const { report } = await sensitivityCommand({
      target: 'hunan-zones-2017',
      goal: 'hnte-double',
      runs: 500,
      tornadoRuns: 100,
      sobolRows: 16,
      noWrite: true,
      workers: 1,
      onProgress: rec.onProgress,
    });
    expect(rec.seen[0]?.estimated).toBe(true);
    const last = rec.seen.at(-1);
    expect(last).toEqual({ done: report.trajectories, total: report.trajectories, estimated: false });
    expect(monotone(rec.seen.map((s) => s.done))).toBe(true);
    expect(new Set(rec.seen.map((s) => s.done)).size).toBeGreaterThan(20);
  });

  it('calibration: told batch after batch against an estimated total, ending at what it ran', async () => {
    const rec = recorder();
    const cal = await fitRegion({
      region: 'guangdong',
      particles: 50,
      workers: 1,
      onProgress: rec.onProgress,
    });
    const ran = cal.smc.simulations * cal.simsPerParticle;
    expect(rec.seen.every((s) => s.estimated)).toBe(true);
    expect(monotone(rec.seen.map((s) => s.done))).toBe(true);
    expect(rec.seen.at(-1)?.done).toBe(ran);
    // the estimate, once the first stage's temperature is known, within a factor of two of the truth
    const mid = rec.seen[Math.floor(rec.seen.length / 2)];
    expect(mid?.total).toBeGreaterThan(ran / 2);
    expect(mid?.total).toBeLessThan(ran * 2);
  });

  it('draws a bar on a terminal only', async () => {
    // slow enough for the bar's first draw (after 400 ms): 50 particles of a city fit
    const tty = await cli(
      ['calibrate', '--region', 'zhanjiang', '--particles', '50', '--workers', '1'],
      true,
    );
    expect(tty.code, tty.stderr).toBe(0);
    expect(tty.stderr).toMatch(/\r\[█*░*\] +\d+% {2}[\d,]+\/≈[\d,]+ {2}ETA/);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const pipe = await cli(['calibrate', '--region', 'zhanjiang', '--particles', '50', '--workers', '1']);
    expect(pipe.stderr).not.toMatch(/\r|█/);
    expect(pipe.stdout).toBe(tty.stdout);
  });
});
