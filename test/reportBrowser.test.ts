import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareCommand } from '../src/app/compareScenarios.js';
import { goalSeekCommand } from '../src/app/goalSeekLever.js';
import { runCommand } from '../src/app/runScenario.js';
import { sweepCommand } from '../src/app/sweepLever.js';
import { runCli } from '../src/cli/runCli.js';
import { METADATA_BEGIN, METADATA_END } from '../src/report/renderHtml.js';
import { CalibrationSummary, Posterior } from '../src/schema/posterior.js';

/**
 * Acceptance: every shipped scenario's report opens in headless Chromium with the network
 * blocked, logs no error, requests nothing, and draws every chart. Screenshots go to
 * test-artifacts/ (not committed). `.ci/run` installs Debian's chromium and fonts-noto-cjk.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();
/** Trajectories per report: enough for every chart to have its shape, few enough to be quick. */
const RUNS = 2000;
const HOSTILE = `<script>window.__pwned = 1</script> "quoted" & 'single' <img src=x onerror="window.__pwned = 2">`;
/** Trajectories per value or scenario of compare, sweep and goal-seek: their charts' shape only. */
const ANALYSIS_RUNS = 300;

interface PageCheck {
  readonly consoleErrors: string[];
  readonly failed: string[];
  readonly blocked: string[];
  readonly charts: number;
  readonly emptyCharts: string[];
  readonly text: string;
  /** every text of the page, folded parts too, except code (scenario JSON, command lines) */
  readonly prose: string;
  readonly pwned: string | null;
  readonly scripts: number;
  readonly images: number;
}

/**
 * What the page says about itself, run inside the browser (a string: the project's type check has
 * no DOM library). A chart counts as drawn when its SVG has a size and marks in it.
 */
const PAGE_FACTS = `(() => {
  const figures = [...document.querySelectorAll('figure')];
  const empty = figures
    .filter((f) => {
      const svg = f.querySelector('svg');
      if (svg === null) return true;
      const box = svg.getBoundingClientRect();
      return box.width < 50 || box.height < 50 || svg.querySelectorAll('path, rect, line, text').length < 10;
    })
    .map((f) => f.id);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const prose = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.parentElement !== null && n.parentElement.closest('pre, code, style') === null) prose.push(n.textContent);
  }
  return {
    charts: figures.length,
    emptyCharts: empty,
    text: document.body.innerText,
    prose: prose.join('\\n'),
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
  };
})()`;

const PageFacts = z.strictObject({
  charts: z.number(),
  emptyCharts: z.array(z.string()),
  text: z.string(),
  prose: z.string(),
  pwned: z.string().nullable(),
  scripts: z.number(),
  images: z.number(),
});

/**
 * English left in a Chinese report: six or more ASCII words in a row, anywhere but in code and in
 * the titles of English-language sources (《…》), which keep their own language.
 */
