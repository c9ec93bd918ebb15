import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateScenario } from '../src/app/runScenario.js';
import { runCli } from '../src/cli/runCli.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { parseSetOverride } from '../src/io/setOverrides.js';
import { PARAM_BOUNDS, PARAM_NAMES, type ParamName } from '../src/schema/params.js';
import { METADATA_BEGIN, METADATA_END } from '../src/report/renderHtml.js';
import { MAX_YUAN } from '../src/schema/common.js';
import { RunSummary } from '../src/schema/result.js';
import { summaryProblems } from './helpers.js';

/*
 * Extreme but valid inputs: each runs, every number of the summary is finite, probabilities stay
 * in [0, 1] and counts non-negative (summaryProblems), and the answer is the sensible one.
 */

async function run(target: string, sets: readonly string[], runs = 200): Promise<RunSummary> {
  const scenario = loadTarget(target, sets.map(parseSetOverride)).scenario;
  return simulateScenario({ ...scenario, runs, seed: 'extremes' });
}

const series = (s: RunSummary, measure: string, year: number) =>
  s.series.find((r) => r.measure === measure && r.year === year);

describe('extreme but valid inputs', () => {
  it('a plan with 100,000 高企: the same rates give the same growth as at 301', async () => {
    // Zhanjiang's base state × 330 (301 高企 → 99,330), under the status quo (no lever adds a
    // fixed number of firms): the stock's growth ratio is that of the real plan, less noisy
    const k = 330;
    const plan = loadTarget('zhanjiang-2023.status-quo').scenario.plan;
    const scaled = Object.entries(plan.base).map(([key, b]) => {
      const range =
        b.low !== undefined && b.high !== undefined ? `, low: ${b.low * k}, high: ${b.high * k}` : '';
      return `base.${key}={value: ${b.value * k}, origin: ${b.origin}${range}, source: scaled}`;
    });
    const big = await run('zhanjiang-2023.status-quo', scaled, 1000);
    const small = await run('zhanjiang-2023.status-quo', [], 1000);
    expect(summaryProblems(big)).toEqual([]);
    // the series' quantiles are read from a histogram with buckets 1/2048 of their value wide
    expect(Math.abs((series(big, 'hnte', 2020)?.p50 ?? 0) - 301 * k)).toBeLessThanOrEqual((301 * k) / 2048);
    const growth = (s: RunSummary, base: number): number => (series(s, 'hnte', 2025)?.p50 ?? NaN) / base;
    expect(growth(big, 301 * k)).toBeGreaterThan(1);
    expect(Math.abs(growth(big, 301 * k) / growth(small, 301) - 1)).toBeLessThan(0.05);
    expect(big.goals.find((g) => g.id === 'hnte-700')?.probability).toBe(1);
  });

  it('a 30-year horizon: every year to 2050 is simulated and stays finite', async () => {
    const s = await run('zhanjiang-2023', ['horizon=2050']);
    expect(summaryProblems(s)).toEqual([]);
    const years = [...new Set(s.series.filter((r) => r.measure === 'hnte').map((r) => r.year))];
    expect(years).toEqual(Array.from({ length: 31 }, (_, i) => 2020 + i));
    const end = series(s, 'hnte', 2050);
    expect(end?.p50).toBeGreaterThan(0);
    expect(end?.p95).toBeLessThan(1e7);
  });

  it('a zero budget: every promise rationed to nothing, no division by zero', async () => {
    const zero = [
      'budgets.hnte-cultivation.amount=0',
      'budgets.rd-subsidy.amount=0',
      'budgets.innovation-model.amount=0',
    ];
    const s = await run('jiangmen-2021', zero, 400);
    const full = await run('jiangmen-2021', [], 400);
    expect(summaryProblems(s)).toEqual([]);
    for (const b of s.budgets.filter((x) => x.kind === 'cap')) {
      expect(b.spend, b.id).toEqual({ mean: 0, p05: 0, p50: 0, p95: 0 });
      expect(b.demand.mean, b.id).toBeGreaterThan(0);
      expect(b.overspendProbability, b.id).toBe(1);
    }
    // rewards that are not paid buy less: P(goal) no higher than with the budget
    const p = (x: RunSummary): number => x.goals.find((g) => g.id === 'hnte-2200')?.probability ?? NaN;
    expect(p(s)).toBeLessThanOrEqual(p(full));
  });

  it.each(['low', 'high'] as const)(
    'every parameter fixed at the %s end of its range, for 30 years',
    async (end) => {
      const sets = PARAM_NAMES.map((name) => {
        const [lo, hi] = PARAM_BOUNDS[name];
        const value = end === 'low' ? lo : hi;
        return `priors.${name}={dist: fixed, value: ${value}, tag: I, source: bound}`;
      });
      const s = await run('jiangmen-2021', [...sets, 'horizon=2050'], 50);
      expect(summaryProblems(s)).toEqual([]);
    },
  );

  it('rewards and budgets at the largest amount accepted', async () => {
    const s = await run(
      'jiangmen-2021',
      [
        `levers.first-cert-reward.amounts.standard=${MAX_YUAN}`,
        `levers.move-in-bonus.amounts.per-firm=${MAX_YUAN}`,
        `budgets.hnte-cultivation.amount=${MAX_YUAN}`,
        'horizon=2050',
        // the strongest responses the priors allow: an application or move-in rate × 10¹⁶
        ...['rewardElasticity', 'moveInBonusEffect', 'moveIn', 'directApply', 'rewardPeak'].map(
          (name) =>
            `priors.${name}={dist: fixed, value: ${PARAM_BOUNDS[name as ParamName][1]}, tag: I, source: bound}`,
        ),
      ],
      50,
    );
    expect(summaryProblems(s)).toEqual([]);
    expect(s.goals.find((g) => g.id === 'hnte-2200')?.probability).toBe(1);
  });
});

