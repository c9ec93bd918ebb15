import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import type { ErrorCode } from '../src/io/errors.js';
import { jsonSyntaxProblem } from '../src/io/jsonSyntax.js';

/*
 * The bad-input corpus: one row per file of test/fixtures/bad/. How a file is run depends on its
 * kind: a scenario or plan (.yaml/.json) with `ladder run <file>`, an observed-counts file (.csv)
 * with `ladder calibrate --observed <file>`, and a command line (.args: a JSON list of arguments,
 * `{out}` standing for the output path) as it is; a row may give its own command line (`args`,
 * `{file}` standing for the fixture), e.g. a part file for `ladder merge`. Every one must exit with code 2, print one
 * located message per problem on stderr (file:line or the option, the field path where there is
 * one, what was expected and what was found, a suggestion for a near miss) and write nothing: no
 * report folder, no posterior or chart file, no temporary file. A new fixture is one row.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));

interface BadCase {
  /** file name in test/fixtures/bad/ */
  readonly file: string;
  readonly code: ErrorCode;
  /** line (1-based) the first message points to, in `in` (default: the fixture itself) */
  readonly line?: number;
  /** the file the first message points into, when it is another fixture (an `extends` chain) */
  readonly in?: string;
  /** for a command line: where the first message says the problem is (`--set …`, `at --values`) */
  readonly at?: string;
  /** field path of the first message, where there is one */
  readonly path?: string;
  /** text the messages must also contain: the value found, a suggestion */
  readonly says?: readonly string[];
  /** number of messages (default 1) */
  readonly errors?: number;
  /** the command line, when not the one of the fixture's kind: `{file}` the fixture, `{out}` the output */
  readonly args?: readonly string[];
  /** a file already at `{out}`, which must be left as it was */
  readonly existing?: boolean;
}

