import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { loadPlan } from '../src/io/loadPlan.js';
import { MAX_COUNT, MAX_YUAN } from '../src/schema/common.js';
import { CompareResult } from '../src/schema/compareResult.js';
import {
  classifyMeasure,
  expectedKind,
  observedMeasureNames,
  OBSERVED_COLUMNS,
  Qualifier,
  REQUIRED_COLUMNS,
} from '../src/schema/observed.js';
import { PARAM_BOUNDS, PARAM_NAMES, type ParamName } from '../src/schema/params.js';
import type { Plan } from '../src/schema/plan.js';
import { CalibrationSummary, Posterior } from '../src/schema/posterior.js';
import { Projection } from '../src/schema/projection.js';
import { RunSummary } from '../src/schema/result.js';
import { MAX_RUNS, MIN_RUNS } from '../src/schema/scenario.js';
import { SweepResult } from '../src/schema/sweepResult.js';
import { defaultHorizon } from '../src/model/resolveScenario.js';
import { PLAN_IDS, summaryProblems } from './helpers.js';

/*
 * The command line fuzzed. fast-check writes scenarios (YAML or JSON) and observed-count CSV
 * files — valid ones, and the same with keys dropped, renamed or misspelt, values of the wrong
 * type, out of range, "30万", NaN-like or huge, Chinese and other Unicode text, a byte-order mark,
 * another encoding, a truncated text — and runs each through `runCli` as a person would (small
 * run counts). Whatever the input, the answer is a result (exit 0) or input errors (exit 2), each
 * located (file and line or field, or the option) and saying what was expected and what was
 * found. Never an internal error, a stack trace, a number that is not finite, a negative count or
 * a probability outside [0, 1] in what is written, a half-written report or a file left behind.
 * Fixed seeds and a bounded number of cases: the same inputs on every run of the suite.
 */

const scratch = mkdtempSync(join(tmpdir(), 'ladder-fuzz-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const PLANS: readonly Plan[] = PLAN_IDS.map((id) => loadPlan(id));

// ---------------------------------------------------------------------------------------------
// Text and values

/** Free text: ASCII, Chinese, any Unicode (with the odd control or bidi character). */
const text = (minLength = 0): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength, maxLength: 12 }),
    fc.constantFrom(
      '湛江（低通过率）',
      '江门：预算削减 30万',
      '高企→专精特新',
      'a "quoted" name, with: colon',
    ),
    fc.string({ minLength, maxLength: 8, unit: 'grapheme' }),
    fc.string({ minLength, maxLength: 6, unit: 'binary' }),
  );

/** Values a hand-edited file puts where they do not belong. */
const BAD_VALUES: readonly unknown[] = [
  '30万',
  '1.2万',
  '300,000',
  '2025年',
  '二〇二五',
  'NaN',
  '.nan',
  'Infinity',
  '-.inf',
  '',
  ' ',
  'yes',
  '否',
  'null',
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  0,
  0.5,
  2.5,
  1e20,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  null,
  true,
  false,
  [],
  {},
  [1, 2],
  { value: 1 },
  'x'.repeat(3000),
  '\u0000',
  '\u202e2025',
  '🎉',
];

/** Misspellings of a key, as people make them. */
function typo(key: string, k: number): string {
  const i = key.length === 0 ? 0 : k % key.length;
  switch (k % 6) {
    case 0: // two letters swapped
      return i + 1 < key.length
        ? `${key.slice(0, i)}${key.charAt(i + 1)}${key.charAt(i)}${key.slice(i + 2)}`
        : `${key}s`;
    case 1: // a letter dropped
      return key.length > 1 ? key.slice(0, i) + key.slice(i + 1) : `${key}x`;
    case 2: // camelCase for kebab-case, and back
      return key.includes('-')
        ? key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
        : key.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() + (/[A-Z]/.test(key) ? '' : '_');
    case 3:
      return key.toUpperCase();
    case 4: // a letter doubled
      return key.slice(0, i + 1) + (key[i] ?? 'x') + key.slice(i + 1);
    default:
      return `${key} `;
  }
}

/** Every path to a key (or list item) in a value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...paths(x, [...prefix, i])]);
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
  }
  return [];
}

function parentOf(root: unknown, path: readonly (string | number)[]): Record<string | number, unknown> {
  let cur = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  return cur;
}

/** A change to a parsed document: what a person does to a file by hand. */
interface Mutation {
  readonly kind: 'drop' | 'rename' | 'replace' | 'scale' | 'unknown-key';
  /** which path (modulo the number of paths) */
  readonly pick: number;
  /** which bad value, typo or factor */
  readonly k: number;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop', 'rename', 'replace', 'scale', 'unknown-key'),
  pick: fc.nat(),
  k: fc.nat(),
});

