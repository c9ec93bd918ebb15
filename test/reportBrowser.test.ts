import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCommand } from '../src/app/runScenario.js';

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

/** Opens a report with every non-file request aborted and counted; screenshot to test-artifacts/. */
async function openReport(file: string, shot: string): Promise<PageCheck> {
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
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, shot), fullPage: true });
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
    const planFile = join(root, 'hostile-plan.yaml');
    writeFileSync(planFile, stringifyYaml(plan));
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