// prettier-ignore
const CASES: readonly BadCase[] = [
  // scenarios and plans: syntax, encodings, types (ladder run <file>)
  { file: 'yaml-syntax-unclosed-list.yaml', code: 'E_SYNTAX', line: 4, says: ['expected valid YAML', `found "seed: '7'"`] },
  { file: 'yaml-tab-indent.yaml', code: 'E_SYNTAX', line: 2, says: ['Tabs', 'found "runs: 500"'] },
  { file: 'json-syntax-trailing-comma.json', code: 'E_SYNTAX', line: 3, says: ['no trailing comma', 'found "," in'] },
  { file: 'json-single-quotes.json', code: 'E_SYNTAX', line: 2, says: ['expected a double-quoted key', `found "'"`] },
  { file: 'json-unclosed-object.json', code: 'E_SYNTAX', line: 4, says: ['expected "," or "}", found the end of the file'] },
  { file: 'json-duplicate-key.json', code: 'E_SYNTAX', line: 4, says: ['found the key "runs" again'] },
  { file: 'json-wrong-type-runs-text.json', code: 'E_SCHEMA', line: 3, path: 'runs', says: ['expected number, found the string "500"'] },
  { file: 'duplicate-key.yaml', code: 'E_SYNTAX', line: 4, says: ['expected each key once, found the key "runs" again'] },
  { file: 'empty.yaml', code: 'E_EMPTY', line: 1, says: ['found nothing'] },
  { file: 'comment-only.yaml', code: 'E_EMPTY', line: 1, says: ['found only comments'] },
  { file: 'gbk-encoded.yaml', code: 'E_ENCODING', line: 1, says: ['GBK', 'expected UTF-8 text, found byte 0x'] },
  { file: 'utf16-encoded.yaml', code: 'E_ENCODING', line: 1, says: ['UTF-16'] },
  { file: 'top-level-list.yaml', code: 'E_SCHEMA', line: 2, says: ['expected object, found a list'] },
  { file: 'unknown-key-swapped-letters.yaml', code: 'E_SCHEMA', line: 3, path: 'rusn', says: ['unknown key "rusn"', 'did you mean `runs`?'] },
  { file: 'wrong-type-runs-text.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected number, found the string "five hundred"'] },
  { file: 'runs-zero.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected a number >= 2, found the number 0'] },
  { file: 'runs-fraction.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected int, found the number 2.5'] },
  { file: 'seed-empty.yaml', code: 'E_SCHEMA', line: 2, path: 'seed', says: ['expected at least 1 character, found the string ""'] },
  { file: 'seed-fraction.yaml', code: 'E_SCHEMA', line: 2, path: 'seed', says: ['expected string or int, found the number 1.5'] },
  { file: 'plan-id-not-an-id.yaml', code: 'E_SCHEMA', line: 1, path: 'plan', says: ['lower-case letters, digits and dashes', 'found the string "Zhanjiang 2023"'] },
  { file: 'scenario-names-missing-plan.yaml', code: 'E_NOT_FOUND', line: 2, path: 'plan', says: ['found "zhanjang-2023"', 'did you mean `zhanjiang-2023`?'] },
  { file: 'horizon-before-base-year.yaml', code: 'E_SCHEMA', line: 3, path: 'horizon', says: ['expected a year after 2020, found 2019'] },
  { file: 'horizon-after-2100.yaml', code: 'E_SCHEMA', line: 2, path: 'horizon', says: ['expected a number <= 2100, found the number 2200'] },
  { file: 'plan-goal-year-before-base-year.yaml', code: 'E_SCHEMA', line: 35, path: 'goals.0.year', says: ['expected a target year after the base year 2020, found 2019'] },
  { file: 'prior-probability-above-one.yaml', code: 'E_SCHEMA', line: 4, path: 'priors.firstPass.high', says: ['expected a value in [0, 1], found 1.3'] },
  { file: 'prior-low-above-high.yaml', code: 'E_SCHEMA', line: 3, path: 'priors.firstPass.high', says: ['expected high ≥ low (0.9), found 0.5'] },
  { file: 'prior-name-misspelt.yaml', code: 'E_SCHEMA', line: 4, path: 'priors.firstPas', says: ['did you mean `firstPass`?'] },
  { file: 'prior-dist-misspelt.yaml', code: 'E_SCHEMA', line: 4, path: 'priors.firstPass.dist', says: ['found the string "unifrom"', 'did you mean `uniform`?'] },
  { file: 'negative-base-count.yaml', code: 'E_SCHEMA', line: 3, path: 'base.hnte.value', says: ['expected a number >= 0, found the number -5'] },
  { file: 'base-missing-source.yaml', code: 'E_SCHEMA', line: 3, path: 'base.hnte.source', says: ['missing field', 'expected string, found nothing'] },
  { file: 'base-low-above-value.yaml', code: 'E_SCHEMA', line: 3, path: 'base.hnte.low', says: ['expected low ≤ value (900), found 1000'] },
  { file: 'base-stratum-misspelt.yaml', code: 'E_SCHEMA', line: 4, path: 'base.hnte:agr', says: ['found "hnte:agr"', 'did you mean `hnte:agri`?'] },
  // scenarios: names, types, units, ranges
  { file: 'lever-camel-case.yaml', code: 'E_SCHEMA', line: 4, path: 'levers.moveInBonus', says: ['unknown lever "moveInBonus" for plan zhanjiang-2023', 'did you mean `move-in-bonus`?'] },
  { file: 'budget-misspelt.yaml', code: 'E_SCHEMA', line: 4, path: 'budgets.hnte-cultivaton', says: ['did you mean `hnte-cultivation`?'] },
  { file: 'amount-id-misspelt.yaml', code: 'E_SCHEMA', line: 5, path: 'levers.first-cert-reward.amounts.standrd', says: ['expected one of standard, talent-island', 'did you mean `standard`?'] },
  { file: 'amount-in-wan.yaml', code: 'E_SCHEMA', line: 4, path: 'budgets.hnte-cultivation.amount', says: ['expected number, found the string "30万"', 'did you mean 300000?'] },
  { file: 'amount-with-separators.yaml', code: 'E_SCHEMA', line: 6, path: 'levers.first-cert-reward.amounts.standard', says: ['found the string "300,000"', 'did you mean 300000?'] },
  { file: 'horizon-as-text.yaml', code: 'E_SCHEMA', line: 2, path: 'horizon', says: ['found the string "2025年"', 'did you mean 2025?'] },
  { file: 'enabled-as-text.yaml', code: 'E_SCHEMA', line: 4, path: 'levers.move-in-bonus.enabled', says: ['expected boolean, found the string "no"', 'did you mean false?'] },
  { file: 'policy-misspelt.yaml', code: 'E_SCHEMA', line: 2, path: 'policy', says: ['found the string "statusquo"', 'did you mean `status-quo`?'] },
  { file: 'seed-null.yaml', code: 'E_SCHEMA', line: 2, path: 'seed', says: ['found null'] },
  { file: 'runs-negative.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected a number >= 2, found the number -5'] },
  { file: 'runs-huge.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected a number <= 10000000, found the number 100000000000000000000'] },
  { file: 'base-count-huge.yaml', code: 'E_SCHEMA', line: 4, path: 'base.hnte.value', says: ['expected a number <= 10000000, found the number 1e+308'] },
  { file: 'budget-huge.yaml', code: 'E_SCHEMA', line: 4, path: 'budgets.hnte-cultivation.amount', says: ['expected a number <= 10000000000000, found the number 1e+308'] },
  { file: 'share-above-one.yaml', code: 'E_SCHEMA', line: 6, path: 'levers.rd-subsidy.amounts.share-of-deduction', says: ['expected a share in [0, 1], found 1.5'] },
  { file: 'prior-fixed-negative.yaml', code: 'E_SCHEMA', line: 3, path: 'priors.recertKeep.value', says: ['expected a value in [0, 1], found -0.2'] },
  { file: 'prior-pert-mode-outside.yaml', code: 'E_SCHEMA', line: 3, path: 'priors.firstPass.mode', says: ['expected mode within [0.3, 0.6], found 0.9'] },
  { file: 'multiplier-before-base-year.yaml', code: 'E_SCHEMA', line: 4, path: 'applicationMultiplier.2019', says: ['expected a year from 2021 to 2025, found 2019'] },
  { file: 'multiplier-too-large.yaml', code: 'E_SCHEMA', line: 3, path: 'applicationMultiplier.2022', says: ['expected a number <= 20, found the number 50'] },
  { file: 'probability-as-percent.yaml', code: 'E_SCHEMA', line: 4, path: 'priors.firstPass.value', says: ['found the string "45%"', 'did you mean 0.45?'] },
  { file: 'base-count-with-unit.yaml', code: 'E_SCHEMA', line: 4, path: 'base.hnte.value', says: ['found the string "301家"', 'did you mean 301?'] },
  { file: 'lever-years-before-base-year.yaml', code: 'E_SCHEMA', line: 4, path: 'levers.move-in-bonus.years', says: ['expected years from 2021 to 2025, found 2019–2024'] },
  // scenarios that extend others
  { file: 'extends-missing.yaml', code: 'E_NOT_FOUND', line: 2, path: 'extends', says: ['found "zhanjang-2023.status-quo"', 'did you mean `zhanjiang-2023.status-quo`?'] },
  { file: 'extends-cycle-a.yaml', code: 'E_SCHEMA', in: 'extends-cycle-b.yaml', line: 2, path: 'extends', says: ['extends-cycle-a.yaml → test/fixtures/bad/extends-cycle-b.yaml → test/fixtures/bad/extends-cycle-a.yaml'] },
  { file: 'extends-cycle-b.yaml', code: 'E_SCHEMA', in: 'extends-cycle-a.yaml', line: 2, path: 'extends', says: ['extends-cycle-b.yaml → test/fixtures/bad/extends-cycle-a.yaml → test/fixtures/bad/extends-cycle-b.yaml'] },
  { file: 'extends-not-text.yaml', code: 'E_SCHEMA', line: 1, path: 'extends', says: ['expected the name of a scenario', 'found a list'] },
  // encodings and document structure
  { file: 'bom-unknown-key.yaml', code: 'E_SCHEMA', line: 3, path: 'sede', says: ['did you mean `seed`?'] },
  { file: 'utf16be-encoded.yaml', code: 'E_ENCODING', line: 1, says: ['UTF-16'] },
  { file: 'utf16-no-bom.yaml', code: 'E_ENCODING', line: 1, says: ['found a NUL byte at offset 1'] },
  { file: 'alias-bomb.yaml', code: 'E_SYNTAX', line: 1, says: ['expected at most 100 expansions of aliases'] },
  { file: 'deep-nesting.json', code: 'E_SYNTAX', line: 3, says: ['expected at most 64 levels'] },
  { file: 'json-nan.json', code: 'E_SYNTAX', line: 3, says: ['found "N" in "\\"runs\\": NaN"'] },
  // plans
  { file: 'plan-duplicate-goal-id.yaml', code: 'E_SCHEMA', line: 39, path: 'goals.1.id', says: ['expected a unique goal id, found hnte-400 twice'] },
  { file: 'plan-lever-unknown-budget.yaml', code: 'E_SCHEMA', line: 46, path: 'levers.0.budgets.0', says: ['expected a budget id of this plan (hnte-cultivation), found "hnte-cultivaton"'] },
  // observed counts (ladder calibrate --observed)
  { file: 'observed-negative-count.csv', code: 'E_SCHEMA', line: 3, path: 'value', says: ['a negative count', 'found -301'] },
  { file: 'observed-value-in-wan.csv', code: 'E_SCHEMA', line: 3, path: 'value', says: ['found "1.2万"', 'did you mean 12000?'] },
  { file: 'observed-huge-value.csv', code: 'E_SCHEMA', line: 3, path: 'value', says: ['expected a count of at most 10000000, found 30100000000'] },
  { file: 'observed-measure-misspelt.csv', code: 'E_SCHEMA', line: 3, path: 'measure', says: ['found "hnte_nwe"', 'did you mean `hnte_new`?'] },
  { file: 'observed-kind-misspelt.csv', code: 'E_SCHEMA', line: 2, path: 'kind', says: ['did you mean `stock`?'] },
  { file: 'observed-year-as-text.csv', code: 'E_SCHEMA', line: 3, path: 'year', says: ['found "2020年"'] },
  { file: 'observed-missing-column.csv', code: 'E_SCHEMA', line: 1, path: 'kind', says: ['expected a column named kind'] },
  { file: 'observed-extra-field.csv', code: 'E_SCHEMA', line: 2, says: ['expected 10 fields', 'found 11 fields'] },
  { file: 'observed-conflicting-duplicate.csv', code: 'E_SCHEMA', line: 4, path: 'value', says: ['duplicate of line 3', 'expected 301, found 310'] },
  { file: 'observed-unclosed-quote.csv', code: 'E_SYNTAX', line: 3, says: ['not valid CSV', 'Quote Not Closed'] },
  { file: 'observed-empty.csv', code: 'E_EMPTY', line: 1, says: ['found an empty file'] },
  { file: 'observed-gbk.csv', code: 'E_ENCODING', line: 2, says: ['GBK'] },
  { file: 'observed-utf16.csv', code: 'E_ENCODING', line: 1, says: ['UTF-16'] },
  { file: 'observed-year-out-of-range.csv', code: 'E_SCHEMA', line: 3, path: 'year', says: ['expected a year YYYY within 1949–2100, found "1800"'] },
  { file: 'observed-value-approximate.csv', code: 'E_SCHEMA', line: 3, path: 'value', says: ['found "约300"', 'did you mean 300, with qualifier approximate?'] },
  { file: 'observed-bom-misspelt-column.csv', code: 'E_SCHEMA', line: 1, path: 'mesure', errors: 2, says: ['did you mean `measure`?', 'expected a column named measure'] },
  { file: 'observed-kind-wrong-for-measure.csv', code: 'E_SCHEMA', line: 3, path: 'kind', says: ['expected stock (or target), found new'] },
  // command lines
  { file: 'set-lever-camel-case.args', code: 'E_SCHEMA', at: '--set levers.moveInBonus.enabled=false at levers.moveInBonus:', says: ['did you mean `move-in-bonus`?'] },
  { file: 'set-amount-in-wan.args', code: 'E_SCHEMA', at: '--set budgets.hnte-cultivation.amount=30万 at budgets.hnte-cultivation.amount:', says: ['did you mean 300000?'] },
  { file: 'set-probability-above-one.args', code: 'E_SCHEMA', at: 'at priors.firstPass.value:', says: ['expected a value in [0, 1], found 1.3'] },
  { file: 'set-without-equals.args', code: 'E_USAGE', at: '--set at runs:', says: ['expected path=value'] },
  { file: 'lever-misspelt.args', code: 'E_USAGE', at: '--lever at moveInBonus:', says: ['did you mean `move-in-bonus`?'] },
  { file: 'values-in-wan.args', code: 'E_USAGE', at: 'at --values:', says: ['found "30万"', 'did you mean 300000?'] },
  { file: 'values-infinite.args', code: 'E_USAGE', at: 'at --values:', says: ['found "1e400"'] },
  { file: 'goal-misspelt.args', code: 'E_USAGE', at: '--goal at hnte700:', says: ['did you mean `hnte-700`?'] },
  { file: 'probability-above-one.args', code: 'E_USAGE', at: 'at --probability:', says: ['found 1.5'] },
  { file: 'runs-huge.args', code: 'E_USAGE', at: 'at --runs:', says: ['found "1e20"'] },
  { file: 'runs-in-wan.args', code: 'E_USAGE', at: 'at --runs:', says: ['did you mean 10000?'] },
  { file: 'option-misspelt.args', code: 'E_USAGE', at: 'at --rusn:', says: ['unknown option --rusn', 'did you mean `--runs`?'] },
  { file: 'command-misspelt.args', code: 'E_USAGE', at: 'at rnu:', says: ['did you mean `run`?'] },
  { file: 'region-misspelt.args', code: 'E_USAGE', at: 'at --region:', says: ['found "zhanjiag"', 'did you mean `zhanjiang`?'] },
  { file: 'origin-as-text.args', code: 'E_USAGE', at: 'at --origin:', says: ['did you mean 2017?'] },
  { file: 'project-to-before-until.args', code: 'E_USAGE', at: 'at --to:', says: ['expected a year after --until 2020, found 2019'] },
  { file: 'init-unknown-plan.args', code: 'E_NOT_FOUND', at: 'no plan with id "zhanjang-2023"', says: ['did you mean `zhanjiang-2023`?'] },
  { file: 'sensitivity-goal-unknown.args', code: 'E_NOT_FOUND', at: 'at --goal:', says: ['did you mean `hnte-700`?'] },
  { file: 'compare-file-misspelt.args', code: 'E_NOT_FOUND', at: 'scenarios/zhanjiang-2023.status-qou.yaml:', says: ['did you mean `scenarios/zhanjiang-2023.status-quo.yaml`?'] },
  // every command: plans, run, init, compare, sweep, goal-seek, sensitivity, calibrate, project, backtest, merge
  { file: 'plans-option-misspelt.args', code: 'E_USAGE', at: 'at --jsno:', says: ['did you mean `--json`?'] },
  { file: 'run-unknown-target.args', code: 'E_NOT_FOUND', at: 'zhanjiang-2023.status-qou: no plan, scenario or file named', says: ['did you mean `zhanjiang-2023.status-quo`?'] },
  { file: 'run-posterior-missing.args', code: 'E_NOT_FOUND', at: 'no-such-posterior.json:', says: ['found no such file'] },
  { file: 'run-shard-with-precision.args', code: 'E_USAGE', at: 'at --precision:', says: ['expected either --precision or --shard, found both'] },
  { file: 'init-existing-file.args', code: 'E_WRITE', at: 'out: the file exists', existing: true, says: ['or --force to overwrite'] },
  { file: 'compare-bad-scenario.args', code: 'E_SCHEMA', at: 'bad/runs-zero.yaml:2:7 at runs:', says: ['expected a number >= 2, found the number 0'] },
  { file: 'compare-no-common-goal.args', code: 'E_USAGE', at: 'at scenarios:', says: ['hnte-700 of jiangmen-2021: the plan has no such goal'] },
  { file: 'sweep-share-above-one.args', code: 'E_SCHEMA', at: '--lever rd-subsidy.share-of-deduction=1.5 at levers.rd-subsidy.amounts.share-of-deduction:', says: ['expected a share in [0, 1], found 1.5'] },
  { file: 'sweep-lever-without-amount.args', code: 'E_USAGE', at: '--lever at listing-support:', says: ['nothing to vary', 'priors.listingSupportEffect.high'] },
  { file: 'goal-seek-goal-without-figure.args', code: 'E_USAGE', at: '--goal at listing-some:', says: ['expected one of hnte-700, hnte-agri-100'] },
  { file: 'goal-seek-empty-range.args', code: 'E_USAGE', at: 'at --max:', says: ['expected --min below --max, found 1000000 to 10'] },
  { file: 'sensitivity-sobol-rows-few.args', code: 'E_USAGE', at: 'at --sobol-rows:', says: ['found "3"'] },
  { file: 'calibrate-break-after-data.args', code: 'E_USAGE', at: 'at --break:', says: ['expected a year from 2017 to 2023, found 2030'] },
  { file: 'calibrate-particles-few.args', code: 'E_USAGE', at: 'at --particles:', says: ['expected a whole number from 50 to 100000, found "10"'] },
  { file: 'project-observed-negative.args', code: 'E_SCHEMA', at: 'bad/observed-negative-count.csv:3 at value:', says: ['found -301'] },
  { file: 'backtest-observed-gbk.args', code: 'E_ENCODING', at: 'bad/observed-gbk.csv:2:', says: ['GBK'] },
  { file: 'merge-not-a-part.args', code: 'E_SYNTAX', at: 'scenarios/zhanjiang-2023.status-quo.yaml:1:1: not valid JSON', says: ['found "#"'] },
  { file: 'merge-scenario-json.args', code: 'E_SCHEMA', at: 'bad/json-wrong-type-runs-text.json:1:1 at format: not a part file', says: ['expected "ladder-partial/1", found nothing'] },
  { file: 'merge-part-truncated.json', args: ['merge', '{file}', '--out', '{out}'], code: 'E_SYNTAX', line: 1, says: ['not a part file, or one cut short', 'found the end of the file'] },
];