describe('extreme but valid inputs through `ladder run`, with the whole report', () => {
  const root = mkdtempSync(join(tmpdir(), 'ladder-extremes-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Runs `ladder run` in-process; returns the summary and the report's text outside its metadata. */
  async function cliRun(args: readonly string[]): Promise<{ summary: RunSummary; html: string }> {
    const out = join(root, `r${readdirSync(root).length}`);
    let err = '';
    const code = await runCli(['run', ...args, '--runs', '200', '--out', out], {
      stdout: () => undefined,
      stderr: (s) => (err += s),
    });
    expect(code, err).toBe(0);
    const summary = RunSummary.parse(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    const html =
      page.slice(0, page.indexOf(METADATA_BEGIN)) +
      page.slice(page.indexOf(METADATA_END) + METADATA_END.length);
    return { summary, html };
  }

  const noBadNumbers = (html: string): void => {
    for (const word of ['NaN', 'Infinity', 'undefined', 'null']) expect(html, word).not.toContain(word);
  };

  it('more than 100,000 高企: the report reads as for any plan', async () => {
    const plan = loadTarget('zhanjiang-2023').scenario.plan;
    const k = 333; // 301 高企 → 100,233
    const sets = Object.entries(plan.base).flatMap(([key, b]) => [
      '--set',
      `base.${key}={value: ${b.value * k}, origin: ${b.origin}${
        b.low !== undefined && b.high !== undefined ? `, low: ${b.low * k}, high: ${b.high * k}` : ''
      }, source: scaled}`,
    ]);
    const { summary, html } = await cliRun(['zhanjiang-2023', ...sets]);
    expect(summaryProblems(summary)).toEqual([]);
    expect(series(summary, 'hnte', 2020)?.p50).toBeGreaterThanOrEqual(100_000);
    noBadNumbers(html);
  });

  it('a 30-year horizon: every year to 2050 in the report', async () => {
    const { summary, html } = await cliRun(['jiangmen-2021', '--set', 'horizon=2050']);
    expect(summaryProblems(summary)).toEqual([]);
    expect(series(summary, 'hnte', 2050)?.p50).toBeGreaterThan(0);
    expect(html).toContain('2050');
    noBadNumbers(html);
  });

  it('a zero budget: nothing paid, P(overspend) 1, and no division by zero in the report', async () => {
    const { summary, html } = await cliRun([
      'jiangmen-2021',
      '--set',
      'budgets.hnte-cultivation.amount=0',
      '--set',
      'budgets.rd-subsidy.amount=0',
    ]);
    expect(summaryProblems(summary)).toEqual([]);
    for (const b of summary.budgets.filter((x) => x.kind === 'cap')) {
      expect(b.spend.mean, b.id).toBe(0);
      expect(b.overspendProbability, b.id).toBe(1);
    }
    noBadNumbers(html);
  });
});