const FACTORS = [-1, -0.001, 0.5, 1.0001, 10, 1e6, 1e20];

/** Applies a mutation to a (deep-copied) document; returns it changed. */
function mutate(doc: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const all = paths(doc);
  const path = all.length > 0 ? all[m.pick % all.length] : undefined;
  if (path === undefined) return doc;
  const parent = parentOf(doc, path);
  const key = path[path.length - 1] as string | number;
  switch (m.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const v = parent[key];
        Reflect.deleteProperty(parent, key);
        parent[typo(String(key), m.k)] = v;
      }
      break;
    case 'replace':
      parent[key] = structuredClone(BAD_VALUES[m.k % BAD_VALUES.length]);
      break;
    case 'scale': {
      const v = parent[key];
      if (typeof v === 'number') parent[key] = v * (FACTORS[m.k % FACTORS.length] ?? 1);
      break;
    }
    case 'unknown-key': {
      const target = parent[key];
      const obj = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : parent;
      const keys = Object.keys(obj);
      const near = keys[m.k % Math.max(1, keys.length)];
      (obj as Record<string, unknown>)[near !== undefined ? typo(near, m.k) : 'extra'] = 1;
      break;
    }
  }
  return doc;
}

/** A change to the bytes of a file. */
interface TextMutation {
  readonly kind:
    'bom' | 'crlf' | 'mixed-eol' | 'truncate' | 'insert' | 'tab' | 'dup-line' | 'utf16' | 'gbk' | 'latin1';
  readonly at: number;
  readonly ch: string;
}

const textMutationArb: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom(
    'bom',
    'crlf',
    'mixed-eol',
    'truncate',
    'insert',
    'tab',
    'dup-line',
    'utf16',
    'gbk',
    'latin1',
  ),
  at: fc.nat(),
  ch: fc.constantFrom(
    ':',
    '"',
    "'",
    '{',
    '[',
    ',',
    '\n',
    ' ',
    '#',
    '-',
    '&',
    '*',
    '!',
    '%',
    '\t',
    '\\',
    '万',
  ),
});

/** Text as a GBK-like legacy encoding writes it: two high bytes for every non-ASCII character. */
function gbkLike(s: string): Buffer {
  const bytes: number[] = [];
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else bytes.push(0xb0 + (code % 0x47), 0xa1 + (code % 0x5e));
  }
  return Buffer.from(bytes);
}

function mutateText(s: string, m: TextMutation): Buffer {
  const i = m.at % (s.length + 1);
  const lines = s.split('\n');
  const l = m.at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'bom':
      return Buffer.from(`\uFEFF${s}`);
    case 'crlf':
      return Buffer.from(s.replace(/\n/g, '\r\n'));
    case 'mixed-eol': // saved by Excel, then extended in another editor
      return Buffer.from(lines.map((x, j) => (j < l ? `${x}\r` : x)).join('\n'));
    case 'truncate':
      return Buffer.from(s.slice(0, i));
    case 'insert':
      return Buffer.from(s.slice(0, i) + m.ch + s.slice(i));
    case 'tab':
      return Buffer.from(lines.map((x, j) => (j === l ? x.replace(/^ {2}/, '\t') : x)).join('\n'));
    case 'dup-line':
      return Buffer.from([...lines.slice(0, l + 1), ...lines.slice(l)].join('\n'));
    case 'utf16':
      return Buffer.from(`${m.at % 2 === 0 ? '\uFEFF' : ''}${s}`, 'utf16le');
    case 'gbk':
      return gbkLike(s.length > 0 && Buffer.byteLength(s) === s.length ? `${s}\n# 湛江\n` : s);
    case 'latin1':
      return Buffer.from(`${s}\n# café\n`, 'latin1');
  }
}

