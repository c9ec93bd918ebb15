import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { InputError } from '../src/io/errors.js';
import { stageReportDir } from '../src/io/writeReport.js';
import { METADATA_BEGIN, METADATA_END } from '../src/report/renderHtml.js';

/*
 * Safe reports, over every command that writes: report bodies (report.html outside its metadata
 * block, summary.md, summary.json, series.csv, scenario.json, charts, posteriors, part files,
 * the scenario `init` writes) hold no absolute path, no user name and no time of day; every piece
 * of user text is escaped in HTML and SVG; and no file can be written outside the output folder,
 * whatever the names in the input.
 *
 * The inputs are hostile on purpose: a plan file and a scenario in a folder whose name has a
 * space and Chinese, with markup, quotes and ampersands in every name, label and source, and the
 * observed counts read from there too. Every report folder of every command is then checked,
 * so the HTML reports that compare, sweep, goal-seek and the other analyses grow are checked too.
 */

const HOSTILE = `<script>window.__pwned=1</script> "q" & 'a' <img src=x onerror="alert(2)">`;
const root = mkdtempSync(join(tmpdir(), 'ladder-safe-'));
const inputs = join(root, '用户 文件');
const outputs = join(root, 'out');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function cli(args: readonly string[]): Promise<string> {
  let err = '';
  const code = await runCli(args, { stdout: () => undefined, stderr: (s) => (err += s) });
  expect(code, `${args.join(' ')}\n${err}`).toBe(0);
  return err;
}

/** Every file under a folder, by absolute path. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

beforeAll(async () => {
  mkdirSync(inputs, { recursive: true });
  mkdirSync(outputs, { recursive: true });
  // a plan with hostile text wherever a plan has text of its own
  const plan = parseYaml(readFileSync('seeds/jiangmen-2021.yaml', 'utf8')) as {
    id: string;
    name: { zh: string; en: string };
    goals: { label: { zh: string; en: string } }[];
    levers: { label: { zh: string; en: string } }[];
    budgets: { label: { zh: string; en: string } }[];
    marks: Record<string, { label: { zh: string; en: string } }>;
    notes: string[];
  };
  const both = (zh: string, en: string) => ({ zh: `${zh}${HOSTILE}`, en: `${en} ${HOSTILE}` });
  plan.id = 'hostile-plan';
  plan.name = both('江门', 'Jiangmen');
  for (const g of plan.goals) g.label = both(g.label.zh, g.label.en);
  for (const l of plan.levers) l.label = both(l.label.zh, l.label.en);
  for (const b of plan.budgets) b.label = both(b.label.zh, b.label.en);
  for (const m of Object.values(plan.marks)) m.label = both(m.label.zh, m.label.en);
  plan.notes = [...plan.notes, HOSTILE];
  writeFileSync(join(inputs, 'plan.yaml'), stringifyYaml(plan));
  // a scenario with hostile text of its own; and its status quo
  const scenario = {
    plan: 'jiangmen-2021',
    id: 'hostile',
    name: both('情景', 'Scenario'),
    description: HOSTILE,
    runs: 300,
    priors: { firstPass: { dist: 'pert', low: 0.3, mode: 0.45, high: 0.6, tag: 'I', source: HOSTILE } },
    base: { hnte: { value: 1850, origin: 'plan', low: 1820, high: 1880, source: HOSTILE } },
  };
  writeFileSync(join(inputs, 'hostile.yaml'), stringifyYaml(scenario));
  writeFileSync(
    join(inputs, 'hostile-sq.yaml'),
    stringifyYaml({ extends: './hostile.yaml', id: 'hostile-sq', policy: 'status-quo' }),
  );
  writeFileSync(
    join(inputs, 'observed.csv'),
    // a figure the model does not fit, with hostile text in every text column
    `${readFileSync('seeds/data/observed_counts.csv', 'utf8').trimEnd()}\n${[
      'zhanjiang',
      'zone_count',
      '2019',
      '3',
      'stock',
      'exact',
      ...Array.from({ length: 4 }, () => `"${HOSTILE.replace(/"/g, '""')}"`),
    ].join(',')}\n`,
  );

  const s = join(inputs, 'hostile.yaml');
  const p = join(inputs, 'plan.yaml');
  const obs = ['--observed', join(inputs, 'observed.csv'), '--region', 'zhanjiang', '--particles', '50'];
  await cli(['run', s, '--lang', 'both', '--out', join(outputs, 'run')]);
  await cli(['run', p, '--runs', '300', '--lang', 'both', '--out', join(outputs, 'run-plan')]);
  await cli(['compare', s, join(inputs, 'hostile-sq.yaml'), '--out', join(outputs, 'compare')]);
  await cli([
    'sweep',
    p,
    '--runs',
    '300',
    '--lever',
    'budget:hnte-cultivation',
    '--values',
    '1e8,5e8',
    '--out',
    join(outputs, 'sweep'),
  ]);
  await cli([
    'goal-seek',
    s,
    '--goal',
    'hnte-2200',
    '--lever',
    'budget:hnte-cultivation',
    '--tolerance',
    '1e8',
    '--out',
    join(outputs, 'goal-seek'),
  ]);
  await cli([
    'sensitivity',
    p,
    '--runs',
    '300',
    '--goal',
    'hnte-2200',
    '--tornado-runs',
    '100',
    '--sobol-rows',
    '16',
    '--sobol-reps',
    '1',
    '--out',
    join(outputs, 'sensitivity'),
  ]);
  await cli(['run', s, '--shard', '0/1', '--out', join(outputs, 'part-0-of-1.json')]);
  await cli(['merge', join(outputs, 'part-0-of-1.json'), '--out', join(outputs, 'merge')]);
  await cli(['calibrate', ...obs, '--out', join(outputs, 'posterior.json')]);
  await cli(['project', ...obs, '--until', '2020', '--to', '2024', '--chart', join(outputs, 'fan.svg')]);
  await cli(['backtest', ...obs, '--origin', '2020', '--chart', join(outputs, 'backtest.svg')]);
  await cli(['init', 'jiangmen-2021', '--out', join(outputs, 'init.yaml')]);
}, 240_000);

/** A file's text as a reader sees it: an HTML report without its metadata block. */
function body(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.html')) return text;
  const a = text.indexOf(METADATA_BEGIN);
  const b = text.indexOf(METADATA_END);
  expect(a, `${file}: metadata block`).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(a);
  return text.slice(0, a) + text.slice(b + METADATA_END.length);
}

