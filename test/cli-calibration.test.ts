import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { Backtest } from '../src/schema/backtest.js';
import { measuresOf } from '../src/schema/measure.js';
import { CalibrationSummary, Posterior } from '../src/schema/posterior.js';
import { Projection } from '../src/schema/projection.js';
import { RunSummary } from '../src/schema/result.js';

const OBSERVED = new URL('../seeds/data/observed_counts.csv', import.meta.url).pathname;

/** Report folders of these tests: a scratch folder, not the working directory's reports/. */
const REPORTS = mkdtempSync(join(tmpdir(), 'ladder-region-reports-'));
let reportCount = 0;

async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const writesReport =
    ['calibrate', 'project', 'backtest'].includes(args[0] ?? '') && !args.includes('--report');
  const argv = writesReport ? [...args, '--report', join(REPORTS, String(reportCount++))] : args;
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('ladder project', () => {
  const cases = [
    { region: 'hunan', until: 2018, to: 2024 },
    { region: 'guangdong', until: 2017, to: 2024 },
    { region: 'zhanjiang', until: 2020, to: 2024 },
  ] as const;
  for (const c of cases) {
    it(`prints the projection contract for ${c.region} fitted to ${c.until}`, async () => {
      const r = await cli([
        'project',
        '--observed',
        OBSERVED,
        '--region',
        c.region,
        '--until',
        String(c.until),
        '--to',
        String(c.to),
        '--json',
        '--particles',
        '60',
      ]);
      expect(r.code, r.err).toBe(0);
      const json: unknown = JSON.parse(r.out);
      expect(Object.keys(json as object)).toEqual(['region', 'until', 'series']);
      const p = Projection.parse(json);
      expect([p.region, p.until]).toEqual([c.region, c.until]);
      // the measures `ladder run` reports for a plan without sectors or marks, every one up to --to
      expect([...new Set(p.series.map((s) => s.measure))]).toEqual(measuresOf([], []));
      for (const m of measuresOf([], []))
        expect(p.series.some((s) => s.measure === m && s.year === c.to)).toBe(true);
      for (const s of p.series) {
        expect(s.p05 <= s.p25 && s.p25 <= s.p50 && s.p50 <= s.p75 && s.p75 <= s.p95, JSON.stringify(s)).toBe(
          true,
        );
      }
      // the fan starts near the last fitted 高企 stock
      const last = p.series.find((s) => s.measure === 'hnte' && s.year === c.until);
      const observed = { hunan: 4660, guangdong: 33000, zhanjiang: 301 }[c.region];
      expect(last?.p05).toBeLessThan(observed * 1.2);
      expect(last?.p95).toBeGreaterThan(observed * 0.8);
    });
  }

  it('draws the observed figures over the fitted fan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-chart-'));
    const svg = join(dir, 'fit.svg');
    const spec = join(dir, 'fit.vl.json');
    const args = ['project', '--region', 'zhanjiang', '--until', '2020', '--to', '2023', '--particles', '50'];
    const a = await cli([...args, '--chart', svg]);
    expect(a.code, a.err).toBe(0);
    expect(a.err).toBe('');
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    await cli([...args, '--chart', spec]);
    const vl = JSON.parse(readFileSync(spec, 'utf8')) as {
      vconcat: { title: string }[];
      data: { values: { type: string; status?: string }[] };
    };
    expect(vl.vconcat.map((v) => v.title)).toEqual(['hnte', 'hnte_new', 'srdi_new']);
    expect(vl.data.values.filter((v) => v.type === 'figure').map((v) => v.status)).toEqual([
      'fitted',
      'fitted',
      'fitted',
      'held out',
      'held out',
    ]);
  });

  it('refuses a projection that ends before it starts', async () => {
    const r = await cli(['project', '--region', 'hunan', '--until', '2018', '--to', '2018']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--to');
  });
});

describe('ladder calibrate', () => {
  it('stops with exit 2 and located errors on a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-obs-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'region,measure,year,value,kind,qualifier\nhunan,hnte,2016,2212,stock,exact\nhunan,hnte_news,2016,870,new,exact\nhunan,hnte,2017,about 3000,stock,exact\nhunan,hnte,2016,2213,stock,exact\n',
    );
    const r = await cli(['calibrate', '--observed', file, '--region', 'hunan']);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /bad\.csv:3 at measure: unknown measure .*found "hnte_news".*did you mean `hnte_new`/,
    );
    expect(lines[1]).toMatch(/bad\.csv:4 at value: not a number/);
    expect(lines[2]).toMatch(/bad\.csv:5 at value: duplicate of line 2/);
  });

  it('stops with exit 2 for a region without observations or without a 高企 stock', async () => {
    const none = await cli(['calibrate', '--region', 'atlantis']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no observations for region "atlantis"');
    const noAnchor = await cli(['calibrate', '--region', 'yueyang']);
    expect(noAnchor.code).toBe(2);
    expect(noAnchor.err).toContain('no 高企 stock');
    const badYear = await cli(['calibrate', '--region', 'hunan', '--until', '20x8']);
    expect(badYear.code).toBe(2);
  });

  it('writes a posterior that ladder run draws its parameters from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-post-'));
    const file = join(dir, 'zj.json');
    const c = await cli([
      'calibrate',
      '--region',
      'zhanjiang',
      '--until',
      '2020',
      '--particles',
      '50',
      '--out',
      file,
      '--json',
    ]);
    expect(c.code, c.err).toBe(0);
    const summary = CalibrationSummary.parse(JSON.parse(c.out));
    expect(summary.observations.filter((o) => o.status === 'fitted').map((o) => o.line)).toEqual([
      2, 3, 4, 5,
    ]);
    expect(summary.observations.filter((o) => o.status === 'held-out').map((o) => o.line)).toEqual([7, 9]);
    expect(summary.observations.find((o) => o.line === 6)?.reason).toBe('a goal, not an observation');
    const posterior = Posterior.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(posterior.samples.values).toHaveLength(50);
    const withPosterior = await cli([
      'run',
      'zhanjiang-2023',
      '--runs',
      '300',
      '--posterior',
      file,
      '--json',
      '--out',
      join(dir, 'rep'),
    ]);
    expect(withPosterior.code, withPosterior.err).toBe(0);
    const s = RunSummary.parse(JSON.parse(withPosterior.out));
    expect(s.warnings.some((w) => w.includes('posterior of zhanjiang'))).toBe(true);
    const plain = await cli(['run', 'zhanjiang-2023', '--runs', '300', '--out', join(dir, 'rep0')]);
    expect(plain.out).toContain('--posterior auto');
  });
});

describe('ladder backtest', () => {
  it('scores every later figure from each origin, beside the naive trend', async () => {
    const r = await cli([
      'backtest',
      '--region',
      'guangdong',
      '--origin',
      '2016',
      '--particles',
      '60',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const b = Backtest.parse(JSON.parse(r.out));
    expect(b.origins.map((o) => o.origin)).toEqual([2016]);
    const row = b.origins[0]?.rows[0];
    expect([row?.measure, row?.year, row?.value, row?.lead]).toEqual(['hnte', '2017', 33000, 1]);
    // the trend through 11,000 (2015) and 20,000 (2016) points at 29,000 in 2017
    expect(row?.naive?.p50).toBeCloseTo(29000, 0);
    expect(b.summary.model?.n).toBe(1);
  });
});
