import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/app/runScenario.js';
import { runCli } from '../src/cli/runCli.js';
import { pngRenderer } from '../src/io/rasterize.js';
import { METADATA_BEGIN, METADATA_END } from '../src/report/renderHtml.js';
import { runReportFiles } from '../src/report/reportFiles.js';
import { RunSummary } from '../src/schema/result.js';
import { ResolvedScenario } from '../src/schema/scenario.js';

/** Every file under a folder, by path relative to it. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** A report file with its metadata block cut out. */
function body(text: string): string {
  const a = text.indexOf(METADATA_BEGIN);
  const b = text.indexOf(METADATA_END);
  expect(a, 'metadata block start').toBeGreaterThan(0);
  expect(b, 'metadata block end').toBeGreaterThan(a);
  return text.slice(0, a) + text.slice(b + METADATA_END.length);
}

describe('run report files', () => {
  const root = mkdtempSync(join(tmpdir(), 'ladder-report-'));
  const first = join(root, 'first');
  const second = join(root, 'second');

  beforeAll(async () => {
    for (const out of [first, second]) {
      await runCommand({ target: 'jiangmen-2021', runs: 3000, seed: 'same', out, langs: ['zh', 'en'] });
    }
  });

  it('writes the report, both languages, the exports and every chart', () => {
    const files = [...readTree(first).keys()];
    for (const f of [
      'report.html',
      'report.en.html',
      'summary.json',
      'summary.md',
      'series.csv',
      'scenario.json',
    ]) {
      expect(files).toContain(f);
    }
    const charts = files.filter((f) => f.startsWith('charts/') && f.endsWith('.svg'));
    // 9 goals × 2 charts + 5 tiers + 4 marks with goals, in two languages
    // … and a spend chart for each of the two budget caps
    expect(charts).toHaveLength(2 * (9 * 2 + 5 + 4 + 2));
  });

  it('gives byte-identical files for the same seed, outside the metadata block', () => {
    const a = readTree(first);
    const b = readTree(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) {
      const other = b.get(name);
      if (name.endsWith('.html')) {
        const ta = bytes.toString('utf8');
        const tb = other?.toString('utf8') ?? '';
        expect(body(tb), name).toBe(body(ta));
        // the metadata block is where the folder and the time are, and the only place
        expect(ta).toContain(first);
        expect(body(ta)).not.toContain(root);
        expect(body(ta)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      } else {
        expect(other?.equals(bytes), name).toBe(true);
      }
    }
  });

  it('writes series.csv in UTF-8 with a BOM, and it parses back to the numbers of summary.json', () => {
    const bytes = readFileSync(join(first, 'series.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.toString('utf8'), { columns: true, bom: true });
    const summary = RunSummary.parse(JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')));
    expect(rows).toHaveLength(summary.series.length);
    summary.series.forEach((s, i) => {
      const r = rows[i];
      expect(r?.['measure']).toBe(s.measure);
      for (const k of ['year', 'p05', 'p25', 'p50', 'p75', 'p95', 'mean'] as const) {
        expect(Number(r?.[k]), `${s.measure} ${s.year} ${k}`).toBe(s[k]);
      }
    });
    expect(rows.find((r) => r['measure'] === 'hnte')?.['name']).toBe('高企');
  });

  it('keeps the run --json contract and adds the goal histograms', async () => {
    let out = '';
    const code = await runCli(
      ['run', 'zhanjiang-2023', '--runs', '1000', '--json', '--out', join(root, 'cli')],
      {
        stdout: (s) => (out += s),
        stderr: () => undefined,
      },
    );
    expect(code).toBe(0);
    const summary = RunSummary.parse(JSON.parse(out));
    for (const g of summary.goals) {
      const d = g.distribution;
      expect(d.counts.reduce((a, b) => a + b, 0) + d.below + d.above).toBe(summary.runs);
    }
  });

  it('prints nothing on stderr when it is not a terminal, and rejects an unknown language', async () => {
    let err = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (err += s) };
    expect(await runCli(['run', 'zhanjiang-2023', '--runs', '2000', '--out', join(root, 'quiet')], io)).toBe(
      0,
    );
    expect(err).toBe('');
    expect(await runCli(['run', 'zhanjiang-2023', '--lang', 'fr', '--out', join(root, 'fr')], io)).toBe(2);
    expect(err).toContain('expected zh, en or both, found "fr"');
  });

  it('draws PNG charts with a Chinese font', async () => {
    const png = pngRenderer();
    expect(png.cjkFont, 'a CJK font (Debian: fonts-noto-cjk)').toBeDefined();
    const svg = readFileSync(join(first, 'charts', 'fan-hnte.svg'), 'utf8');
    const bytes = png.rasterize(svg);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // twice the SVG's size: the width in the PNG header (bytes 16–19, big-endian)
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    expect(Buffer.from(bytes).readUInt32BE(16)).toBe(2 * svgWidth);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(join('test-artifacts', 'fan-hnte.jiangmen.png'), bytes);
    // every chart gets a PNG when a rasterizer is given
    const summary = RunSummary.parse(JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')));
    const scenario = ResolvedScenario.parse(JSON.parse(readFileSync(join(first, 'scenario.json'), 'utf8')));
    const report = await runReportFiles(summary, scenario, {
      metadata: { generatedAt: '', reportDir: '', source: '', runtime: '' },
      rasterize: () => new Uint8Array([1]),
    });
    const names = Object.keys(report.files);
    expect(names.filter((f) => f.endsWith('.png'))).toHaveLength(
      names.filter((f) => f.endsWith('.svg')).length,
    );
  });
});
