import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { runCli } from '../src/cli/runCli.js';

/*
 * `ladder` end to end: in-process through runCli (both streams captured, exit code returned) and,
 * for the real binary, as a child process of `node dist/cli/main.js` (built before vitest runs).
 * In-process runs always pass `--out` into a temporary folder so nothing lands in the repository.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const PLAN_IDS = ['hunan-zones-2017', 'jiangmen-2021', 'jieyang-2024', 'yueyang-2022', 'zhanjiang-2023'];
const SCENARIO_FILES = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
const BASE_MEASURES = ['tsme', 'hnte', 'srdi', 'giant', 'listed'];
const VERSION = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).version;
/** Small enough to keep the file fast; the contract does not depend on the number of runs. */
const RUNS = '500';

const scratch = mkdtempSync(join(tmpdir(), 'ladder-cli-'));
let outCount = 0;
/** A fresh report folder path (not created) inside the scratch folder. */
const freshOut = (): string => join(scratch, `out-${++outCount}`);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process. */
async function cli(...argv: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

/** Runs the built binary as a child process in `cwd`. */
function bin(cwd: string, ...argv: string[]): Result {
  const r = spawnSync(process.execPath, [MAIN, ...argv], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error !== undefined) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const probability = z.number().min(0).max(1);
const count = z.number().nonnegative();

/** The `run --json` contract (extra fields allowed: later tools read these). */
const RunJson = z.object({
  scenario: z.string().min(1),
  plan: z.string().min(1),
  seed: z.string().min(1),
  runs: z.number().int().positive(),
  version: z.string().min(1),
  goals: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      measure: z.string().min(1),
      year: z.number().int(),
      comparison: z.string().min(1),
      target: z.number(),
      probability,
      probabilityStdErr: z.number().nonnegative(),
      quantiles: z.object({ p05: count, p50: count, p95: count }),
    }),
  ),
  series: z.array(
    z.object({
      measure: z.string().min(1),
      year: z.number().int(),
      p05: count,
      p25: count,
      p50: count,
      p75: count,
      p95: count,
      mean: count,
    }),
  ),
});
type RunJson = z.output<typeof RunJson>;

const PlansJson = z.array(
  z.object({
    id: z.string(),
    baseYear: z.number().int(),
    goals: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(['projected', 'qualitative']),
        measure: z.string().nullable(),
        comparison: z.string().nullable(),
        target: z.number().nullable(),
        year: z.number().int(),
      }),
    ),
  }),
);
type PlanListing = z.output<typeof PlansJson>[number];

let plansCache: Map<string, PlanListing> | undefined;
/** The shipped plans as `ladder plans --json` lists them. */
async function plans(): Promise<Map<string, PlanListing>> {
  if (plansCache === undefined) {
    const r = await cli('plans', '--json');
    expect(r.code).toBe(0);
    plansCache = new Map(PlansJson.parse(JSON.parse(r.stdout)).map((p) => [p.id, p]));
  }
  return plansCache;
}

/** Checks a `run --json` document against the contract and against its plan. */
function checkRun(doc: unknown, plan: PlanListing, expect_: { scenario: string; runs: number }): RunJson {
  const run = RunJson.parse(doc);
  expect(run.scenario).toBe(expect_.scenario);
  expect(run.plan).toBe(plan.id);
  expect(run.runs).toBe(expect_.runs);
  expect(run.version).toBe(VERSION);

  // every projected goal of the plan, as the plan states it, and nothing else
  const projected = plan.goals.filter((g) => g.kind === 'projected');
  expect(run.goals.map((g) => g.id).sort()).toEqual(projected.map((g) => g.id).sort());
  for (const g of run.goals) {
    const want = projected.find((p) => p.id === g.id);
    expect(want, g.id).toBeDefined();
    expect({
      label: g.label,
      measure: g.measure,
      year: g.year,
      comparison: g.comparison,
      target: g.target,
    }).toEqual({
      label: want?.label,
      measure: want?.measure,
      year: want?.year,
      comparison: want?.comparison,
      target: want?.target,
    });
    expect(g.quantiles.p05, g.id).toBeLessThanOrEqual(g.quantiles.p50);
    expect(g.quantiles.p50, g.id).toBeLessThanOrEqual(g.quantiles.p95);
    // the reported s.e. is the binomial one, sqrt(p(1 − p)/runs), to the printed precision
    expect(g.probabilityStdErr, g.id).toBeCloseTo(
      Math.sqrt((g.probability * (1 - g.probability)) / run.runs),
      4,
    );
  }

  // the series: every base measure in every year from the base year to the last goal year, no gap
  const years = [...new Set(run.series.map((s) => s.year))].sort((a, b) => a - b);
  expect(years[0]).toBe(plan.baseYear);
  expect(years).toEqual(years.map((_, i) => plan.baseYear + i));
  expect(years.at(-1)).toBeGreaterThanOrEqual(Math.max(...plan.goals.map((g) => g.year)));
  for (const measure of BASE_MEASURES) {
    for (const year of years) {
      const rows = run.series.filter((s) => s.measure === measure && s.year === year);
      expect(rows, `${measure} ${year}`).toHaveLength(1);
    }
  }
  for (const s of run.series) {
    const where = `${s.measure} ${s.year}`;
    expect(s.p05, where).toBeLessThanOrEqual(s.p25);
    expect(s.p25, where).toBeLessThanOrEqual(s.p50);
    expect(s.p50, where).toBeLessThanOrEqual(s.p75);
    expect(s.p75, where).toBeLessThanOrEqual(s.p95);
  }
  return run;
}

