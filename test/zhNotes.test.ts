import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR_SOURCES_ZH, priorSourceText } from '../src/model/priorSourcesZh.js';
import { DEFAULT_PRIORS } from '../src/model/priors.js';
import { loadObserved, SHIPPED_OBSERVED } from '../src/io/loadObserved.js';
import { loadPlan } from '../src/io/loadPlan.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { assumptionsSection } from '../src/report/runReport.js';
import { SHIPPED_NOTES_ZH, shippedNote } from '../src/report/shippedNotesZh.js';
import { PARAM_NAMES } from '../src/schema/params.js';
import { observedStocks } from '../src/schema/observed.js';

/** Six or more ASCII words in a row: an English sentence left in a Chinese text. */
const ENGLISH_RUN = /(?:[A-Za-z][A-Za-z'’.,:;()/-]*\s+){5,}[A-Za-z][A-Za-z'’.,:;()/-]*/;

/** Chinese text with the document titles (《…》) taken out: a title keeps its own language. */
const outsideTitles = (s: string): string => s.replace(/《[^》]*》/g, '《》');

/**
 * The numbers of an English note that a Chinese rendering must keep as written: every figure
 * except amounts in thousands or millions (200k, 1M, 50M, 1.7 bn, and ranges of them), which the
 * Chinese says in 万 and 亿.
 */
function plainNumbers(en: string): string[] {
  const scaled = /\d[\d.,]*\s*[–-]\s*\d[\d.,]*\s*(?:k|M|bn)\b|\d[\d.,]*\s*(?:k|M|bn)\b/g;
  return (en.replace(scaled, ' ').match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/[.,]$/, ''));
}

const SHIPPED_SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => loadTarget(join('scenarios', f)).scenario);

const SHIPPED_PLANS = readdirSync('seeds')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => loadPlan(basename(f, '.yaml')));

describe('Chinese evidence notes of the default priors', () => {
  it('has one for every parameter, in Chinese, keeping every figure of the English', () => {
    expect(Object.keys(DEFAULT_PRIOR_SOURCES_ZH).sort()).toEqual([...PARAM_NAMES].sort());
    for (const name of PARAM_NAMES) {
      const zh = DEFAULT_PRIOR_SOURCES_ZH[name];
      const en = DEFAULT_PRIORS[name].source;
      expect(zh, name).toMatch(/[\u4e00-\u9fff]{6}/);
      expect(zh, name).not.toMatch(ENGLISH_RUN);
      for (const n of plainNumbers(en)) expect(zh, `${name}: ${n} of “${en}”`).toContain(n);
      // a document number or citation stays as written
      for (const ref of en.match(/国科发火〔\d+〕\d+号|observed_counts\.csv|AER \d{4}/g) ?? [])
        expect(zh, name).toContain(ref);
    }
  });

  it('is used for the shipped note only: a note a scenario wrote is shown as written', () => {
    const own = { ...DEFAULT_PRIORS.firstPass, source: 'Our own survey of 2024 applicants.' };
    expect(priorSourceText('firstPass', own, 'zh')).toBe('Our own survey of 2024 applicants.');
    // a scenario that narrows the range but keeps the default's note keeps its translation
    const narrowed = { ...DEFAULT_PRIORS.firstPass, low: 0.6 };
    expect(priorSourceText('firstPass', narrowed, 'zh')).toBe(DEFAULT_PRIOR_SOURCES_ZH.firstPass);
    expect(priorSourceText('firstPass', DEFAULT_PRIORS.firstPass, 'en')).toBe(
      DEFAULT_PRIORS.firstPass.source,
    );
  });
});

describe('Chinese renderings of the notes shipped with the plans and the observed counts', () => {
  /** Every English note of the shipped plans' base counts (not the plans' own Chinese quotes). */
  const baseNotes = SHIPPED_PLANS.flatMap((p) =>
    Object.values(p.base).flatMap((b) => [
      ...(b.origin === 'plan' ? [] : [b.source]),
      ...(b.quote !== undefined && ENGLISH_RUN.test(b.quote) ? [b.quote] : []),
    ]),
  );
  /** The notes of the priors the shipped what-if scenarios set themselves. */
  const scenarioNotes = SHIPPED_SCENARIOS.flatMap((sc) =>
    PARAM_NAMES.map((n) => sc.priors[n].source).filter((src, i) => {
      const name = PARAM_NAMES[i];
      return name !== undefined && src !== DEFAULT_PRIORS[name].source;
    }),
  );
  const titles = SHIPPED_PLANS.flatMap((p) =>
    observedStocks(loadObserved(SHIPPED_OBSERVED), p.region.id).map((o) => o.source),
  );

  it('renders every English base-count note and quote of the shipped plans, and the scenarios’ own prior notes', () => {
    expect(scenarioNotes.length).toBeGreaterThan(0);
    for (const note of [...baseNotes, ...scenarioNotes]) {
      if (!ENGLISH_RUN.test(note)) continue;
      const zh = SHIPPED_NOTES_ZH.get(note);
      expect(zh, note).toBeDefined();
      expect(outsideTitles(zh ?? ''), note).not.toMatch(ENGLISH_RUN);
      for (const n of plainNumbers(note)) expect(zh, `${n} of “${note}”`).toContain(n);
    }
  });

  it('renders the source of every published count a run report lists, and keeps no stale entry', () => {
    for (const t of titles) expect(outsideTitles(shippedNote(t, 'zh')), t).not.toMatch(ENGLISH_RUN);
    const used = new Set([...baseNotes, ...scenarioNotes, ...titles]);
    for (const en of SHIPPED_NOTES_ZH.keys()) expect(used.has(en), `stale entry: ${en}`).toBe(true);
    expect(shippedNote('a note of my own', 'zh')).toBe('a note of my own');
  });

  it('leaves no English sentence in the assumptions of any shipped scenario in Chinese', () => {
    const observed = loadObserved(SHIPPED_OBSERVED);
    expect(SHIPPED_SCENARIOS.length).toBeGreaterThanOrEqual(SHIPPED_PLANS.length);
    for (const scenario of SHIPPED_SCENARIOS) {
      const stocks = observedStocks(observed, scenario.plan.region.id);
      const section = assumptionsSection({ scenario, observed: stocks }, 'zh');
      const text = JSON.stringify(section.blocks);
      expect(outsideTitles(text), scenario.id).not.toMatch(ENGLISH_RUN);
      expect(text).not.toContain('（英文）');
    }
  });
});
