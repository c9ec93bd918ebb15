import type { Plan } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { Block, Section } from './document.js';
import type { Lang } from './lang.js';
import { formatCount } from './numberFormat.js';
import { scenarioDiff } from './scenarioDiff.js';
import { scenarioHash } from './scenarioHash.js';
import { localizeWarnings } from './warningText.js';

type T = (zh: string, en: string) => string;

export function translator(lang: Lang): T {
  return (zh, en) => (lang === 'zh' ? zh : en);
}

/** A scenario as an analysis ran it, for the reproducibility block. */
export interface RanScenario {
  /** resolved, with the runs and seed the analysis used */
  readonly scenario: ResolvedScenario;
  /** the file it came from, as shown in reports (never an absolute path) */
  readonly source: string;
}

export interface AnalysisReproducibility {
  readonly version: string;
  readonly seed: string;
  readonly runs: number;
  readonly scenarios: readonly RanScenario[];
  /** further rows (the lever varied, the values run) */
  readonly rows?: readonly (readonly [string, string])[];
  /** one sentence on what the hash, seed and runs fix, for this analysis */
  readonly note: string;
}

/**
 * "Reproducibility" of an analysis: tool version, seed, runs, each scenario's file and the
 * SHA-256 of its resolved form, and each resolved scenario in full (folded).
 */
export function analysisReproducibilitySection(input: AnalysisReproducibility, lang: Lang): Section {
  const t = translator(lang);
  const rows: (readonly [string, string])[] = [
    [t('软件版本', 'Tool version'), `ladder ${input.version}`],
    [t('随机种子', 'Seed'), input.seed],
    [t('每个情景的模拟次数', 'Trajectories per scenario'), String(input.runs)],
    ...(input.rows ?? []),
  ];
  for (const s of input.scenarios) {
    rows.push([t(`情景 ${s.scenario.id}`, `Scenario ${s.scenario.id}`), s.source]);
    rows.push([t('　情景哈希（SHA-256）', '  hash (SHA-256)'), scenarioHash(s.scenario)]);
  }
  return {
    id: 'reproducibility',
    title: t('可复现信息', 'Reproducibility'),
    blocks: [
      { kind: 'keyValue', rows },
      { kind: 'paragraph', text: input.note },
      ...input.scenarios.map((s): Block => ({
        kind: 'details',
        summary: t(`完整情景 ${s.scenario.id}（JSON）`, `Resolved scenario ${s.scenario.id} (JSON)`),
        blocks: [{ kind: 'code', text: JSON.stringify(s.scenario, null, 2) }],
      })),
    ],
  };
}

/** The warnings of an analysis as a note and a list in the report's language; none: nothing. */
export function warningBlocks(warnings: readonly string[], lang: Lang, plans: readonly Plan[]): Block[] {
  if (warnings.length === 0) return [];
  return [
    { kind: 'note', text: lang === 'zh' ? '提示：' : 'Warnings:' },
    { kind: 'list', items: localizeWarnings(warnings, lang, plans) },
  ];
}

/** Settings every scenario records that say nothing about what it simulates. */
const NOT_SETTINGS = ['id', 'name', 'description', 'runs', 'seed', 'source', 'quote', 'file'];

/** The most settings listed per scenario; the rest are counted. */
const MAX_CHANGES = 24;

/**
 * What an alternative scenario sets differently from the reference: one line per setting, as a
 * path with both values (the resolved scenarios, below, have the whole of it). Null when none.
 */
export function settingChangesBlock(
  reference: ResolvedScenario,
  alternative: ResolvedScenario,
  lang: Lang,
): Block | null {
  const changes = scenarioDiff(reference, alternative, NOT_SETTINGS);
  if (changes.length === 0) return null;
  const none = lang === 'zh' ? '（无）' : '(none)';
  // a whole object (a lever, a budget line) as "{…}": the resolved scenarios below have it
  const shown = (v: string | undefined): string =>
    v === undefined ? none : v.startsWith('{') || v.startsWith('[') ? '{…}' : v;
  const items = changes.slice(0, MAX_CHANGES).map((c) => `${c.path}: ${shown(c.from)} → ${shown(c.to)}`);
  if (changes.length > MAX_CHANGES) {
    const more = formatCount(changes.length - MAX_CHANGES, lang);
    items.push(
      lang === 'zh' ? `……另有${more}项（见完整情景）` : `… and ${more} more (see the resolved scenario)`,
    );
  }
  return { kind: 'list', items };
}
