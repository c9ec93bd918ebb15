import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../src/app/scenarioHash.js';
import { runCli } from '../src/cli/runCli.js';
import { POOL_START_RUNS } from '../src/engine/workerPool.js';
import { PartialResult } from '../src/schema/partial.js';

const dir = mkdtempSync(join(tmpdir(), 'ladder-scale-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, out, err };
}

/**
 * The files of a report folder (and its sub-folders), by path; the HTML's metadata block (time,
 * absolute paths) is left out, as it is the only part allowed to differ between identical runs.
 */
const folder = (d: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = join(e.parentPath, e.name);
        const text = readFileSync(full, 'utf8').replace(
          /<!-- metadata:begin -->[\s\S]*?<!-- metadata:end -->/g,
          '',
        );
        return [relative(d, full), text];
      }),
  );

const RUNS = '7500'; // 8 blocks, the last one short

describe('ladder run --workers', () => {
  // enough runs for the pool to start its worker threads
  it.each(['zhanjiang-2023', 'scenarios/jiangmen-2021.yaml'])(
    '%s: byte-identical JSON and report on 1, 2 and 3 workers',
    async (target) => {
      const outs = [];
      for (const k of ['1', '2', '3']) {
        const report = join(dir, `workers-${k}`);
        const r = await cli(
          'run',
          target,
          '--runs',
          String(POOL_START_RUNS),
          '--workers',
          k,
          '--json',
          '--out',
          report,
        );
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        outs.push({ json: r.out, files: folder(report) });
      }
      expect(outs[1]).toEqual(outs[0]);
      expect(outs[2]).toEqual(outs[0]);
      expect(JSON.parse(outs[0]?.json ?? '{}')).toMatchObject({ runs: POOL_START_RUNS });
    },
  );
});