/**
 * Attributes named on… (event handlers) of the tags of an HTML or SVG text. The hostile
 * `onerror="…"` shown as text, or inside a quoted attribute value, is harmless; as an attribute
 * of its own it would run.
 */
function eventAttributes(text: string): string[] {
  const value = String.raw`(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?`;
  const tag = new RegExp(String.raw`<[a-zA-Z][\w:-]*((?:\s+[^\s=/>]+${value})*)\s*/?>`, 'g');
  const attribute = new RegExp(String.raw`\s([^\s=/>]+)${value}`, 'g');
  return [...text.matchAll(tag)].flatMap((t) =>
    [...(t[1] ?? '').matchAll(attribute)].map((a) => a[1] ?? '').filter((n) => /^on/i.test(n)),
  );
}

describe('report bodies', () => {
  it('every command wrote what it writes', () => {
    const written = files(outputs).map((f) => relative(outputs, f));
    for (const f of [
      'run/report.html',
      'run/report.en.html',
      'run/summary.md',
      'run/summary.json',
      'run/series.csv',
      'run/scenario.json',
      'run-plan/report.html',
      'run-plan/report.en.html',
      'compare/summary.json',
      'sweep/summary.json',
      'goal-seek/summary.json',
      'sensitivity/sensitivity.json',
      'merge/report.html',
      'posterior.json',
      'fan.svg',
      'backtest.svg',
      'init.yaml',
    ]) {
      expect(written, f).toContain(f.replace(/\//g, sep));
    }
    expect(written.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(20);
  });

  it('hold no absolute path, user name or time of day', () => {
    const user = userInfo().username;
    const stamp = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d/;
    for (const file of files(outputs)) {
      const text = body(file);
      const name = relative(outputs, file);
      for (const path of [root, inputs, process.cwd(), homedir()]) {
        expect(text.includes(path), `${name} holds ${path}`).toBe(false);
      }
      expect(text, `${name}: the user name as a folder`).not.toMatch(
        new RegExp(`[/\\\\]${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[/\\\\]`),
      );
      expect(text, `${name}: a time`).not.toMatch(stamp);
    }
  });

  it('show user text in HTML and SVG as text, never as markup', () => {
    const marked = files(outputs).filter((f) => /\.(html|svg)$/.test(f));
    expect(marked.length).toBeGreaterThan(20);
    let shown = 0;
    for (const file of marked) {
      const text = readFileSync(file, 'utf8');
      const name = relative(outputs, file);
      expect(text, name).not.toMatch(/<script/i);
      expect(text, name).not.toMatch(/<img/i);
      expect(eventAttributes(text), name).toEqual([]);
      if (text.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;')) shown += 1;
    }
    // the hostile labels are there, escaped: in the reports and in charts that carry labels
    expect(shown).toBeGreaterThanOrEqual(3);
    const html = readFileSync(join(outputs, 'run', 'report.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });
});

describe('output paths stay inside the output folder', () => {
  it.each(['../escape.txt', '../../escape.txt', 'charts/../../escape.txt', '/tmp/escape.txt', 'a\0b'])(
    'a report file named %j is refused, nothing is written and the staging folder goes',
    (name) => {
      const parent = mkdtempSync(join(root, 'names-'));
      const staged = stageReportDir(join(parent, 'report'));
      let error: unknown;
      try {
        staged.commit({ 'summary.json': '{}', [name]: 'x' });
      } catch (e) {
        error = e;
      } finally {
        staged.discard();
      }
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ code: 'E_WRITE', found: JSON.stringify(name) });
      expect(readdirSync(parent)).toEqual([]);
      expect(existsSync(join(root, 'escape.txt'))).toBe(false);
      expect(existsSync('/tmp/escape.txt')).toBe(false);
    },
  );

  describe('default report folders, from ids and names in the input', () => {
    const work = join(root, 'work', 'here');
    let before = '';
    beforeAll(() => {
      mkdirSync(work, { recursive: true });
      before = process.cwd();
      process.chdir(work);
      writeFileSync('escaping-id.yaml', 'plan: zhanjiang-2023\nid: ../../escape\n');
      writeFileSync('...yaml', 'plan: zhanjiang-2023\n');
      writeFileSync('a\\..\\..\\x.yaml', 'plan: zhanjiang-2023\n');
    });
    afterAll(() => {
      process.chdir(before);
    });

    it('refuses an id that is not an id, and names what it could not use', async () => {
      let err = '';
      const code = await runCli(['run', 'escaping-id.yaml', '--runs', '20'], {
        stdout: () => undefined,
        stderr: (s) => (err += s),
      });
      expect(code).toBe(2);
      expect(err).toContain('escaping-id.yaml:2:5 at id: badly formed text');
      expect(existsSync('reports')).toBe(false);
    });

    it.each([
      ['...yaml', 'scenario'],
      ['a\\..\\..\\x.yaml', 'a-x'],
    ])('a scenario file named %j reports into reports/%s', async (file, folder) => {
      await cli(['run', file, '--runs', '20']);
      expect(existsSync(join('reports', folder, 'summary.json'))).toBe(true);
    });

    it.each([
      ['sweep', ['sweep', 'zhanjiang-2023', '--lever', '../../x', '--values', '1,2', '--runs', '20']],
      [
        'goal-seek',
        ['goal-seek', 'zhanjiang-2023', '--goal', '../x', '--lever', 'move-in-bonus', '--runs', '20'],
      ],
      ['sensitivity', ['sensitivity', 'zhanjiang-2023', '--goal', '../../../x', '--runs', '20']],
    ])('%s with a path for a name: refused before any folder is made', async (_name, args) => {
      const code = await runCli(args, { stdout: () => undefined, stderr: () => undefined });
      expect(code).toBe(2);
    });

    it('nothing was written outside the working folder', () => {
      expect(readdirSync(join(root, 'work'))).toEqual(['here']);
      expect(readdirSync(root).filter((e) => e.includes('escape') || e === 'x')).toEqual([]);
      expect(readdirSync('reports').sort()).toEqual(['a-x', 'scenario']);
    });
  });
});