// ---------------------------------------------------------------------------------------------
// Checking an outcome

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(argv: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** Every number in a value (from JSON.parse) is finite: no NaN or Infinity turned into null or text. */
function nonFinite(v: unknown, path = ''): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [`${path} = ${v}`];
  if (typeof v === 'string') return /^-?(NaN|Infinity)$/.test(v) ? [`${path} = "${v}"`] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFinite(x, `${path}.${i}`));
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => nonFinite(x, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/**
 * An exit 2: nothing on stdout, and every message `error[E_…] <where>: … (expected …, found …)`,
 * where is the input file (with a line or a field path) or an option.
 */
function expectLocatedErrors(o: Outcome, file: string): void {
  expect(o.stdout).toBe('');
  const messages = o.stderr.split('\n').filter((l) => l !== '');
  expect(messages.length, o.stderr).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m, 'a coded message').toMatch(/^error\[E_[A-Z_]+\] \S/);
    const located =
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+| at \\S)`).test(m) ||
      / at (--[a-z]|scenarios:)/.test(m) ||
      /^error\[E_[A-Z_]+\] (--\w|\S+\.(yaml|json|csv)(:\d+| at ))/.test(m);
    expect(located, `located: ${m}`).toBe(true);
    expect(m, 'says what was expected and found').toMatch(/expected .+, found ./);
  }
}

/** Never exit 1, never a stack trace; 0 or 2. */
function expectNoCrash(o: Outcome, input: string): void {
  expect([0, 2], `${o.stderr}\n--- input ---\n${input}`).toContain(o.code);
  expect(o.stderr).not.toContain('internal error');
  expect(o.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** The report folder `out` is complete, and nothing else was left in `home`. */
function expectCompleteReport(home: string, input: string): RunSummary {
  expect(readdirSync(home).sort(), 'no temporary folder left beside the report').toEqual(['out']);
  const out = join(home, 'out');
  const files = readdirSync(out);
  for (const f of ['summary.json', 'summary.md', 'series.csv', 'scenario.json', 'report.html']) {
    expect(files).toContain(f);
  }
  const raw: unknown = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(nonFinite(raw)).toEqual([]);
  const summary = RunSummary.parse(raw);
  expect(summaryProblems(summary)).toEqual([]);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  for (const word of ['NaN', 'Infinity', 'undefined']) {
    if (!input.includes(word)) expect(html, word).not.toContain(word);
  }
  const csv = readFileSync(join(out, 'series.csv'), 'utf8');
  expect(csv).not.toMatch(/,(NaN|-?Infinity|undefined|-\d)/);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const priorArb = (name: ParamName): fc.Arbitrary<Record<string, unknown>> => {
  const [lo, hi] = PARAM_BOUNDS[name];
  const v = fc.oneof(fc.constant(lo), fc.constant(hi), fc.double({ min: lo, max: hi, noNaN: true }));
  const tag = fc.constantFrom('I', 'S', 'D+I');
  const sorted = (n: number) =>
    fc.array(v, { minLength: n, maxLength: n }).map((xs) => [...xs].sort((a, b) => a - b));
  const positive = fc.double({ min: Math.max(lo, 1e-6), max: hi, noNaN: true });
  return fc.oneof(
    fc.record({ dist: fc.constant('fixed'), value: v, tag, source: text(1) }),
    fc
      .tuple(sorted(2), tag)
      .map(([[low, high], t]) => ({ dist: 'uniform', low, high, tag: t, source: 'fuzz' })),
    fc
      .tuple(sorted(3), tag)
      .map(([[low, mode, high], t]) => ({ dist: 'pert', low, mode, high, tag: t, source: 'f' })),
    fc.tuple(positive, positive).map(([a, b]) => ({
      dist: 'loguniform',
      low: Math.min(a, b),
      high: Math.max(a, b),
      tag: 'I',
      source: 'f',
    })),
  );
};

const amountArb = (unit: string): fc.Arbitrary<number> =>
  unit.startsWith('share')
    ? fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }))
    : unit.startsWith('count')
      ? fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: MAX_COUNT }))
      : fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 5_000_000 }),
          fc.double({ min: 0, max: MAX_YUAN, noNaN: true }),
        );

/** Some of `items`, each with a value from `f`. */
const someOf = <T>(items: readonly T[], key: (t: T) => string, f: (t: T) => fc.Arbitrary<unknown>) =>
  items.length === 0
    ? fc.constant({})
    : fc
        .subarray([...items], { maxLength: Math.min(3, items.length) })
        .chain((picked) =>
          fc.tuple(...picked.map(f)).map((vs) => Object.fromEntries(picked.map((p, i) => [key(p), vs[i]]))),
        );

const span = (from: number, to: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: from, max: to }))
    .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));

/** Every base count of a plan scaled alike (the plan's strata still add up). */
const scaledBase = (plan: Plan): fc.Arbitrary<Record<string, unknown>> =>
  fc.constantFrom(0, 0.001, 0.5, 3, 330, 1e4).map((k) =>
    Object.fromEntries(
      Object.entries(plan.base).map(([key, b]) => {
        const s = (x: number): number => Math.min(MAX_COUNT, Math.round(x * k));
        return [
          key,
          {
            value: s(b.value),
            origin: b.origin,
            ...(b.low !== undefined ? { low: s(b.low) } : {}),
            ...(b.high !== undefined ? { high: s(b.high) } : {}),
            source: 'scaled',
          },
        ];
      }),
    ),
  );

/** Base counts changed one by one (they may break the plan's sums: an input error then). */
const oneBaseCount = (plan: Plan): fc.Arbitrary<Record<string, unknown>> =>
  someOf(
    Object.keys(plan.base),
    (k) => k,
    () =>
      fc.record({
        value: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: MAX_COUNT })),
        origin: fc.constant('plan'),
        source: text(1),
      }),
  );

/**
 * A valid scenario of a plan. `strict`: every base count scaled alike (one count changed on its
 * own may break the plan's sums, an input error); `allGoals`: a horizon that reaches every goal
 * (scenarios compared need a goal in common).
 */
function scenarioArb(
  plan: Plan,
  opts: { readonly strict: boolean; readonly allGoals: boolean },
): fc.Arbitrary<Record<string, unknown>> {
  const first = plan.baseYear + 1;
  const least = opts.allGoals ? defaultHorizon(plan) : first;
  const horizonArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: least, max: least + 8 }) },
    // long horizons cost seconds each (test/extremes.test.ts runs one of 30 years)
    { weight: 1, arbitrary: fc.integer({ min: least, max: least + 20 }) },
  );
  return (
    fc
      .constantFrom('plan', 'plan', 'plan', 'extends', 'extends-status-quo')
      // a scenario that extends another takes its horizon: say it, to know the simulated span
      .chain((source) =>
        fc.tuple(fc.constant(source), source === 'plan' ? fc.option(horizonArb, { freq: 3 }) : horizonArb),
      )
      .chain(([source, horizon]) => {
        const last = horizon ?? defaultHorizon(plan);
        return fc.record(
          {
            ...(horizon !== null ? { horizon: fc.constant(horizon) } : {}),
            source: fc.constant(source),
            id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
            name: fc.record({ zh: text(1), en: text(1) }),
            description: text(),
            runs: fc.integer({ min: MIN_RUNS, max: MAX_RUNS }),
            seed: fc.oneof(text(1), fc.maxSafeInteger(), fc.integer()),
            policy: fc.constantFrom('as-written', 'status-quo'),
            applicationMultiplier: fc.dictionary(
              fc.integer({ min: first, max: last }).map(String),
              fc.oneof(fc.constant(0), fc.constant(20), fc.double({ min: 0, max: 20, noNaN: true })),
              { maxKeys: 3 },
            ),
            priors: someOf(PARAM_NAMES, (n) => n, priorArb),
            levers: someOf(
              plan.levers,
              (l) => l.id,
              (l) =>
                fc.record(
                  {
                    enabled: fc.boolean(),
                    amounts: someOf(
                      l.amounts,
                      (a) => a.id,
                      (a) => amountArb(a.amount.unit),
                    ),
                    years: span(first, last),
                  },
                  { requiredKeys: [] },
                ),
            ),
            budgets: someOf(
              plan.budgets,
              (b) => b.id,
              () =>
                fc.record(
                  {
                    amount: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_YUAN, noNaN: true })),
                    enabled: fc.boolean(),
                  },
                  { requiredKeys: [] },
                ),
            ),
            base: opts.strict ? scaledBase(plan) : fc.oneof(scaledBase(plan), oneBaseCount(plan)),
          },
          { requiredKeys: horizon !== null ? ['source', 'horizon'] : ['source'] },
        );
      })
      .map(({ source, ...rest }) => ({
        ...(source === 'plan'
          ? { plan: plan.id }
          : { extends: source === 'extends' ? plan.id : `${plan.id}.status-quo` }),
        ...rest,
      }))
  );
}

/**
 * `valid`: the scenario as generated (with at most a byte-order mark or Windows line ends, and
 * a valid override) — it must run; `mutated`: one to three changes to the document; `text`: a
 * change to its bytes; `options`: a bad option on the command line.
 */
type Mode = 'valid' | 'mutated' | 'text' | 'options';

interface ScenarioCase {
  readonly mode: Mode;
  readonly plan: string;
  /** the first simulated year */
  readonly firstYear: number;
  readonly doc: Record<string, unknown>;
  readonly mutations: readonly Mutation[];
  readonly textMutation: TextMutation | null;
  readonly format: 'yaml' | 'json';
  readonly command: 'run' | 'compare' | 'sweep';
  readonly runs: number;
  readonly flags: readonly string[];
  /** `--set <path>=<value>` (run and sweep), the path picked among the document's */
  readonly set: { readonly path: number; readonly value: string } | null;
}

const VALID_SETS = ['runs=7', 'seed=种子', 'policy=status-quo', 'description="改 <b>&"'];
const BAD_SETS = [
  '0',
  '1e400',
  '30万',
  '{dist: fixed, value: 2, tag: I, source: x}',
  'false',
  '[]',
  '-1',
  '',
];

const scenarioCaseArb: fc.Arbitrary<ScenarioCase> = fc
  .tuple(
    fc.constantFrom(...PLANS),
    fc.constantFrom<Mode>(
      'valid',
      'valid',
      'valid',
      'valid',
      'mutated',
      'mutated',
      'mutated',
      'text',
      'text',
      'options',
    ),
    fc.constantFrom<ScenarioCase['command']>('run', 'run', 'run', 'compare', 'sweep'),
  )
  .chain(([plan, mode, command]) =>
    fc.record({
      mode: fc.constant(mode),
      plan: fc.constant(plan.id),
      firstYear: fc.constant(plan.baseYear + 1),
      doc: scenarioArb(plan, {
        strict: mode === 'valid',
        allGoals: command === 'compare' && mode === 'valid',
      }),
      mutations: mode === 'mutated' ? fc.array(mutationArb, { minLength: 1, maxLength: 3 }) : fc.constant([]),
      textMutation:
        mode === 'text'
          ? textMutationArb
          : mode === 'valid'
            ? fc.option(
                textMutationArb.filter((m) => ['bom', 'crlf', 'mixed-eol'].includes(m.kind)),
                { freq: 3 },
              )
            : fc.constant(null),
      format: fc.constantFrom('yaml', 'yaml', 'json'),
      command: fc.constant(command),
      runs: mode === 'options' ? fc.integer({ min: -1, max: 25 }) : fc.integer({ min: 2, max: 25 }),
      flags:
        mode === 'options'
          ? fc.constantFrom(
              ['--runs', '3万'],
              ['--seed', ''],
              ['--lang', 'fr'],
              ['--workers', '0'],
              ['--precision', '2'],
            )
          : command === 'run'
            ? fc.constantFrom([], [], ['--json'], ['--lang', 'both'], ['--seed', '七'], ['--workers', '1'])
            : fc.constantFrom([], ['--json'], ['--seed', '七']),
      set: fc.option(
        fc.record({
          path: fc.nat(),
          value: mode === 'valid' ? fc.constantFrom(...VALID_SETS) : fc.constantFrom(...BAD_SETS),
        }),
        { freq: 4 },
      ),
    }),
  );

/** The file, command line and input text of a case. */
function materialise(c: ScenarioCase, home: string): { file: string; argv: string[]; input: string } {
  let doc = structuredClone(c.doc);
  for (const m of c.mutations) doc = mutate(doc, m);
  const body =
    c.format === 'json'
      ? JSON.stringify(doc, null, 2)
      : `# 情景 what-if\n${stringifyYaml(doc, { lineWidth: 0 })}`;
  const bytes = c.textMutation === null ? Buffer.from(body) : mutateText(body, c.textMutation);
  const name = `情景 case.${c.format}`;
  const dir = mkdtempSync(join(scratch, 'in-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out = join(home, 'out');
  const sets: string[] = [];
  if (c.set !== null && c.command !== 'compare') {
    if (c.mode === 'valid') sets.push('--set', c.set.value);
    else {
      const all = paths(c.doc).map((p) => p.join('.'));
      sets.push('--set', `${all[c.set.path % Math.max(1, all.length)] ?? 'runs'}=${c.set.value}`);
    }
  }
  const common = ['--runs', String(c.runs), '--out', out, ...sets];
  const argv =
    c.command === 'run'
      ? ['run', file, ...common, ...c.flags]
      : c.command === 'compare'
        ? ['compare', file, `${c.plan}.status-quo`, ...common, ...c.flags]
        : [
            'sweep',
            file,
            '--lever',
            `applicationMultiplier.${c.firstYear}`,
            '--values',
            '0,2.5',
            ...common,
            ...c.flags,
          ];
  return { file: name, argv, input: bytes.toString('utf8') };
}

// ---------------------------------------------------------------------------------------------
// Observed counts

const MEASURES = observedMeasureNames().filter((m) => m !== '*_target');

interface ObservedCase {
  readonly mode: 'valid' | 'mutated' | 'text';
  readonly region: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
  readonly rowMutations: readonly { readonly row: number; readonly column: number; readonly value: string }[];
  readonly textMutation: TextMutation | null;
  readonly command: 'calibrate' | 'project';
  readonly seed: string;
}

/** A measure's usual size against the 高企 stock (tiers, flows, net increases, spans of three years). */
function usualRatio(measure: string): number {
  const tier: Record<string, number> = { tsme: 1.8, hnte: 1, srdi: 0.1, giant: 0.01, listed: 0.02 };
  const cls = classifyMeasure(measure);
  switch (cls?.type) {
    case 'stock':
      return tier[cls.tier] ?? 1;
    case 'flow':
      return (tier[cls.flow.replace(/_.*$/, '')] ?? 1) * (cls.flow.endsWith('_new') ? 0.25 : 0.05);
    case 'net':
      return (tier[cls.tier] ?? 1) * 0.1;
    case 'cumulative':
      return (tier[cls.tier] ?? 1) * 0.75;
    default:
      return measure === 'srdi_review_pass_pct' ? 0 : 0.05;
  }
}

/**
 * A row of observed counts. `level` (the 高企 stock) set: values of the usual size for it, give or
 * take a quarter, so that a fit converges in a few stages; unset: any count, however much it
 * contradicts the others (a fit of contradictory millions tempers through many stages: seconds).
 */
const rowArb = (
  region: string,
  level: number | undefined,
  measures: readonly string[] = MEASURES,
): fc.Arbitrary<Record<string, string>> =>
  fc
    .record({
      measure: fc.constantFrom(...measures),
      year: fc.integer({ min: 2016, max: 2021 }),
      value: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 3000 }) },
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_COUNT }) },
      ),
      jitter: fc.double({ min: 0.8, max: 1.25, noNaN: true }),
      qualifier: fc.constantFrom(...Qualifier.options),
      description: text(),
      quote: fc.constantFrom('', '2020年,全市高新技术企业达301家。', 'said "about 300"', 'two\nlines'),
    })
    .map((r) => {
      const cls = classifyMeasure(r.measure);
      const kind = (cls !== undefined ? expectedKind(cls) : undefined) ?? 'stock';
      const year = cls?.type === 'cumulative' ? `${r.year - 2}-${r.year}` : String(r.year);
      const value =
        level === undefined
          ? cls?.type === 'net' && r.value % 3 === 0
            ? -r.value
            : r.value
          : r.measure === 'srdi_review_pass_pct'
            ? Math.round(90 * r.jitter) - 10
            : Math.round(level * usualRatio(r.measure) * r.jitter);
      return {
        region,
        measure: r.measure,
        year,
        value: String(value),
        kind,
        qualifier: r.qualifier,
        description: r.description,
        source_title: '',
        source_url: 'https://example.org/a?b=1',
        quote: r.quote,
      };
    });

