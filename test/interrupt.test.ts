import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { Interrupted } from '../src/io/interrupt.js';

/*
 * A run stopped by SIGINT or SIGTERM leaves the previous complete report (or none) and no
 * temporary folder, and exits 130 / 143. The real thing: `node dist/cli/main.js` (built by
 * `npm test` before the tests run) in a child process without a terminal, as on CI.
 */

const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ladder-interrupt-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** milliseconds from the signal to the exit */
  readonly stopMs: number;
}

/** Every file under a folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Polls until `ready()` holds (or fails after `timeoutMs`). */
async function until(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!ready()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await sleep(20);
  }
}

/** The temporary siblings a report folder `out` may have: `.out.tmp-…`, `.out.old-…`. */
const temporaries = (parent: string, name: string): string[] =>
  existsSync(parent) ? readdirSync(parent).filter((e) => e.startsWith(`.${name}.`)) : [];

/**
 * Starts `ladder <args>` in a child process, waits until its report folder's temporary sibling
 * exists (the run has started), sends `signal` and waits for the exit.
 */
async function interrupt(args: readonly string[], out: string, signal: NodeJS.Signals): Promise<Exit> {
  const child = spawn(process.execPath, [MAIN, ...args, '--out', out], {
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, sig) => {
      resolve({ code, signal: sig });
    });
  });
  const parent = join(out, '..');
  const name = out.split(/[\\/]/).pop() ?? '';
  let done = false;
  void exited.then(() => (done = true));
  await until(() => done || temporaries(parent, name).some((e) => e.includes('.tmp-')));
  expect(done, `the run ended before it was signalled: ${stderr}`).toBe(false);
  const t0 = Date.now();
  child.kill(signal);
  const r = await exited;
  return { ...r, stderr, stopMs: Date.now() - t0 };
}

/** `ladder <args>` to completion. */
function ladder(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, CI: 'true' },
      stdio: 'ignore',
    });
    child.on('exit', (code) => {
      resolve(code);
    });
  });
}

describe('a run stopped by a signal', () => {
  it('SIGINT: exits 130, the previous report byte for byte as it was, no temporary folder', async () => {
    expect(existsSync(MAIN), 'dist/ is built by `npm test` before the tests').toBe(true);
    const home = mkdtempSync(join(scratch, 'int-'));
    const out = join(home, 'out');
    expect(await ladder(['run', 'zhanjiang-2023', '--runs', '300', '--out', out])).toBe(0);
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('summary.json');

    const r = await interrupt(['run', 'zhanjiang-2023', '--runs', '2000000'], out, 'SIGINT');
    expect([r.code, r.signal], r.stderr).toEqual([130, null]);
    expect(r.stderr).toContain('stopped by SIGINT');
    expect(r.stderr).not.toContain('internal error');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(home)).toEqual(['out']);
    // it stops at the next block of 1,000 trajectories, not at the end of 2,000,000
    expect(r.stopMs).toBeLessThan(10_000);
  });

  it('SIGTERM: exits 143 and leaves no report, no temporary folder, no folder it created', async () => {
    const home = mkdtempSync(join(scratch, 'term-'));
    const out = join(home, 'new', 'deeper', 'out');
    const r = await interrupt(['run', 'jiangmen-2021', '--runs', '2000000'], out, 'SIGTERM');
    expect([r.code, r.signal], r.stderr).toEqual([143, null]);
    expect(r.stderr).toContain('stopped by SIGTERM');
    expect(readdirSync(home)).toEqual([]);
    expect(r.stopMs).toBeLessThan(10_000);
  });
});

describe('an analysis stopped by a signal, as a process', () => {
  it('compare, SIGTERM: exits 143 and leaves nothing', async () => {
    const home = mkdtempSync(join(scratch, 'compare-'));
    const out = join(home, 'out');
    const r = await interrupt(
      ['compare', 'zhanjiang-2023', 'zhanjiang-2023.status-quo', '--runs', '2000000'],
      out,
      'SIGTERM',
    );
    expect([r.code, r.signal], r.stderr).toEqual([143, null]);
    expect(r.stderr).toContain('stopped by SIGTERM');
    expect(readdirSync(home)).toEqual([]);
    expect(r.stopMs).toBeLessThan(10_000);
  });
});

describe('every long command stops between blocks when asked', () => {
  /** Runs a command in-process and stops it once `started()` holds. */
  async function stopInProcess(
    argv: readonly string[],
    started: () => boolean,
  ): Promise<{ code: number; stderr: string }> {
    const controller = new AbortController();
    let stderr = '';
    let finished = false;
    const run = runCli(argv, {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      signal: controller.signal,
    }).then((code) => {
      finished = true;
      return code;
    });
    await until(() => finished || started());
    expect(finished, `finished before it was stopped: ${stderr}`).toBe(false);
    controller.abort(new Interrupted('SIGTERM'));
    return { code: await run, stderr };
  }

  it.each([
    ['compare', ['compare', 'zhanjiang-2023', 'zhanjiang-2023.status-quo', '--runs', '2000000']],
    [
      'sweep',
      ['sweep', 'zhanjiang-2023', '--lever', 'move-in-bonus', '--values', '0,1e6', '--runs', '2000000'],
    ],
    [
      'goal-seek',
      ['goal-seek', 'zhanjiang-2023', '--goal', 'hnte-700', '--lever', 'move-in-bonus', '--runs', '2000000'],
    ],
    ['sensitivity', ['sensitivity', 'zhanjiang-2023', '--goal', 'hnte-700', '--runs', '2000000']],
    // as many runs as a precision needs: rounds of blocks, each round in chunks
    ['run --precision', ['run', 'zhanjiang-2023', '--precision', '0.00005', '--runs', '5000000']],
  ])('%s: exits 143, nothing written', async (_name, args) => {
    const home = mkdtempSync(join(scratch, 'cmd-'));
    const out = join(home, 'out');
    const r = await stopInProcess([...args, '--out', out], () =>
      temporaries(home, 'out').some((e) => e.includes('.tmp-')),
    );
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toContain('stopped by SIGTERM');
    expect(readdirSync(home)).toEqual([]);
  });

  it.each([
    ['calibrate', ['calibrate', '--region', 'zhanjiang', '--out', 'OUT/posterior.json']],
    [
      'project',
      ['project', '--region', 'hunan', '--until', '2018', '--to', '2024', '--chart', 'OUT/fan.svg'],
    ],
    ['backtest', ['backtest', '--region', 'zhanjiang', '--chart', 'OUT/backtest.svg']],
    ['run --posterior auto', ['run', 'zhanjiang-2023', '--posterior', 'auto', '--out', 'OUT/out']],
    // a shard writes its part file at the end only
    [
      'run --shard',
      ['run', 'zhanjiang-2023', '--runs', '4000000', '--shard', '0/2', '--out', 'OUT/part.json'],
    ],
  ])('%s: exits 143 during the work, no file written', async (_name, args) => {
    const home = mkdtempSync(join(scratch, 'fit-'));
    const t0 = Date.now();
    const r = await stopInProcess(
      args.map((a) => a.replace('OUT', home)),
      () => Date.now() - t0 > 300,
    );
    expect(r.code, r.stderr).toBe(143);
    expect(readdirSync(home)).toEqual([]);
  });
});