function englishLeft(prose: string): string[] {
  const words = /(?:[A-Za-z][A-Za-z'’.,:;()/-]*[ \t]+){5,}[A-Za-z][A-Za-z'’.,:;()/-]*/g;
  return [...prose.replace(/《[^》]*》/g, '《》').matchAll(words)].map((m) => m[0]);
}

let context: BrowserContext;
const root = mkdtempSync(join(tmpdir(), 'ladder-browser-'));

/** Jiangmen's plan with <script>, quotes and ampersands in its name and every label (written once). */
function hostilePlanFile(): string {
  const planFile = join(root, 'hostile-plan.yaml');
  if (existsSync(planFile)) return planFile;
  const plan = parseYaml(readFileSync('seeds/jiangmen-2021.yaml', 'utf8')) as {
    name: { zh: string; en: string };
    goals: { label: { zh: string; en: string } }[];
    marks: Record<string, { label: { zh: string; en: string } }>;
    levers: { label: { zh: string; en: string } }[];
  };
  plan.name = { zh: `江门${HOSTILE}`, en: `Jiangmen ${HOSTILE}` };
  for (const g of plan.goals) g.label = { zh: `${g.label.zh}${HOSTILE}`, en: `${g.label.en}${HOSTILE}` };
  for (const m of Object.values(plan.marks)) m.label = { zh: `${m.label.zh}${HOSTILE}`, en: HOSTILE };
  for (const l of plan.levers) l.label = { zh: HOSTILE, en: HOSTILE };
  writeFileSync(planFile, stringifyYaml(plan));
  return planFile;
}

/**
 * Opens a report with every non-file request aborted and counted; screenshot to test-artifacts/
 * (of the whole page, or of its first screen: a long page takes seconds), none when `shot` is null.
 */
async function openReport(file: string, shot: string | null, fullPage = true): Promise<PageCheck> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('requestfailed', (r) => {
    if (!blocked.includes(r.url())) failed.push(r.url());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) await route.continue();
    else {
      blocked.push(url);
      await route.abort();
    }
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const result = PageFacts.parse(await page.evaluate(PAGE_FACTS));
  if (shot !== null) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, shot), fullPage });
  }
  await page.close();
  return { consoleErrors, failed, blocked, ...result };
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} (Debian package chromium; .ci/run installs it)`).toBe(true);
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ladder-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 900 },
    offline: true,
  });
});

afterAll(async () => {
  await context.close();
});

describe('HTML reports in a browser', () => {
  for (const file of SCENARIOS) {
    const id = basename(file, '.yaml');
    it(`opens ${id} offline in Chinese and English, every chart drawn`, async () => {
      const out = join(root, id);
      const outcome = await runCommand({
        target: join('scenarios', file),
        runs: RUNS,
        out,
        langs: ['zh', 'en'],
      });
      expect(outcome.notes, 'chart compiler warnings').toEqual([]);
      const svgFiles = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg'));
      for (const [html, lang] of [
        ['report.html', 'zh'],
        ['report.en.html', 'en'],
      ] as const) {
        const page = await openReport(join(out, html), `${id}.${lang}.png`);
        expect(page.consoleErrors, 'console errors').toEqual([]);
        expect(page.failed, 'failed requests').toEqual([]);
        expect(page.blocked, 'network requests').toEqual([]);
        expect(page.emptyCharts, 'charts not drawn').toEqual([]);
        expect(page.charts).toBe(
          svgFiles.filter((f) => (lang === 'zh' ? !f.endsWith('.en.svg') : f.endsWith('.en.svg'))).length,
        );
        expect(page.charts).toBeGreaterThanOrEqual(7);
        expect(page.text).not.toMatch(/NaN|undefined|Infinity/);
        if (lang === 'zh') {
          const han = page.text.match(/[\u4e00-\u9fff]/g) ?? [];
          expect(han.length, 'Chinese characters').toBeGreaterThan(500);
          expect(page.text).toContain('结论摘要');
          expect(englishLeft(page.prose), 'English sentences in the Chinese report').toEqual([]);
          // parameters from the priors: no calibration section (the note on the shipped figures stays)
          expect(page.text).not.toContain('参数来源与校准拟合');
        } else {
          expect(page.text).toContain('Glossary');
        }
      }
    });
  }

  it('shows names and labels with <script>, quotes and ampersands as text, never as markup', async () => {
    const planFile = hostilePlanFile();
    const out = join(root, 'hostile');
    await runCommand({ target: planFile, runs: 500, out, langs: ['zh', 'en'] });
    for (const [html, lang] of [
      ['report.html', 'zh'],
      ['report.en.html', 'en'],
    ] as const) {
      const page = await openReport(join(out, html), `hostile.${lang}.png`);
      expect(page.pwned).toBeNull();
      expect(page.scripts).toBe(0);
      expect(page.images).toBe(0);
      expect(page.consoleErrors).toEqual([]);
      expect(page.blocked).toEqual([]);
      expect(page.emptyCharts).toEqual([]);
      // the labels are there, character for character
      expect(page.text).toContain(HOSTILE);
      const source = readFileSync(join(out, html), 'utf8');
      expect(source).not.toContain('<script');
      expect(source).not.toContain('<img');
    }
  });
});

/**
 * What every report page must show (report.html in Chinese, report.en.html in English): no
 * console error, no request, no failed request, every chart drawn and as many as the folder's
 * chart files, no NaN, Chinese and `mustSay` in the Chinese report, the glossary in the English
 * one. A screenshot of the first screen of each page when `name` is given.
 */
async function checkReport(out: string, name: string | null, mustSay = '结论摘要'): Promise<PageCheck[]> {
  const svgFiles = readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg'));
  const pages: PageCheck[] = [];
  for (const [html, lang] of [
    ['report.html', 'zh'],
    ['report.en.html', 'en'],
  ] as const) {
    const page = await openReport(join(out, html), name === null ? null : `${name}.${lang}.png`, false);
    expect(page.consoleErrors, 'console errors').toEqual([]);
    expect(page.failed, 'failed requests').toEqual([]);
    expect(page.blocked, 'network requests').toEqual([]);
    expect(page.emptyCharts, 'charts not drawn').toEqual([]);
    expect(page.pwned).toBeNull();
    expect(page.scripts).toBe(0);
    expect(page.charts).toBe(
      svgFiles.filter((f) => (lang === 'zh' ? !f.endsWith('.en.svg') : f.endsWith('.en.svg'))).length,
    );
    expect(page.charts).toBeGreaterThanOrEqual(1);
    expect(page.text).not.toMatch(/NaN|undefined|Infinity/);
    if (lang === 'zh') {
      const han = page.text.match(/[\u4e00-\u9fff]/g) ?? [];
      expect(han.length, 'Chinese characters').toBeGreaterThan(300);
      expect(page.text).toContain(mustSay);
      expect(page.prose).not.toContain('（英文原文）');
      expect(englishLeft(page.prose), 'English sentences in the Chinese report').toEqual([]);
    } else {
      expect(page.text).toContain('Glossary');
    }
    pages.push(page);
  }
  return pages;
}

describe('compare, sweep and goal-seek reports in a browser', () => {
  it('opens a comparison offline in Chinese and English, every chart drawn', async () => {
    // two goals: few charts, every kind of them
    const out = join(root, 'compare');
    const o = await compareCommand({
      targets: [
        'zhanjiang-2023',
        'scenarios/zhanjiang-2023.more-incubators.yaml',
        'scenarios/zhanjiang-2023.status-quo.yaml',
      ],
      runs: ANALYSIS_RUNS,
      out,
      langs: ['zh', 'en'],
    });
    expect(o.notes, 'chart compiler warnings').toEqual([]);
    const [zh] = await checkReport(out, 'compare.zhanjiang');
    expect(zh?.text).toContain('与基准方案的差异');
    expect(zh?.text).toContain('专精特新');
  });

  it('opens a sweep offline in Chinese and English, every chart drawn', async () => {
    const out = join(root, 'sweep');
    const o = await sweepCommand({
      target: 'jiangmen-2021',
      lever: 'budget:hnte-cultivation',
      values: [2e8, 3.33e8, 5e8, 8e8],
      goal: 'hnte-2200',
      runs: ANALYSIS_RUNS,
      out,
      langs: ['zh', 'en'],
    });
    expect(o.notes, 'chart compiler warnings').toEqual([]);
    const [zh] = await checkReport(out, 'sweep.jiangmen');
    // money in 亿 in the Chinese report
    expect(zh?.text).toContain('3.33亿元');
  });

  it('opens a goal-seek offline in Chinese and English, every chart drawn', async () => {
    const out = join(root, 'goal-seek');
    const o = await goalSeekCommand({
      target: 'zhanjiang-2023',
      goal: 'hnte-700',
      lever: 'move-in-bonus',
      probability: 0.8,
      runs: ANALYSIS_RUNS,
      out,
      langs: ['zh', 'en'],
    });
    expect(o.notes, 'chart compiler warnings').toEqual([]);
    const [zh, en] = await checkReport(out, 'goal-seek.zhanjiang');
    expect(zh?.text).toContain('高企');
    expect(en?.text).toMatch(/not reachable|reachable/);
  });

  it('shows scenario names and plan labels with <script>, quotes and ampersands as text', async () => {
    const plan = hostilePlanFile();
    const named = join(root, 'hostile-scenario.yaml');
    writeFileSync(
      named,
      stringifyYaml({ plan: 'zhanjiang-2023', name: { zh: `方案${HOSTILE}`, en: `Scenario ${HOSTILE}` } }),
    );
    const outs = {
      compare: join(root, 'hostile-compare'),
      sweep: join(root, 'hostile-sweep'),
      'goal-seek': join(root, 'hostile-goal-seek'),
    };
    await compareCommand({
      targets: ['zhanjiang-2023', named],
      runs: 100,
      out: outs.compare,
      langs: ['zh', 'en'],
    });
    await sweepCommand({
      target: plan,
      lever: 'first-cert-reward',
      values: [0, 300000],
      goal: 'hnte-2200',
      runs: 100,
      out: outs.sweep,
      langs: ['zh', 'en'],
    });
    await goalSeekCommand({
      target: plan,
      goal: 'hnte-2200',
      lever: 'first-cert-reward',
      probability: 0.99,
      runs: 100,
      out: outs['goal-seek'],
      langs: ['zh', 'en'],
    });
    for (const [kind, out] of Object.entries(outs)) {
      const pages = await checkReport(out, null);
      for (const page of pages) {
        expect(page.images).toBe(0);
        expect(page.text, kind).toContain(HOSTILE);
      }
      for (const html of ['report.html', 'report.en.html']) {
        const source = readFileSync(join(out, html), 'utf8');
        expect(source).not.toContain('<script');
        expect(source).not.toContain('<img');
      }
    }
  });
});

/** Runs the CLI in-process; stdout and stderr captured. */
async function cli(...args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** A report folder's files by path, the HTML's metadata block (time, paths) left out. */
function folderBodies(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = join(e.parentPath, e.name);
        const text = readFileSync(full, 'utf8');
        const a = text.indexOf(METADATA_BEGIN);
        const b = text.indexOf(METADATA_END);
        return [
          relative(dir, full),
          a < 0 || b < 0 ? text : text.slice(0, a) + text.slice(b + METADATA_END.length),
        ];
      }),
  );
}

describe('calibration, backtest, projection and sensitivity reports in a browser', () => {
  const posterior = join(root, 'zhanjiang-posterior.json');

  it('calibrate: the fit, every figure checked, diagnostics; the same seed gives the same report', async () => {
    const dirs = [join(root, 'calibration-a'), join(root, 'calibration-b')];
    for (const [i, dir] of dirs.entries()) {
      const args = [
        'calibrate',
        '--region',
        'zhanjiang',
        '--particles',
        '50',
        '--report',
        dir,
        '--lang',
        'both',
      ];
      const r = await cli(...args, ...(i === 0 ? ['--out', posterior] : []));
      expect(r.code, r.err).toBe(0);
      expect(r.err, 'chart warnings').toBe('');
      expect(r.out).toContain(`Report: ${dir}/report.html`);
    }
    const [a = '', b = ''] = dirs;
    expect(folderBodies(b)).toEqual(folderBodies(a));
    // the folder holds what --json prints, and the posterior file stays where --out put it
    const summary = CalibrationSummary.parse(JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8')));
    expect(Posterior.parse(JSON.parse(readFileSync(posterior, 'utf8'))).region).toBe('zhanjiang');
    // the fan of a fitted figure's series holds exactly that figure's predictive interval
    const row = summary.observations.find((o) => o.measure === 'hnte' && o.year === '2020');
    const fan = summary.fan?.find((r) => r.measure === 'hnte' && r.year === 2020);
    expect([fan?.p05, fan?.p50, fan?.p95]).toEqual([row?.p05, row?.p50, row?.p95]);
    expect(readFileSync(join(a, 'series.csv'), 'utf8').startsWith('\uFEFFmeasure,name,year')).toBe(true);
    await checkReport(a, 'calibration-zhanjiang', '模型能否复现已公布数据');
  });

  it('run --posterior: where the parameters come from, and the fit', async () => {
    expect(existsSync(posterior), 'the calibrate test writes the posterior').toBe(true);
    const out = join(root, 'run-posterior');
    const r = await cli(
      'run',
      'zhanjiang-2023',
      '--runs',
      '500',
      '--posterior',
      posterior,
      '--out',
      out,
      '--lang',
      'both',
    );
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('参数来源与校准拟合');
    expect(
      readdirSync(join(out, 'charts')).filter((f) => f.startsWith('posterior-fit-')).length,
    ).toBeGreaterThan(0);
    await checkReport(out, 'run-posterior', '参数来源与校准拟合');
  });

  it('backtest: forecasts beside the figures that came, the model beside the linear trend', async () => {
    const dir = join(root, 'backtest');
    const r = await cli(
      'backtest',
      '--region',
      'guangdong',
      '--origin',
      '2016',
      '--particles',
      '50',
      '--report',
      dir,
      '--lang',
      'both',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const scores = readFileSync(join(dir, 'scores.csv'), 'utf8');
    expect(scores.startsWith('\uFEFForigin,line,measure')).toBe(true);
    expect(scores).toContain(',linear-trend,');
    await checkReport(dir, 'backtest-guangdong', '预测区间的覆盖率');
  });

  it('backtest whose fit misfits: its warnings said in Chinese, none left in English', async () => {
    const dir = join(root, 'backtest-china');
    const r = await cli(
      'backtest',
      '--region',
      'china',
      '--origin',
      '2021',
      '--particles',
      '50',
      '--report',
      dir,
      '--lang',
      'both',
    );
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
      origins: { warnings: string[] }[];
    };
    expect(summary.origins.flatMap((o) => o.warnings).length).toBeGreaterThan(0);
    const [zh] = await checkReport(dir, 'backtest-china', '该起点拟合的提示');
    expect(zh?.text).toContain('落在后验预测的90%区间之外');
  });

  it('project: the fan of every measure to --to, the figures over it', async () => {
    const dir = join(root, 'projection');
    const r = await cli(
      'project',
      '--region',
      'zhanjiang',
      '--until',
      '2020',
      '--to',
      '2024',
      '--particles',
      '50',
      '--json',
      '--report',
      dir,
      '--lang',
      'both',
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe(r.out);
    await checkReport(dir, 'projection-zhanjiang', '2024年预测');
  });

  it('sensitivity: report.html assembles the charts with plain words', async () => {
    const small = ['--runs', '1000', '--tornado-runs', '200', '--sobol-rows', '64', '--sobol-reps', '1'];
    const dir = join(root, 'sensitivity');
    const r = await cli(
      'sensitivity',
      'zhanjiang-2023',
      '--goal',
      'hnte-700',
      ...small,
      '--out',
      dir,
      '--lang',
      'both',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    for (const kept of ['sensitivity.json', 'summary.md', 'tornado.svg'])
      expect(existsSync(join(dir, kept))).toBe(true);
    await checkReport(dir, 'sensitivity-zhanjiang', '单因素影响');
  });
});
