import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../src/app/compareScenarios.js';
import { goalSeekCommand } from '../src/app/goalSeekLever.js';
import { sweepCommand } from '../src/app/sweepLever.js';
import { runCli } from '../src/cli/runCli.js';
import { compareReportDocument } from '../src/report/compareReport.js';
import { documentCharts, type Block, type ReportDocument } from '../src/report/document.js';
import { goalSeekReportDocument } from '../src/report/goalSeekReport.js';
import { formatYuan } from '../src/report/leversSection.js';
import { formatPercent } from '../src/report/numberFormat.js';
import { METADATA_BEGIN, METADATA_END } from '../src/report/renderHtml.js';
import { probabilityCell } from '../src/report/runReport.js';
import { scenarioHash } from '../src/report/scenarioHash.js';
import { sweepReportDocument } from '../src/report/sweepReport.js';
import { CompareResult } from '../src/schema/compareResult.js';
import { GoalSeekResult } from '../src/schema/goalSeekResult.js';
import { ResolvedScenario } from '../src/schema/scenario.js';
import { SweepResult } from '../src/schema/sweepResult.js';

/*
 * The reports of compare, sweep and goal-seek: the files, the same bytes for the same seed, the
 * CSV against the JSON, and the numbers in the text against the JSON. Few trajectories: the
 * reports' shape, not the model, is under test.
 */

const root = mkdtempSync(join(tmpdir(), 'ladder-analysis-report-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const RUNS = 300;
/** Zhanjiang's two goals keep the charts few; the move-in bonus is money the alternatives differ in. */
const COMPARED = [
  'zhanjiang-2023',
  'scenarios/zhanjiang-2023.no-move-in-bonus.yaml',
  'scenarios/zhanjiang-2023.status-quo.yaml',
];

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

function body(text: string): string {
  const a = text.indexOf(METADATA_BEGIN);
  const b = text.indexOf(METADATA_END);
  expect(a, 'metadata block start').toBeGreaterThan(0);
  expect(b, 'metadata block end').toBeGreaterThan(a);
  return text.slice(0, a) + text.slice(b + METADATA_END.length);
}

/** Every text of a document's blocks (tables cell by cell), for looking numbers up. */
function texts(doc: ReportDocument): string[] {
  const out: string[] = [doc.title, ...doc.subtitle];
  const visit = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'paragraph' || b.kind === 'note' || b.kind === 'heading' || b.kind === 'code')
        out.push(b.text);
      else if (b.kind === 'list') out.push(...b.items);
      else if (b.kind === 'table') {
        out.push(...b.header);
        for (const r of b.rows)
          for (const c of r) out.push(typeof c === 'string' ? c : `${c.text} ${c.detail ?? ''}`);
      } else if (b.kind === 'details') visit(b.blocks);
    }
  };
  for (const s of doc.sections) {
    out.push(s.title);
    visit(s.blocks);
  }
  return out;
}

type Run = (out: string) => Promise<unknown>;

const RUNNERS: Readonly<Record<'compare' | 'sweep' | 'goal-seek', Run>> = {
  compare: (out) => compareCommand({ targets: COMPARED, runs: RUNS, seed: 'same', out, langs: ['zh', 'en'] }),
  sweep: (out) =>
    sweepCommand({
      target: 'jiangmen-2021',
      lever: 'first-cert-reward',
      values: [0, 300000, 600000],
      goal: 'hnte-2200',
      runs: RUNS,
      seed: 'same',
      out,
      langs: ['zh', 'en'],
    }),
  'goal-seek': (out) =>
    goalSeekCommand({
      target: 'jiangmen-2021',
      goal: 'hnte-2200',
      lever: 'budget:hnte-cultivation',
      probability: 0.9,
      runs: RUNS,
      seed: 'same',
      out,
      langs: ['zh', 'en'],
    }),
};

