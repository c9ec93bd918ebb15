import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { leverBounds, leverOverrides, parseLeverRef } from '../src/io/leverRef.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { CompareResult } from '../src/schema/compareResult.js';
import { GoalSeekResult } from '../src/schema/goalSeekResult.js';
import { RunSummary } from '../src/schema/result.js';
import { SweepResult } from '../src/schema/sweepResult.js';
import { PLAN_IDS } from './helpers.js';

/*
 * compare, sweep, goal-seek and init end to end (in-process, both streams captured), and bad
 * overrides. Every command writes into a scratch folder.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const scratch = mkdtempSync(join(tmpdir(), 'ladder-analysis-'));
let n = 0;
const fresh = (name = 'out'): string => join(scratch, `${name}-${++n}`);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** A failing command: exit 2, nothing on stdout, no report written; returns stderr. */
async function fails(...argv: string[]): Promise<string> {
  const out = fresh('fail');
  const r = await cli(...argv, '--out', out);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return r.stderr;
}

describe('compare: what each plan buys over the status quo', () => {
  it.each(PLAN_IDS)(
    '%s as written vs status quo: paired differences with both standard errors',
    async (id) => {
      const out = fresh();
      const r = await cli(
        'compare',
        id,
        `scenarios/${id}.status-quo.yaml`,
        '--runs',
        '300',
        '--json',
        '--out',
        out,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const c = CompareResult.parse(JSON.parse(r.stdout));
      expect(c.scenarios.map((s) => s.policy)).toEqual(['as-written', 'status-quo']);
      expect(c.runs).toBe(300);
      expect(c.omittedGoals).toEqual([]);
      expect(c.goals.length).toBeGreaterThan(0);
      const d = c.differences[0];
      if (d === undefined) throw new Error('no difference');
      expect(d.scenario).toBe(`${id}-status-quo`);
      expect(d.against).toBe(id);
      // every plan names a 高企 goal, and without its levers the plan has fewer 高企
      const hnte = c.goals.filter((g) => g.measure === 'hnte');
      expect(hnte.length).toBeGreaterThan(0);
      for (const g of hnte) {
        const dg = d.goals.find((x) => x.id === g.id);
        if (dg === undefined) throw new Error(g.id);
        expect(dg.value.diff, g.id).toBeLessThan(-2 * dg.value.pairedStdErr);
        expect(dg.value.unpairedStdErr).toBeGreaterThan(0);
      }
      // the status quo spends nothing on the plan's levers
      expect(c.results[1]?.spend.mean).toBe(0);
      expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(JSON.parse(r.stdout));
      const md = readFileSync(join(out, 'summary.md'), 'utf8');
      expect(md).toContain(`${id}-status-quo − ${id}`);
      expect(md).toContain('paired s.e.');
    },
  );

  it('prints the goals side by side and the paired difference, and writes reports/compare-<ids>/ by default', () => {
    const cwd = mkdtempSync(join(scratch, 'cwd-'));
    const r = spawnSync(
      process.execPath,
      [MAIN, 'compare', 'jiangmen-2021', 'jiangmen-2021.budget-cut', '--runs', '200'],
      { cwd, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[2] jiangmen-2021-budget-cut − [1] jiangmen-2021');
    expect(r.stdout).toContain('全市高企超2200家');
    expect(r.stdout).toMatch(/spend\s+.*亿元 ± .*\[.*\]/);
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['compare-jiangmen-2021--jiangmen-2021-budget-cut']);
  });

  it('scenarios of different plans with no goal in common → 2, naming them', async () => {
    expect(await fails('compare', 'jiangmen-2021', 'zhanjiang-2023', '--runs', '10')).toMatch(
      /no goal in common.*jiangmen-2021 \(plan jiangmen-2021\), zhanjiang-2023 \(plan zhanjiang-2023\)/,
    );
  });

  it('one scenario → 2', async () => {
    expect(await fails('compare', 'jiangmen-2021', '--runs', '10')).toMatch(/at least two scenarios/);
  });
});

describe('sweep', () => {
  it('--values: P(goal), spend and P(overspend) at each value, paired differences from the previous', async () => {
    const out = fresh();
    const r = await cli(
      'sweep',
      'jiangmen-2021',
      '--lever',
      'budget:hnte-cultivation',
      '--values',
      '2e8,5e8,8e8',
      '--goal',
      'hnte-2200',
      '--runs',
      '300',
      '--json',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = SweepResult.parse(JSON.parse(r.stdout));
    expect(s.lever).toEqual({
      ref: 'budget:hnte-cultivation',
      kind: 'budget',
      path: 'budgets.hnte-cultivation.amount',
      unit: 'yuan',
      current: 500_000_000,
    });
    expect(s.points.map((p) => p.value)).toEqual([2e8, 5e8, 8e8]);
    expect(s.goals.map((g) => g.id)).toEqual(['hnte-2200']);
    expect(s.points[0]?.goals[0]?.fromPrevious).toBeNull();
    expect(s.points[1]?.goals[0]?.fromPrevious).not.toBeNull();
    // more money: spend rises and the cap binds less often
    const spend = s.points.map((p) => p.spend.mean);
    const over = s.points.map(
      (p) => p.budgets.find((b) => b.id === 'hnte-cultivation')?.overspendProbability ?? NaN,
    );
    expect(spend[1]).toBeGreaterThan(spend[0] ?? Infinity);
    expect(over[0]).toBeGreaterThan(over[2] ?? Infinity);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('P(overspend) hnte-cultivation');
    expect(s.warnings.join('\n')).toMatch(/recert-reward.*no evidence/);
  });

  it('--from/--to/--steps and a table', async () => {
    const r = await cli(
      'sweep',
      'scenarios/yueyang-2022.yaml',
      '--lever',
      'priors.listingSupportEffect.high',
      '--from',
      '0',
      '--to',
      '2',
      '--steps',
      '3',
      '--goal',
      'listed-new-2',
      '--runs',
      '200',
      '--out',
      fresh(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('priors.listingSupportEffect.high → priors.listingSupportEffect.high');
    const lines = r.stdout.split('\n').filter((l) => /^\s*[012]\s+[01]\.\d{3}/.test(l));
    expect(lines).toHaveLength(3);
  });
});

describe('goal-seek', () => {
  it('--json: a value with its 2-SE interval, or "not reachable", as documented', async () => {
    const r = await cli(
      'goal-seek',
      'zhanjiang-2023',
      '--goal',
      'hnte-agri-100',
      '--lever',
      'move-in-bonus',
      '--probability',
      '0.3',
      '--runs',
      '300',
      '--tolerance',
      '50000',
      '--json',
      '--out',
      fresh(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const g = GoalSeekResult.parse(JSON.parse(r.stdout));
    expect(g.goal.id).toBe('hnte-agri-100');
    expect(g.range).toEqual({ lower: 0, upper: 3_000_000 });
    expect(['found', 'not-reachable', 'at-lower-bound']).toContain(g.result.status);
    if (g.result.status === 'found') {
      expect(g.result.interval.low).toBeLessThanOrEqual(g.result.value);
      expect(g.result.interval.high).toBeGreaterThanOrEqual(g.result.value);
      expect(g.result.at.probability).toBeGreaterThanOrEqual(0.3);
    }
    // at the lower bound one evaluation settles it; otherwise the search brackets and bisects
    expect(g.evaluations.length).toBeGreaterThan(g.result.status === 'at-lower-bound' ? 0 : 1);
  });

  it('not reachable is an answer: exit 0 and said so', async () => {
    const r = await cli(
      'goal-seek',
      'zhanjiang-2023',
      '--goal',
      'hnte-700',
      '--lever',
      'move-in-bonus',
      '--runs',
      '200',
      '--out',
      fresh(),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^not-reachable: not reachable within the lever's range/m);
  });
});

describe('init', () => {
  it.each(PLAN_IDS)('%s: the written scenario runs as is and gives the plan’s own results', async (id) => {
    const file = join(scratch, `${id}-init.yaml`);
    const w = await cli('init', id, '--out', file);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`plan: ${id}`);
    expect(text).toMatch(/原文: /);
    const a = await cli('run', file, '--runs', '200', '--json', '--out', fresh());
    const b = await cli('run', id, '--runs', '200', '--json', '--out', fresh());
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const ra = RunSummary.parse(JSON.parse(a.stdout));
    const rb = RunSummary.parse(JSON.parse(b.stdout));
    expect(ra.goals).toEqual(rb.goals);
    expect(ra.budgets).toEqual(rb.budgets);
    expect(ra.effect).toEqual(rb.effect);
  });

  it('lists every lever with its amounts and years, and every budget line, in the plan’s words', async () => {
    const file = join(scratch, 'jm.yaml');
    expect((await cli('init', 'jiangmen-2021', '--out', file)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const s of [
      'first-cert-reward:',
      'standard: 300000',
      'talent-island: 500000',
      'years: { from: 2021, to: 2023 }',
      'hnte-cultivation:',
      'amount: 500000000',
      '三年安排5亿元财政资金培育高企',
      '#   rewardPeak:',
    ])
      expect(text).toContain(s);
  });

  it('refuses to overwrite without --force (exit 2, file unchanged); --force overwrites', async () => {
    const file = join(scratch, 'keep.yaml');
    writeFileSync(file, 'mine\n');
    const r = await cli('init', 'jiangmen-2021', '--out', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keep\.yaml.*exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await cli('init', 'jiangmen-2021', '--out', file, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('plan: jiangmen-2021');
  });

  it('unknown plan → 2 with a suggestion', async () => {
    const r = await cli('init', 'jiangmen-2012', '--out', join(scratch, 'x.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `jiangmen-2021`?');
  });
});

describe('bad overrides exit 2 with a located message', () => {
  it.each([
    [
      'an unknown path',
      'budget.hnte-cultivation.amount=1',
      /--set budget\.hnte-cultivation\.amount=1 at budget: unknown key.*did you mean `budgets`/,
    ],
    [
      'an unknown lever',
      'levers.first-cert-rewrd.enabled=false',
      /--set levers\.first-cert-rewrd\.enabled=false at levers\.first-cert-rewrd: unknown lever.*did you mean `first-cert-reward`/,
    ],
    [
      'a negative budget',
      'budgets.hnte-cultivation.amount=-1',
      /--set budgets\.hnte-cultivation\.amount=-1 at budgets\.hnte-cultivation\.amount: .*expected a number >= 0, found the number -1/,
    ],
    [
      'a reward as text',
      'levers.first-cert-reward.amounts.standard=30万',
      /at levers\.first-cert-reward\.amounts\.standard: wrong type \(expected number, found the string "30万"\)/,
    ],
    [
      'a share above 1',
      'levers.rd-subsidy.amounts.share-of-deduction=1.5',
      /at levers\.rd-subsidy\.amounts\.share-of-deduction: .*is a share \(expected a share in \[0, 1\], found 1\.5\)/,
    ],
  ])('run --set with %s', async (_what, set, message) => {
    expect(await fails('run', 'jiangmen-2021', '--runs', '10', '--set', set)).toMatch(message);
  });

  it.each([
    [
      'a near miss of a lever',
      ['--lever', 'first-cert-reword', '--values', '1'],
      /--lever at first-cert-reword: unknown lever.*did you mean `first-cert-reward`/,
    ],
    [
      'a lever without an amount',
      ['--lever', 'listing-seed-pools', '--values', '1'],
      /states no amount.*priors\./,
    ],
    [
      'a share above 1',
      ['--lever', 'rd-subsidy', '--values', '0.1,1.5'],
      /--lever rd-subsidy=1\.5 at levers\.rd-subsidy\.amounts\.share-of-deduction: .*a share in \[0, 1\]/,
    ],
    [
      'a negative budget',
      ['--lever', 'budget:hnte-cultivation', '--values', '-1'],
      /--lever budget:hnte-cultivation=-1 at budgets\.hnte-cultivation\.amount: .*>= 0/,
    ],
    [
      'a value with a unit',
      ['--lever', 'first-cert-reward', '--values', '30万'],
      /--values.*expected comma-separated numbers.*found "30万"/,
    ],
    [
      'a prior outside its range',
      ['--lever', 'priors.rewardPeak.high', '--values', '0.5'],
      /--lever priors\.rewardPeak\.high=0\.5 at priors\.rewardPeak\.high: .*\[1, 10\]/,
    ],
    [
      'an unknown budget',
      ['--lever', 'budget:hnte-cultivaton', '--values', '1'],
      /did you mean `budget:hnte-cultivation`/,
    ],
  ])('sweep with %s', async (_what, args, message) => {
    expect(await fails('sweep', 'jiangmen-2021', '--runs', '10', ...args)).toMatch(message);
  });

  it('goal-seek with an unknown goal, a probability outside (0, 1), an empty range', async () => {
    const base = ['goal-seek', 'jiangmen-2021', '--lever', 'first-cert-reward', '--runs', '10'];
    expect(await fails(...base, '--goal', 'revenue500m-12')).toMatch(
      /--goal at revenue500m-12: unknown goal.*did you mean `revenue500m-120`/,
    );
    expect(await fails(...base, '--goal', 'hnte-2200', '--probability', '1.5')).toMatch(/--probability/);
    expect(await fails(...base, '--goal', 'hnte-2200', '--min', '5', '--max', '1')).toMatch(
      /range to search is empty/,
    );
  });
});

describe('lever references map to --set overrides', () => {
  const s = loadTarget('jiangmen-2021').scenario;
  it.each([
    ['first-cert-reward', 'levers.first-cert-reward.amounts.standard', 300_000, [0, 3_000_000]],
    [
      'first-cert-reward.talent-island',
      'levers.first-cert-reward.amounts.talent-island',
      500_000,
      [0, 5_000_000],
    ],
    [
      'levers.rd-subsidy.amounts.share-of-deduction',
      'levers.rd-subsidy.amounts.share-of-deduction',
      0.25,
      [0, 1],
    ],
    ['budget:hnte-cultivation', 'budgets.hnte-cultivation.amount', 500_000_000, [0, 5_000_000_000]],
    ['budgets.rd-subsidy.amount', 'budgets.rd-subsidy.amount', 10_000_000, [0, 100_000_000]],
    ['priors.rewardPeak.high', 'priors.rewardPeak', 2.5, [1, 10]],
    ['base.hnte.high', 'base.hnte', 1900, [0, 19_000]],
    ['applicationMultiplier.2022', 'applicationMultiplier.2022', 1, [0, 20]],
  ] as const)('%s', (ref, path, current, bounds) => {
    const r = parseLeverRef(ref, s);
    expect(r.current).toBe(current);
    expect(leverBounds(r)).toEqual(bounds);
    const sets = leverOverrides(r, current);
    expect(sets.map((x) => x.path.join('.'))).toEqual([path]);
    // setting the current value changes nothing: the mapping round-trips through validation
    const again = loadTarget('jiangmen-2021', sets).scenario;
    expect(again.plan).toEqual(s.plan);
    expect(again.priors).toEqual(s.priors);
  });

  it('a changed value reaches the resolved scenario', () => {
    const r = parseLeverRef('priors.rewardPeak.high', s);
    const changed = loadTarget('jiangmen-2021', leverOverrides(r, 3)).scenario;
    expect(changed.priors.rewardPeak).toMatchObject({ dist: 'pert', low: 1.3, mode: 1.6, high: 3 });
    const b = parseLeverRef('budget:hnte-cultivation', s);
    const cut = loadTarget('jiangmen-2021', leverOverrides(b, 1e8)).scenario;
    expect(cut.plan.budgets.find((x) => x.id === 'hnte-cultivation')?.amount).toBe(1e8);
  });
});
