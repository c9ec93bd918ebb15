import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import type { ErrorCode } from '../src/io/errors.js';
import { jsonSyntaxProblem } from '../src/io/jsonSyntax.js';

/*
 * Bad input files, one per fixture in test/fixtures/bad/. `ladder run <file>` must exit with
 * code 2, print one located message per problem on stderr (file:line, the field path where there
 * is one, what was expected and what was found) and write nothing. A new fixture is one row.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));

interface BadCase {
  /** file name in test/fixtures/bad/ */
  readonly file: string;
  readonly code: ErrorCode;
  /** line (1-based) the first message points to */
  readonly line: number;
  /** field path of the first message, where there is one */
  readonly path?: string;
  /** text the messages must also contain: the value found, a suggestion */
  readonly says?: readonly string[];
  /** number of messages (default 1) */
  readonly errors?: number;
}

// prettier-ignore
const CASES: readonly BadCase[] = [
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
  { file: 'runs-zero.yaml', code: 'E_SCHEMA', line: 2, path: 'runs', says: ['expected a number >= 1, found the number 0'] },
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
];

const scratch = mkdtempSync(join(tmpdir(), 'ladder-bad-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bad input files: exit 2, a located message, nothing written', () => {
  it('every fixture has a row and every row a fixture', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  it.each(CASES)('$file', async (c) => {
    const home = mkdtempSync(join(scratch, 'case-'));
    const out = join(home, 'out');
    let stdout = '';
    let stderr = '';
    const code = await runCli(['run', join(FIXTURES, c.file), '--runs', '50', '--out', out], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');

    const messages = stderr.split('\n').filter((l) => l !== '');
    expect(messages, stderr).toHaveLength(c.errors ?? 1);
    for (const m of messages) {
      expect(m).toMatch(/^error\[E_[A-Z_]+\] /);
      expect(m, 'names the file').toContain(c.file);
      expect(m, 'says what was expected and found').toMatch(/expected .+, found ./);
    }
    const first = messages[0] ?? '';
    expect(first).toContain(`error[${c.code}]`);
    // file:LINE, or file:LINE:COLUMN, right after the file name
    expect(first).toMatch(new RegExp(`bad/${escape(c.file)}:${c.line}[: ]`));
    if (c.path !== undefined) expect(first).toContain(` at ${c.path}: `);
    for (const s of c.says ?? []) expect(stderr).toContain(s);

    // nothing written: no report folder, and no temporary folder beside it
    expect(readdirSync(home)).toEqual([]);
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