describe('ladder run --precision', () => {
  it('runs as many trajectories as the precision needs, says so, and equals a fixed run of that many', async () => {
    const report = join(dir, 'precision');
    const r = await cli('run', 'jieyang-2024', '--precision', '0.005', '--workers', '2', '--out', report);
    expect(r.code).toBe(0);
    const runs = /· (\d+) runs \(as many as P\(met\) ± 0\.005 needs\)/.exec(r.out)?.[1];
    expect(runs).toBeDefined();
    const summary = JSON.parse(readFileSync(join(report, 'summary.json'), 'utf8')) as {
      runs: number;
      goals: { probabilityStdErr: number }[];
    };
    expect(String(summary.runs)).toBe(runs);
    for (const g of summary.goals) expect(g.probabilityStdErr).toBeLessThanOrEqual(0.005);
    const fixed = join(dir, 'precision-fixed');
    const f = await cli(
      'run',
      'jieyang-2024',
      '--runs',
      String(summary.runs),
      '--workers',
      '1',
      '--out',
      fixed,
    );
    expect(f.code).toBe(0);
    expect(folder(fixed)).toEqual(folder(report));
  });

  it('with --runs as a cap, warns when the cap stops it first', async () => {
    const r = await cli(
      'run',
      'zhanjiang-2023',
      '--precision',
      '0.001',
      '--runs',
      '2000',
      '--json',
      '--workers',
      '1',
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { runs: number; warnings: string[] };
    expect(s.runs).toBe(2000);
    expect(s.warnings.some((w) => w.startsWith('precision 0.001 not reached'))).toBe(true);
  });
});

describe('ladder run --shard and ladder merge', () => {
  const single = { json: '', table: '', files: {} as Record<string, string> };
  const shardDir = (n: number): string => join(dir, `shards-${n}`);
  const partsOf = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => join(shardDir(n), `p${i}.json`));

  it('the single-machine run', async () => {
    const report = join(dir, 'merged');
    const j = await cli('run', 'zhanjiang-2023', '--runs', RUNS, '--seed', 'm', '--json', '--out', report);
    const t = await cli('run', 'zhanjiang-2023', '--runs', RUNS, '--seed', 'm', '--out', report);
    expect(j.code + t.code).toBe(0);
    Object.assign(single, { json: j.out, table: t.out, files: folder(report) });
  });

  it.each([1, 3, 7, 10])('%i shards merged in any order give byte-identical output', async (n) => {
    for (const [i, file] of partsOf(n).entries()) {
      const r = await cli(
        'run',
        'zhanjiang-2023',
        '--runs',
        RUNS,
        '--seed',
        'm',
        '--shard',
        `${i}/${n}`,
        '--out',
        file,
      );
      expect(r.err).toBe('');
      expect(r.out).toMatch(new RegExp(`^shard ${i}/${n} of zhanjiang-2023: \\d+ of 7500 runs → `));
    }
    const all = partsOf(n);
    const orders = [
      all,
      [...all].reverse(),
      [...all.filter((_, k) => k % 2 === 1), ...all.filter((_, k) => k % 2 === 0)],
    ];
    for (const order of orders) {
      const report = join(dir, 'merged');
      rmSync(report, { recursive: true, force: true });
      const j = await cli('merge', ...order, '--json', '--out', report);
      expect(j.err).toBe('');
      expect(j.out).toBe(single.json);
      expect(folder(report)).toEqual(single.files);
      const t = await cli('merge', ...order, '--out', report);
      expect(t.out).toBe(single.table);
    }
  });

  it('writes part-<i>-of-<n>.json by default and records the resolved scenario and its hash', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await cli('run', 'yueyang-2022', '--runs', '3000', '--shard', '1/2', '--json');
      expect(JSON.parse(r.out)).toEqual({
        file: 'part-1-of-2.json',
        shard: { index: 1, count: 2 },
        runs: 1000,
        of: 3000,
      });
    } finally {
      process.chdir(cwd);
    }
    const part = PartialResult.parse(JSON.parse(readFileSync(join(dir, 'part-1-of-2.json'), 'utf8')));
    expect(part.scenario.id).toBe('yueyang-2022');
    expect(part.scenarioHash).toBe(scenarioHash(part.scenario, part.version));
  });

  /** Writes an edited copy of part i of the 3-shard run and returns its path. */
  let editCount = 0;
  const edited = (i: number, edit: (p: Record<string, unknown>) => void): string => {
    const p = JSON.parse(readFileSync(partsOf(3)[i] ?? '', 'utf8')) as Record<string, unknown>;
    edit(p);
    editCount += 1;
    const file = join(dir, `edited-${i}-${editCount}.json`);
    writeFileSync(file, JSON.stringify(p));
    return file;
  };
  const p0 = join(dir, 'shards-3', 'p0.json');
  const p1 = join(dir, 'shards-3', 'p1.json');
  const p2 = join(dir, 'shards-3', 'p2.json');

  it.each([
    ['a missing shard', () => [p0, p2], /missing shard 1 of 3/],
    ['a shard given twice', () => [p0, p1, p1, p2], /shard 1\/3 is given twice/],
    [
      'a shard of another seed',
      async () => {
        const other = join(dir, 'other-seed.json');
        await cli('run', 'zhanjiang-2023', '--runs', RUNS, '--seed', 'zz', '--shard', '1/3', '--out', other);
        return [p0, other, p2];
      },
      /the part is of another run than .*seed "zz"/,
    ],
    [
      'shards of another count',
      async () => {
        const other = join(dir, 'other-count.json');
        await cli('run', 'zhanjiang-2023', '--runs', RUNS, '--seed', 'm', '--shard', '1/4', '--out', other);
        return [p0, other, p2];
      },
      /shard 1\/4, .* is of 3 shards/,
    ],
    [
      'an edited scenario',
      () => [
        p0,
        edited(1, (p) => {
          (p['scenario'] as { runs: number }).runs = 9000;
        }),
        p2,
      ],
      /does not match its hash/,
    ],
    [
      'another ladder version',
      () => [
        p0,
        edited(1, (p) => {
          p['version'] = '0.0.1';
          p['scenarioHash'] = scenarioHash(PartialResult.parse(p).scenario, '0.0.1');
        }),
        p2,
      ],
      /made by another version of ladder/,
    ],
    [
      'a damaged accumulator',
      () => [
        p0,
        edited(1, (p) => {
          (p['accumulator'] as { runs: number }).runs += 1;
        }),
        p2,
      ],
      /another number of runs than its shard/,
    ],
  ] as const)('refuses %s (exit 2, E_MERGE)', async (_name, files, message) => {
    const r = await cli('merge', ...(await files()), '--out', join(dir, 'refused'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error\[E_MERGE\]/);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('refuses a file that is not a part (exit 2, with the file and field)', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "format": ');
    const a = await cli('merge', notJson);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^error\[E_SYNTAX\] .*not\.json:1:\d+: not valid JSON/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ format: 'something-else' }));
    const b = await cli('merge', wrong);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^error\[E_SCHEMA\] .*wrong\.json:1:\d+ at format: not a part file/);
  });
});

describe('usage errors', () => {
  it.each([
    [['--workers', '0'], /bad --workers/],
    [['--workers', 'many'], /bad --workers/],
    [['--precision', '0'], /bad --precision/],
    [['--precision', '0.7'], /bad --precision/],
    [['--shard', '3/3'], /bad --shard/],
    [['--shard', '1of3'], /bad --shard/],
    [['--shard', '0/2', '--precision', '0.01'], /--precision and --shard do not combine/],
  ])('run %j → exit 2', async (flags, message) => {
    const r = await cli('run', 'zhanjiang-2023', ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error\[E_USAGE\]/);
    expect(r.err).toMatch(message);
  });

  it('merge without files → exit 2', async () => {
    const r = await cli('merge');
    expect(r.code).toBe(2);
  });
});