describe('help and version', () => {
  it('`--help` lists the commands and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ladder plans\b/);
    expect(r.stdout).toMatch(/ladder run <target>/);
    expect(r.stdout).toContain('--version');
  });

  it('`run --help` lists every option of run and exits 0', async () => {
    const r = await cli('run', '--help');
    expect(r.code).toBe(0);
    for (const opt of ['--runs', '--seed', '--json', '--out', '--help']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toContain('target');
  });

  it('`--version` prints the package version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
});

describe('plans', () => {
  it('lists the five plans as a table', async () => {
    const r = await cli('plans');
    expect(r.code).toBe(0);
    for (const id of PLAN_IDS) expect(r.stdout).toContain(id);
  });

  it('--json lists the five plans with their goals', async () => {
    const listed = await plans();
    expect([...listed.keys()].sort()).toEqual(PLAN_IDS);
    for (const p of listed.values()) expect(p.goals.length).toBeGreaterThan(0);
  });
});

describe('run --json follows the contract', () => {
  it.each(PLAN_IDS)('plan id %s', async (id) => {
    const r = await cli('run', id, '--json', '--runs', RUNS, '--out', freshOut());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = (await plans()).get(id);
    if (plan === undefined) throw new Error(`no plan ${id}`);
    checkRun(JSON.parse(r.stdout), plan, { scenario: id, runs: Number(RUNS) });
  });

  it.each(SCENARIO_FILES)('scenarios/%s', async (file) => {
    const path = join(ROOT, 'scenarios', file);
    const input = z
      .object({ id: z.string().optional(), plan: z.string() })
      .parse(parse(readFileSync(path, 'utf8')));
    const r = await cli('run', path, '--json', '--runs', RUNS, '--out', freshOut());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = (await plans()).get(input.plan);
    if (plan === undefined) throw new Error(`${file} names an unknown plan ${input.plan}`);
    checkRun(JSON.parse(r.stdout), plan, {
      scenario: input.id ?? file.replace(/\.\w+$/, ''),
      runs: Number(RUNS),
    });
  });

  it('the same seed gives byte-identical output; another seed differs', async () => {
    const args = ['run', 'jiangmen-2021', '--json', '--runs', '300'];
    const a = await cli(...args, '--seed', '7', '--out', freshOut());
    const b = await cli(...args, '--seed', '7', '--out', freshOut());
    const c = await cli(...args, '--seed', '8', '--out', freshOut());
    expect(a.code + b.code + c.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect(RunJson.parse(JSON.parse(a.stdout)).seed).toBe('7');
    expect(RunJson.parse(JSON.parse(c.stdout)).seed).toBe('8');
  });

  it('--json prints the summary.json it writes', async () => {
    const out = freshOut();
    const r = await cli('run', 'hunan-zones-2017', '--json', '--runs', '200', '--out', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(JSON.parse(r.stdout));
  });
});

describe('run prints a table and writes a report', () => {
  it.each(PLAN_IDS)('%s: every goal label with a probability; summary.json and summary.md', async (id) => {
    const out = freshOut();
    const r = await cli('run', id, '--runs', '200', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = (await plans()).get(id);
    if (plan === undefined) throw new Error(`no plan ${id}`);
    const lines = r.stdout.split('\n');
    for (const g of plan.goals) {
      const line = lines.find((l) => l.includes(g.label));
      expect(line, `goal ${g.id} not printed`).toBeDefined();
      if (g.kind === 'projected') expect(line, g.id).toMatch(/\b[01]\.\d{3,4} ± [01]\.\d{3,4}\b/);
    }
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['summary.json', 'summary.md']));
    checkRun(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), plan, { scenario: id, runs: 200 });
    expect(readFileSync(join(out, 'summary.md'), 'utf8').length).toBeGreaterThan(0);
  });
});

describe('exit codes', () => {
  /** Runs a failing command line and checks it writes nothing, prints no stdout and exits 2. */
  async function fails(...argv: string[]): Promise<string> {
    const out = freshOut();
    const r = await cli(...argv, '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    return r.stderr;
  }

  it('unknown command → 2, with a suggestion for a near miss', async () => {
    expect(await fails('frobnicate')).toMatch(/frobnicate/);
    expect(await fails('plan')).toMatch(/unknown command "plan".*did you mean `plans`/);
  });

  it('unknown option → 2, naming it', async () => {
    expect(await fails('run', 'zhanjiang-2023', '--frob', '1')).toMatch(/unknown option --frob/);
    expect(await fails('run', 'zhanjiang-2023', '--rusn', '1')).toMatch(
      /at --rusn: unknown option --rusn \(expected an option of this command: .*--runs.*, found --rusn\); did you mean `--runs`\?/,
    );
    expect(await fails('plans', '--verbose')).toMatch(/verbose/);
  });

  it.each(['0', '-3', '2.5', 'abc', '1e9'])('--runs %s → 2', async (runs) => {
    const err = await fails('run', 'zhanjiang-2023', '--runs', runs);
    expect(err).toContain('--runs');
    expect(err).toMatch(/expected a whole number from 2 to [\d,]+, found "/);
  });

  it('--seed without a value → 2', async () => {
    expect(await fails('run', 'zhanjiang-2023', '--runs', '10', '--seed')).toMatch(
      /--seed.*expected a non-empty/,
    );
  });

  it('missing target → 2', async () => {
    expect(await fails('run')).toMatch(/E_USAGE/);
  });

  it('unknown plan id → 2, with "did you mean" for a near miss only', async () => {
    const near = await fails('run', 'zhanjang-2023');
    expect(near).toContain('zhanjang-2023: no plan, scenario or file named "zhanjang-2023"');
    expect(near).toContain('did you mean `zhanjiang-2023`?');
    // a scenario name is a near miss too
    expect(await fails('run', 'jiangmen-2021.budget-cat')).toContain(
      'did you mean `jiangmen-2021.budget-cut`?',
    );
    const far = await fails('run', 'atlantis-1900');
    expect(far).toContain('no plan, scenario or file named "atlantis-1900"');
    expect(far).not.toContain('did you mean');
  });

  it('missing scenario file → 2, naming it', async () => {
    expect(await fails('run', 'scenarios/nowhere.yaml')).toMatch(/scenarios\/nowhere\.yaml.*no such file/);
  });
});

describe('the built binary (node dist/cli/main.js)', () => {
  const cwd = mkdtempSync(join(scratch, 'cwd-'));

  it('--help, run --help and --version exit 0', () => {
    const help = bin(cwd, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ladder plans\b/);
    expect(help.stdout).toMatch(/ladder run <target>/);
    const runHelp = bin(cwd, 'run', '--help');
    expect(runHelp.code).toBe(0);
    for (const opt of ['--runs', '--seed', '--json', '--out']) expect(runHelp.stdout).toContain(opt);
    const version = bin(cwd, '--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
  });

  it('plans --json lists the five plans', () => {
    const r = bin(cwd, 'plans', '--json');
    expect(r.code).toBe(0);
    expect(
      PlansJson.parse(JSON.parse(r.stdout))
        .map((p) => p.id)
        .sort(),
    ).toEqual(PLAN_IDS);
  });

  it('run --json prints what the in-process CLI prints, byte for byte', async () => {
    const args = ['run', 'yueyang-2022', '--json', '--runs', '300', '--seed', 'abc'];
    const child = bin(cwd, ...args, '--out', join(cwd, 'yy'));
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    const inProcess = await cli(...args, '--out', freshOut());
    // differs when dist/ is older than src/: the test command builds first (npm run build)
    expect(child.stdout, 'dist/ out of date? run `npm run build`').toBe(inProcess.stdout);
  });

  it('exit code 2 reaches the shell (unknown command, bad --runs, unknown plan)', () => {
    for (const argv of [['frobnicate'], ['run', 'zhanjiang-2023', '--runs', '0'], ['run', 'zhanjang-2023']]) {
      const r = bin(cwd, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error\[E_\w+\]/);
    }
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });

  it('`npm start` prints every Zhanjiang goal with a probability and writes reports/zhanjiang-2023/', async () => {
    const pkg = z
      .object({ scripts: z.object({ start: z.string() }) })
      .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
    expect(pkg.scripts.start).toBe('node dist/cli/main.js run zhanjiang-2023');
    const home = mkdtempSync(join(scratch, 'start-'));
    const r = bin(home, 'run', 'zhanjiang-2023');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = (await plans()).get('zhanjiang-2023');
    if (plan === undefined) throw new Error('no zhanjiang-2023');
    const lines = r.stdout.split('\n');
    for (const g of plan.goals) {
      const line = lines.find((l) => l.includes(g.label));
      expect(line, `goal ${g.id} not printed`).toBeDefined();
      if (g.kind === 'projected') expect(line, g.id).toMatch(/\b[01]\.\d{3,4} ± [01]\.\d{3,4}\b/);
    }
    const dir = join(home, 'reports', 'zhanjiang-2023');
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['summary.json', 'summary.md']));
    const summary = checkRun(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')), plan, {
      scenario: 'zhanjiang-2023',
      runs: 10_000,
    });
    expect(summary.seed).toBe('1');
    // the atomic write leaves no temporary folder behind
    expect(readdirSync(join(home, 'reports'))).toEqual(['zhanjiang-2023']);
  });
});