describe.each(Object.entries(RUNNERS))('%s report folder', (kind, runIt) => {
  const first = join(root, `${kind}-a`);
  const second = join(root, `${kind}-b`);
  beforeAll(async () => {
    await runIt(first);
    await runIt(second);
  });

  it('holds summary.json, summary.md, series.csv, the resolved scenarios, both reports and their charts', () => {
    const files = [...readTree(first).keys()];
    for (const f of ['summary.json', 'summary.md', 'series.csv', 'report.html', 'report.en.html']) {
      expect(files).toContain(f);
    }
    const scenarios = files.filter((f) => f === 'scenario.json' || f.startsWith('scenarios/'));
    expect(scenarios).toHaveLength(kind === 'compare' ? 3 : 1);
    const html = readFileSync(join(first, 'report.html'), 'utf8');
    for (const s of scenarios) {
      const scenario = ResolvedScenario.parse(JSON.parse(readFileSync(join(first, s), 'utf8')));
      expect(scenario.runs).toBe(RUNS);
      expect(scenario.seed).toBe('same');
      // the reproducibility block names the hash of the scenario file written beside it
      expect(html).toContain(scenarioHash(scenario));
    }
    const svg = files.filter((f) => f.startsWith('charts/') && f.endsWith('.svg'));
    const zh = svg.filter((f) => !f.endsWith('.en.svg'));
    expect(zh.length).toBeGreaterThanOrEqual(kind === 'goal-seek' ? 2 : 4);
    expect(svg).toHaveLength(2 * zh.length);
    // every chart file is one figure of the report
    expect(html.match(/<figure /g)?.length).toBe(zh.length);
  });

  it('gives byte-identical files for the same seed, outside the metadata block', () => {
    const a = readTree(first);
    const b = readTree(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) {
      const other = b.get(name);
      if (name.endsWith('.html')) {
        const ta = bytes.toString('utf8');
        expect(body(other?.toString('utf8') ?? ''), name).toBe(body(ta));
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
    const json: unknown = JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8'));
    const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
    if (kind === 'compare') {
      const r = CompareResult.parse(json);
      expect(rows).toHaveLength(r.results.length * (r.goals.length + 1));
      for (const [k, res] of r.results.entries()) {
        for (const e of res.goals) {
          const row = rows.find((x) => x['scenario'] === res.scenario && x['item'] === e.id);
          for (const f of ['probability', 'probabilityStdErr', 'mean', 'p05', 'p50', 'p95'] as const) {
            expect(num(row?.[f]), `${res.scenario} ${e.id} ${f}`).toBe(e[f]);
          }
          const d = k === 0 ? undefined : r.differences[k - 1]?.goals.find((x) => x.id === e.id);
          expect(num(row?.['diffProbability'])).toBe(d?.probability.diff ?? null);
          expect(num(row?.['diffMeanPairedStdErr'])).toBe(d?.value.pairedStdErr ?? null);
          expect(num(row?.['yuanPerFirm'])).toBe(d?.yuanPerFirm ?? null);
        }
        const spend = rows.find((x) => x['scenario'] === res.scenario && x['item'] === 'spend');
        expect(num(spend?.['mean'])).toBe(res.spend.mean);
        expect(num(spend?.['diffMean'])).toBe(k === 0 ? null : (r.differences[k - 1]?.spend.diff ?? null));
      }
      expect(rows[0]?.['label']).toBe(r.goals[0]?.label);
    } else if (kind === 'sweep') {
      const r = SweepResult.parse(json);
      for (const p of r.points) {
        for (const e of p.goals) {
          const row = rows.find((x) => num(x['value']) === p.value && x['item'] === e.id);
          for (const f of ['probability', 'probabilityStdErr', 'mean', 'p05', 'p50', 'p95'] as const) {
            expect(num(row?.[f]), `${p.value} ${e.id} ${f}`).toBe(e[f]);
          }
          expect(num(row?.['fromPrevious'])).toBe(e.fromPrevious?.diff ?? null);
        }
        for (const b of p.budgets) {
          const row = rows.find((x) => num(x['value']) === p.value && x['item'] === `overspend:${b.id}`);
          expect(num(row?.['probability'])).toBe(b.overspendProbability);
        }
      }
    } else {
      const r = GoalSeekResult.parse(json);
      expect(rows.map((x) => num(x['value']))).toEqual(r.evaluations.map((e) => e.value));
      expect(rows.map((x) => num(x['probability']))).toEqual(r.evaluations.map((e) => e.probability));
      expect(rows.map((x) => num(x['spend']))).toEqual(r.evaluations.map((e) => e.spend));
    }
  });
});

describe('the numbers in the reports are those of summary.json', () => {
  const scenarioFiles = (dir: string, sub: string): ResolvedScenario[] =>
    readdirSync(join(dir, sub))
      .sort()
      .map((f) => ResolvedScenario.parse(JSON.parse(readFileSync(join(dir, sub, f), 'utf8'))));

  it('compare: each verdict cell, the spend difference in words, and the P(met) chart', () => {
    const dir = join(root, 'compare-a');
    const result = CompareResult.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
    const scenarios = scenarioFiles(dir, 'scenarios');
    const doc = compareReportDocument({ result, scenarios }, 'zh');
    const all = texts(doc).join('\n');
    for (const res of result.results) {
      for (const e of res.goals) expect(all).toContain(probabilityCell(e, result.runs));
    }
    const cut = result.differences[0];
    if (cut === undefined) throw new Error('no difference');
    // without the move-in bonus the plan spends less: said in words with the amount of summary.json
    expect(cut.spend.diff).toBeLessThan(0);
    expect(all).toContain(`财政支出减少${formatYuan(-cut.spend.diff, 'zh')}`);
    // the chart plots the probabilities of summary.json, ±2 SE
    const chart = documentCharts(doc).find((c) => c.id === 'compare-probability');
    const layers = (chart?.spec as { layer: { data: { values: { value: number; low: number }[] } }[] }).layer;
    const plotted = layers[layers.length - 1]?.data.values.map((v) => v.value) ?? [];
    expect([...plotted].sort()).toEqual(
      result.results.flatMap((r) => r.goals.map((e) => e.probability)).sort(),
    );
    expect(doc.sections.map((s) => s.id)).toEqual([
      'summary',
      'probabilities',
      'differences',
      'goals',
      'money',
      'assumptions',
      'method',
      'reproducibility',
    ]);
  });

  it('sweep: P(met) at every value, in the table and the words', () => {
    const dir = join(root, 'sweep-a');
    const result = SweepResult.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
    const scenario = ResolvedScenario.parse(JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')));
    const doc = sweepReportDocument({ result, scenario }, 'en');
    const all = texts(doc).join('\n');
    for (const p of result.points) {
      for (const e of p.goals) expect(all).toContain(probabilityCell(e, result.runs));
    }
    const first = result.points[0]?.goals[0];
    if (first === undefined) throw new Error('no point');
    expect(all).toContain(`P(met) is ${formatPercent(first.probability, first.probabilityStdErr)}`);
    expect(doc.sections.at(-1)?.title).toBe('Glossary');
  });

  it('goal-seek: the value found and P there, in words', () => {
    const dir = join(root, 'goal-seek-a');
    const result = GoalSeekResult.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
    const scenario = ResolvedScenario.parse(JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')));
    const doc = goalSeekReportDocument({ result, scenario }, 'zh');
    const all = texts(doc).join('\n');
    const res = result.result;
    expect(res.status).toBe('found');
    if (res.status !== 'found') return;
    expect(all).toContain(
      `至少需要${formatYuan(res.value, 'zh')}，此时达成概率为${formatPercent(res.at.probability, res.at.probabilityStdErr)}`,
    );
    expect(all).toContain(`${formatYuan(res.interval.low, 'zh')}至${formatYuan(res.interval.high, 'zh')}`);
    for (const e of result.evaluations) expect(all).toContain(probabilityCell(e, result.runs));
  });

  it('states plainly when the range does not reach the probability', async () => {
    const out = join(root, 'not-reachable');
    const o = await goalSeekCommand({
      target: 'zhanjiang-2023',
      goal: 'hnte-700',
      lever: 'move-in-bonus',
      probability: 0.8,
      runs: 200,
      out,
    });
    expect(o.result.result.status).toBe('not-reachable');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('范围内无法达到');
    expect(html).toContain('仅靠这一措施不足以实现该目标');
  });
});

describe('the commands', () => {
  it('write an English report with --lang en and say where; refuse an unknown language', async () => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s) };
    const out = join(root, 'cli-en');
    const code = await runCli(
      [
        'sweep',
        'zhanjiang-2023',
        '--lever',
        'move-in-bonus',
        '--values',
        '0,300000',
        '--runs',
        '200',
        '--lang',
        'en',
        '--out',
        out,
      ],
      io,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      `Report: ${out}/report.html (also summary.json, summary.md, series.csv, scenario.json, charts/)`,
    );
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html lang="en">');
    const bad = join(root, 'cli-fr');
    expect(
      await runCli(
        ['compare', 'jiangmen-2021', 'jiangmen-2021.status-quo', '--lang', 'fr', '--out', bad],
        io,
      ),
    ).toBe(2);
    expect(stderr).toContain('expected zh, en or both, found "fr"');
    expect(readdirSync(root)).not.toContain('cli-fr');
  });
});