const scratch = mkdtempSync(join(tmpdir(), 'ladder-bad-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The command line that runs a fixture, writing (if it wrongly did) under `home`. */
function argvOf(c: BadCase, home: string): string[] {
  const file = c.file;
  const full = join(FIXTURES, file);
  const out = join(home, 'out');
  if (c.args !== undefined) return c.args.map((a) => a.replace('{file}', full).replace('{out}', out));
  if (file.endsWith('.args')) {
    const args: unknown = JSON.parse(readFileSync(full, 'utf8'));
    if (!Array.isArray(args)) throw new Error(`${file}: expected a JSON list of arguments`);
    return args.map((a) => String(a).replace('{out}', out));
  }
  if (file.endsWith('.csv')) {
    return ['calibrate', '--observed', full, '--region', 'zhanjiang', '--particles', '50', '--out', out];
  }
  return ['run', full, '--runs', '50', '--out', out];
}

describe('bad inputs: exit 2, a located message, nothing written', () => {
  it('every fixture has a row and every row a fixture', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  it('covers every command of `ladder --help`', async () => {
    let help = '';
    await runCli(['--help'], { stdout: (t) => (help += t), stderr: () => undefined });
    const commands = [...help.matchAll(/^ {2}ladder ([a-z-]+)/gm)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThanOrEqual(11);
    const commandOf = (c: BadCase): string | undefined => {
      if (c.args !== undefined) return c.args[0];
      if (c.file.endsWith('.args')) {
        const args: unknown = JSON.parse(readFileSync(join(FIXTURES, c.file), 'utf8'));
        return Array.isArray(args) ? String(args[0]) : undefined;
      }
      return c.file.endsWith('.csv') ? 'calibrate' : 'run';
    };
    const covered = new Set(CASES.map(commandOf));
    for (const command of commands) expect([...covered], command).toContain(command);
  });

  it('covers scenarios, plans, observed counts and command lines', () => {
    const kinds = CASES.map((c) => extname(c.file));
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const k of ['.yaml', '.json', '.csv', '.args']) expect(kinds).toContain(k);
  });

  it.each(CASES)('$file', async (c) => {
    const home = mkdtempSync(join(scratch, 'case-'));
    const kept = 'a file of the user\n';
    if (c.existing === true) writeFileSync(join(home, 'out'), kept);
    let stdout = '';
    let stderr = '';
    const code = await runCli(argvOf(c, home), {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');

    const messages = stderr.split('\n').filter((l) => l !== '');
    expect(messages, stderr).toHaveLength(c.errors ?? 1);
    for (const m of messages) {
      expect(m).toMatch(/^error\[E_[A-Z_]+\] /);
      expect(m, 'says what was expected and found').toMatch(/expected .+, found ./);
    }
    const first = messages[0] ?? '';
    expect(first).toContain(`error[${c.code}]`);
    if (c.at !== undefined) expect(first, 'names the option').toContain(c.at);
    else {
      // file:LINE, or file:LINE:COLUMN, right after the file name
      expect(first, 'names the file and line').toMatch(
        new RegExp(`bad/${escape(c.in ?? c.file)}:${String(c.line)}[: ]`),
      );
    }
    if (c.path !== undefined) expect(first).toContain(` at ${c.path}: `);
    for (const s of c.says ?? []) expect(stderr).toContain(s);

    // nothing written: no report folder or file, and no temporary file or folder beside it
    expect(readdirSync(home)).toEqual(c.existing === true ? ['out'] : []);
    if (c.existing === true) expect(readFileSync(join(home, 'out'), 'utf8')).toBe(kept);
  });
});

describe('strict JSON: the syntax check agrees with JSON.parse', () => {
  const parses = (t: string): boolean => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };

  it('accepts every JSON text, however indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (v, indent) => {
        expect(jsonSyntaxProblem(JSON.stringify(v, null, indent))).toBeUndefined();
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('refuses exactly what JSON.parse refuses, after a one-character edit', () => {
    const chars = '{}[],:"\\ \n0123456789-+.eEtrufalsn\'/x\u0001';
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.nat({ max: chars.length - 1 }).map((k) => chars.charAt(k)),
        fc.constantFrom('insert', 'replace', 'delete'),
        (text, at, ch, edit) => {
          const i = at % (text.length + 1);
          const cut = edit === 'insert' ? i : i + 1;
          const mutated = text.slice(0, i) + (edit === 'delete' ? '' : ch) + text.slice(cut);
          const problem = jsonSyntaxProblem(mutated);
          expect(problem === undefined, JSON.stringify(mutated)).toBe(parses(mutated));
          if (problem !== undefined) expect(problem.offset).toBeLessThanOrEqual(mutated.length);
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});
