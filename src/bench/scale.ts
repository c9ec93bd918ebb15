import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `node <args>` and resolves when it exits (rejects on a non-zero exit). */
function runNode(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${err}`));
    });
  });
}

/**
 * A batch of whole-scenario runs as a job array would run them: `jobs` processes of
 * `ladder run <plan> --runs <runs> --workers 1`, cycling through the plans, `concurrency` at a
 * time, each a cold start. Returns the batch's wall time in seconds.
 */
export async function scenarioBatch(
  cli: string,
  plans: readonly string[],
  opts: { readonly jobs: number; readonly concurrency: number; readonly runs: number },
): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'ladder-scale-'));
  let next = 0;
  const t0 = performance.now();
  const lane = async (): Promise<void> => {
    while (next < opts.jobs) {
      const k = next++;
      const plan = plans[k % plans.length] ?? '';
      await runNode([
        cli,
        'run',
        plan,
        '--runs',
        String(opts.runs),
        '--workers',
        '1',
        '--out',
        join(out, String(k)),
      ]);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const seconds = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  return seconds;
}

/** What sharding one large run costs beyond the trajectories: part size and merge time. */
export interface ShardCost {
  readonly parts: number;
  readonly runs: number;
  /** mean size of a part file (bytes) */
  readonly partBytes: number;
  /** wall time of `ladder merge` over the parts, a cold start (seconds) */
  readonly mergeSeconds: number;
}

/** Runs `parts` shards of one run (one after another) and times `ladder merge` over them. */
export function shardCost(cli: string, plan: string, parts: number, runs: number): ShardCost {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-shards-'));
  for (let i = 0; i < parts; i++) {
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'run',
        plan,
        '--runs',
        String(runs),
        '--shard',
        `${i}/${parts}`,
        '--out',
        join(dir, `part-${i}.json`),
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`shard ${i} failed: ${r.stderr}`);
  }
  const files = readdirSync(dir).map((f) => join(dir, f));
  const partBytes = files.reduce((s, f) => s + statSync(f).size, 0) / files.length;
  const t0 = performance.now();
  const m = spawnSync(process.execPath, [cli, 'merge', ...files, '--out', join(dir, 'merged')], {
    encoding: 'utf8',
  });
  const mergeSeconds = (performance.now() - t0) / 1000;
  if (m.status !== 0) throw new Error(`merge failed: ${m.stderr}`);
  rmSync(dir, { recursive: true, force: true });
  return { parts, runs, partBytes, mergeSeconds };
}
