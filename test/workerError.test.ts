import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * An error on a worker thread reaches the command line as an internal error: exit code 1, one
 * line saying what failed (the stack trace only with --debug), nothing written, no temporary
 * folder left, and the process ends by itself.
 *
 * The fault comes from outside the product. Node runs an `--import` preload on worker threads as
 * well as on the main thread; the preload below (written by this test) replaces Math.log on
 * worker threads only with one that fails after some calls — in the middle of a block of
 * trajectories, where a bug in the engine would fail — either by throwing or by ending the
 * thread. It relies on nothing of the pool's job protocol, only on the engine drawing numbers.
 */

const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ladder-worker-error-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const PRELOAD = join(scratch, 'workerFault.mjs');
writeFileSync(
  PRELOAD,
  `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) {
  const log = Math.log;
  let calls = 0;
  Math.log = (x) => {
    calls += 1;
    if (calls > 5000) {
      if (process.env.LADDER_TEST_FAULT === 'exit') process.exit(3);
      throw new Error('injected fault on a worker thread');
    }
    return log(x);
  };
}
`,
);

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** whether the test had to kill it */
  readonly hung: boolean;
}

/** `node --import <preload> dist/cli/main.js <args>`, killed if it has not ended after `limitMs`. */
function ladderWithFault(args: readonly string[], fault: 'throw' | 'exit', limitMs = 60_000): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(PRELOAD).href, MAIN, ...args], {
      env: { ...process.env, CI: 'true', LADDER_TEST_FAULT: fault },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, hung });
    });
  });
}

/** Lines of a stack trace. */
const STACK = /^\s+at .+/m;

describe('an error on a worker thread', () => {
  it.each([
    ['run', ['run', 'zhanjiang-2023', '--runs', '200000', '--workers', '2', '--out', 'OUT/report']],
    [
      'run --precision',
      ['run', 'zhanjiang-2023', '--precision', '0.00002', '--workers', '2', '--out', 'OUT/report'],
    ],
    [
      'run --shard',
      [
        'run',
        'jiangmen-2021',
        '--runs',
        '400000',
        '--shard',
        '0/2',
        '--workers',
        '2',
        '--out',
        'OUT/part.json',
      ],
    ],
  ])('%s: exit 1, one line, nothing written, no temporary folder, the process ends', async (_name, args) => {
    expect(existsSync(MAIN), 'dist/ is built by `npm test` before the tests').toBe(true);
    const home = mkdtempSync(join(scratch, 'case-'));
    const r = await ladderWithFault(
      args.map((a) => a.replace('OUT', home)),
      'throw',
    );
    expect(r.hung, 'the process ended by itself').toBe(false);
    expect([r.code, r.signal], r.stderr).toEqual([1, null]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^internal error: a worker thread failed: Error: injected fault on a worker thread\n\(a fault in ladder rather than in the input; run again with --debug to see where it happened\)\n$/,
    );
    expect(r.stderr, 'no stack trace').not.toMatch(STACK);
    expect(readdirSync(home), 'nothing written, no temporary folder').toEqual([]);
  });

  it('a worker thread that ends in the middle of a job: exit 1, not a process waiting for ever', async () => {
    const home = mkdtempSync(join(scratch, 'exit-'));
    const r = await ladderWithFault(
      ['run', 'zhanjiang-2023', '--runs', '200000', '--workers', '2', '--out', join(home, 'report')],
      'exit',
    );
    expect(r.hung, 'the process ended by itself').toBe(false);
    expect([r.code, r.signal], r.stderr).toEqual([1, null]);
    expect(r.stderr).toMatch(
      /^internal error: a worker thread failed: the worker thread stopped \(exit code 3\)\n/,
    );
    expect(readdirSync(home)).toEqual([]);
  });

  it('--debug prints where it happened: the stack trace, the worker thread’s included', async () => {
    const home = mkdtempSync(join(scratch, 'debug-'));
    const r = await ladderWithFault(
      [
        'run',
        'zhanjiang-2023',
        '--runs',
        '200000',
        '--workers',
        '2',
        '--out',
        join(home, 'report'),
        '--debug',
      ],
      'throw',
    );
    expect([r.code, r.signal], r.stderr).toEqual([1, null]);
    expect(r.stderr).toMatch(/^internal error: Error: a worker thread failed: Error: injected fault/);
    expect(r.stderr).toMatch(/at Math\.log .*workerFault\.mjs/);
    expect(r.stderr).toMatch(/at runBlocks /);
    expect(readdirSync(home)).toEqual([]);
  });
});
