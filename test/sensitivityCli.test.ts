import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { SensitivityReport } from '../src/schema/sensitivity.js';

/* `ladder sensitivity` end to end, in-process, with small designs so the file stays fast. */

const scratch = mkdtempSync(join(tmpdir(), 'ladder-sens-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const SMALL = ['--runs', '1000', '--tornado-runs', '200', '--sobol-rows', '64', '--sobol-reps', '1'];

describe('ladder sensitivity', () => {
  it('--json prints the report (its contract), and the folder holds the same JSON and summary.md', async () => {
    const out = join(scratch, 'zj');
    const r = await cli(
      'sensitivity',
      'zhanjiang-2023',
      '--goal',
      'hnte-700',
      ...SMALL,
      '--json',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = SensitivityReport.parse(JSON.parse(r.stdout));
    expect(report.goal.id).toBe('hnte-700');
    expect(report.settings.runs).toBe(1000);
    expect(report.tornado.length).toBeGreaterThan(0);
    expect(report.levers.some((l) => l.target === 'all-levers')).toBe(true);
    expect(readFileSync(join(out, 'sensitivity.json'), 'utf8')).toBe(r.stdout);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    // every chart is there, as SVG and as its Vega-Lite specification, and drew without warnings
    for (const chart of ['tornado', 'sobol', 'voi', 'voi-curves', 'levers']) {
      expect(readFileSync(join(out, `${chart}.svg`), 'utf8')).toMatch(/^<svg/);
      expect(JSON.parse(readFileSync(join(out, `${chart}.vl.json`), 'utf8'))).toHaveProperty('$schema');
      expect(md).toContain(`](${chart}.svg)`);
    }
    expect(md).not.toContain('chart ');
    for (const heading of [
      'What drives the verdict',
      'What the bureau controls',
      'What is not known',
      'worth measuring',
      'Where the plan fails',
      'Monte Carlo error',
    ]) {
      expect(md).toContain(heading);
    }
  });

  it('prints tables, the Monte Carlo error, and where the report went', async () => {
    const out = join(scratch, 'text');
    const r = await cli('sensitivity', 'jieyang-2024', '--goal', 'hnte-600', ...SMALL, '--out', out);
    expect(r.code).toBe(0);
    for (const s of [
      'P(goal) =',
      'One-way effects',
      "Sobol' indices",
      'Value of information',
      'Where the goal is missed',
      'Monte Carlo error:',
      'Report:',
    ]) {
      expect(r.stdout).toContain(s);
    }
    expect(existsSync(join(out, 'summary.md'))).toBe(true);
  });

  it('an unknown goal is a usage error that lists the goals', async () => {
    const r = await cli('sensitivity', 'zhanjiang-2023', '--goal', 'hnte-800', '--out', join(scratch, 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hnte-800');
    expect(r.stderr).toContain('hnte-700');
    expect(r.stderr).toContain('hnte-agri-100');
    expect(existsSync(join(scratch, 'x'))).toBe(false);
  });

  it('a goal without a figure cannot be analysed', async () => {
    const r = await cli('sensitivity', 'zhanjiang-2023', '--goal', 'listing-some');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not simulated');
  });

  it('--goal is required; sizes must be whole numbers in range', async () => {
    expect((await cli('sensitivity', 'zhanjiang-2023')).code).toBe(2);
    const bad = await cli('sensitivity', 'zhanjiang-2023', '--goal', 'hnte-700', '--sobol-rows', '8');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sobol-rows');
    expect(bad.stderr).toContain('16');
  });

  it('`sensitivity --help` lists its options', async () => {
    const r = await cli('sensitivity', '--help');
    expect(r.code).toBe(0);
    for (const opt of [
      '--goal',
      '--runs',
      '--seed',
      '--tornado-runs',
      '--sobol-rows',
      '--sobol-reps',
      '--json',
      '--out',
    ]) {
      expect(r.stdout).toContain(opt);
    }
  });
});