/** One row per figure: a second row for the same (measure, year, kind) is a conflict. */
const distinctRows = (rows: readonly Record<string, string>[]): Record<string, string>[] => {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r['measure']}|${r['year']}|${r['kind']}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

const BAD_FIELDS = [
  '1.2万',
  '-5',
  'abc',
  '',
  '2020年',
  '20201',
  '1e3',
  '3.5',
  ' 12 ',
  'NaN',
  '∞',
  'stock ',
  'STOCK',
  '０',
];

const observedCaseArb: fc.Arbitrary<ObservedCase> = fc
  .tuple(
    fc.constantFrom('zhanjiang', 'hunan', 'jiangmen', 'newtown'),
    fc.constantFrom(0, 7, 301, 4660, 400_000),
    fc.constantFrom<ObservedCase['mode']>(
      'valid',
      'valid',
      'valid',
      'valid',
      'mutated',
      'mutated',
      'mutated',
      'text',
      'text',
    ),
  )
  .chain(([region, level, mode]) =>
    fc.record({
      mode: fc.constant(mode),
      region: fc.constant(region),
      columns:
        mode === 'valid'
          ? fc
              .shuffledSubarray(
                OBSERVED_COLUMNS.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c)),
              )
              .chain((optional) =>
                fc.shuffledSubarray([...REQUIRED_COLUMNS, ...optional], {
                  minLength: REQUIRED_COLUMNS.length + optional.length,
                }),
              )
          : fc.oneof(
              fc.constant([...OBSERVED_COLUMNS]),
              fc.shuffledSubarray([...OBSERVED_COLUMNS], { minLength: 4 }),
              fc.nat().map((k) => OBSERVED_COLUMNS.map((c, i) => (i === k % 10 ? typo(c, k) : c))),
            ),
      // a valid file has a 高企 stock to anchor the base year; the others may not
      rows:
        mode === 'valid'
          ? fc
              .tuple(rowArb(region, level, ['hnte']), fc.array(rowArb(region, level), { maxLength: 2 }))
              .map(([anchor, rest]) =>
                distinctRows([{ ...anchor, year: String(Math.min(2020, Number(anchor['year']))) }, ...rest]),
              )
          : fc.array(rowArb(region, undefined), { maxLength: 6 }),
      rowMutations:
        mode === 'mutated'
          ? fc.array(fc.record({ row: fc.nat(), column: fc.nat(), value: fc.constantFrom(...BAD_FIELDS) }), {
              minLength: 1,
              maxLength: 2,
            })
          : fc.constant([]),
      textMutation:
        mode === 'text'
          ? textMutationArb
          : mode === 'valid'
            ? fc.option(
                textMutationArb.filter((m) => ['bom', 'crlf', 'mixed-eol'].includes(m.kind)),
                { freq: 3 },
              )
            : fc.constant(null),
      command: fc.constantFrom('calibrate', 'calibrate', 'project'),
      seed: fc.constantFrom('1', '种子'),
    }),
  );

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function observedText(c: ObservedCase): string {
  const rows = c.rows.map((r) => c.columns.map((col) => r[col] ?? ''));
  for (const m of c.rowMutations) {
    const row = rows[m.row % Math.max(1, rows.length)];
    if (row !== undefined) row[m.column % row.length] = m.value;
  }
  return [c.columns, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Plans

interface PlanCase {
  readonly valid: boolean;
  readonly plan: string;
  readonly mutations: readonly Mutation[];
  readonly textMutation: TextMutation | null;
  readonly runs: number;
}

/** The shipped plans as documents (what a planner copies and edits). */
const PLAN_DOCS: Readonly<Record<string, Record<string, unknown>>> = Object.fromEntries(
  PLAN_IDS.map((id) => [
    id,
    parseYaml(readFileSync(new URL(`../seeds/${id}.yaml`, import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >,
  ]),
);

const planCaseArb: fc.Arbitrary<PlanCase> = fc.boolean().chain((valid) =>
  fc.record({
    valid: fc.constant(valid),
    plan: fc.constantFrom(...PLAN_IDS),
    mutations: valid ? fc.constant([]) : fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    textMutation: valid
      ? fc.option(
          textMutationArb.filter((m) => ['bom', 'crlf', 'mixed-eol'].includes(m.kind)),
          { freq: 2 },
        )
      : fc.option(textMutationArb, { freq: 3 }),
    runs: fc.integer({ min: 2, max: 10 }),
  }),
);

describe('fuzzed inputs: a result or located input errors, never a crash or a bad number', () => {
  it('scenarios through run, compare and sweep', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioCaseArb, async (c) => {
        const home = mkdtempSync(join(scratch, 'case-'));
        const { file, argv, input } = materialise(c, home);
        const o = await cli(argv);
        expectNoCrash(o, input);
        if (c.mode === 'valid') expect(o.code, `a valid scenario runs: ${o.stderr}`).toBe(0);
        if (o.code === 2) {
          expectLocatedErrors(o, file);
          expect(readdirSync(home), 'nothing written').toEqual([]);
          return;
        }
        if (c.command === 'run') {
          const summary = expectCompleteReport(home, input);
          if (c.flags.includes('--json')) expect(RunSummary.parse(JSON.parse(o.stdout))).toEqual(summary);
          return;
        }
        expect(readdirSync(home).sort()).toEqual(['out']);
        const raw: unknown = JSON.parse(readFileSync(join(home, 'out', 'summary.json'), 'utf8'));
        expect(nonFinite(raw)).toEqual([]);
        const probabilities: number[] = [];
        const counts: number[] = [];
        if (c.command === 'compare') {
          const r = CompareResult.parse(raw);
          for (const s of r.results) {
            for (const g of s.goals) probabilities.push(g.probability);
            counts.push(s.spend.mean, s.spend.p05, s.spend.p50, s.spend.p95);
          }
        } else {
          const r = SweepResult.parse(raw);
          for (const p of r.points) {
            for (const g of p.goals) probabilities.push(g.probability);
            for (const b of p.budgets) probabilities.push(b.overspendProbability);
            counts.push(p.spend.mean, p.spend.p05, p.spend.p50, p.spend.p95);
          }
        }
        for (const p of probabilities) expect(p >= 0 && p <= 1, String(p)).toBe(true);
        for (const x of counts) expect(x).toBeGreaterThanOrEqual(0);
      }),
      { seed: 20_260_601, numRuns: 80, endOnFailure: true },
    );
  });

  it('plans through run', async () => {
    await fc.assert(
      fc.asyncProperty(planCaseArb, async (c) => {
        const home = mkdtempSync(join(scratch, 'plan-'));
        let doc = structuredClone(PLAN_DOCS[c.plan] ?? {});
        for (const m of c.mutations) doc = mutate(doc, m);
        const body = stringifyYaml(doc, { lineWidth: 0 });
        const bytes = c.textMutation === null ? Buffer.from(body) : mutateText(body, c.textMutation);
        const dir = mkdtempSync(join(scratch, 'in-'));
        const name = '方案 plan.yaml';
        writeFileSync(join(dir, name), bytes);
        const o = await cli(['run', join(dir, name), '--runs', String(c.runs), '--out', join(home, 'out')]);
        const input = bytes.toString('utf8');
        expectNoCrash(o, input);
        if (c.valid) expect(o.code, `a shipped plan runs from a file: ${o.stderr}`).toBe(0);
        if (o.code === 2) {
          expectLocatedErrors(o, name);
          expect(readdirSync(home), 'nothing written').toEqual([]);
        } else expectCompleteReport(home, input);
      }),
      { seed: 20_260_603, numRuns: 24, endOnFailure: true },
    );
  });

  it('observed-count files through calibrate and project', async () => {
    await fc.assert(
      fc.asyncProperty(observedCaseArb, async (c) => {
        const home = mkdtempSync(join(scratch, 'obs-'));
        const dir = mkdtempSync(join(scratch, 'in-'));
        const name = '观测 counts.csv';
        const file = join(dir, name);
        const body = observedText(c);
        const bytes = c.textMutation === null ? Buffer.from(body) : mutateText(body, c.textMutation);
        writeFileSync(file, bytes);
        const years = c.rows.map((r) => Number(String(r['year']).slice(-4))).filter(Number.isFinite);
        const until = years.length > 0 ? Math.max(...years) : 2020;
        const common = [
          '--observed',
          file,
          '--region',
          c.region,
          '--particles',
          '50',
          '--seed',
          c.seed,
          '--json',
        ];
        const argv =
          c.command === 'calibrate'
            ? ['calibrate', ...common, '--out', join(home, 'posterior.json')]
            : [
                'project',
                ...common,
                '--until',
                String(until),
                '--to',
                String(until + 3),
                '--chart',
                join(home, 'fan.svg'),
              ];
        const o = await cli(argv);
        const input = bytes.toString('utf8');
        expectNoCrash(o, input);
        if (c.mode === 'valid') expect(o.code, `a valid file is fitted: ${o.stderr}`).toBe(0);
        if (o.code === 2) {
          expectLocatedErrors(o, name);
          expect(readdirSync(home), 'nothing written').toEqual([]);
          return;
        }
        const printed: unknown = JSON.parse(o.stdout);
        expect(nonFinite(printed)).toEqual([]);
        if (c.command === 'calibrate') {
          expect(readdirSync(home)).toEqual(['posterior.json']);
          const posterior = Posterior.parse(JSON.parse(readFileSync(join(home, 'posterior.json'), 'utf8')));
          expect(nonFinite(posterior)).toEqual([]);
          const summary = CalibrationSummary.parse(printed);
          for (const r of summary.observations) {
            // a net increase may be negative; stocks and flows may not
            if (r.status !== 'fitted' || r.kind === 'net_increase') continue;
            for (const q of [r.p05, r.p50, r.p95, r.mean]) expect(q ?? 0).toBeGreaterThanOrEqual(0);
          }
          expect(summary.diagnostics.ess).toBeGreaterThan(0);
        } else {
          expect(readdirSync(home)).toEqual(['fan.svg']);
          const p = Projection.parse(printed);
          for (const s of p.series) {
            for (const q of [s.p05, s.p25, s.p50, s.p75, s.p95, s.mean]) expect(q).toBeGreaterThanOrEqual(0);
          }
          const svg = readFileSync(join(home, 'fan.svg'), 'utf8');
          expect(svg).not.toMatch(/NaN|Infinity/);
        }
        expect(existsSync(join(home, 'out'))).toBe(false);
      }),
      { seed: 20_260_602, numRuns: 24, endOnFailure: true },
    );
  });
});
