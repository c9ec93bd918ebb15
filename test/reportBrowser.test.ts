import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareCommand } from '../src/app/compareScenarios.js';
import { goalSeekCommand } from '../src/app/goalSeekLever.js';
import { runCommand } from '../src/app/runScenario.js';
import { sweepCommand } from '../src/app/sweepLever.js';

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
  return {
    charts: figures.length,
    emptyCharts: empty,
    text: document.body.innerText,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
  };
})()`;

const PageFacts = z.strictObject({
  charts: z.number(),
  emptyCharts: z.array(z.string()),
  text: z.string(),
  pwned: z.string().nullable(),
  scripts: z.number(),
  images: z.number(),
});

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
 * What every report page must show: no error, no request, every chart drawn, Chinese in zh. A
 * screenshot of the first screen of each page when `name` is given.
 */
async function checkReport(out: string, name: string | null): Promise<PageCheck[]> {
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
    expect(page.charts).toBeGreaterThanOrEqual(2);
    expect(page.text).not.toMatch(/NaN|undefined|Infinity/);
    if (lang === 'zh') {
      const han = page.text.match(/[\u4e00-\u9fff]/g) ?? [];
      expect(han.length, 'Chinese characters').toBeGreaterThan(500);
      expect(page.text).toContain('结论摘要');
      expect(page.text).not.toContain('（英文原文）');
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
