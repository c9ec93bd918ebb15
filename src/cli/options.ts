import { InputError } from '../io/errors.js';
import { numberFromText } from '../io/numberText.js';
import type { Lang } from '../report/lang.js';
import { MAX_RUNS } from '../schema/scenario.js';

/** Parses `--runs`: a whole number from 1 to MAX_RUNS. */
export function parseRuns(v: unknown): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < 1 || n > MAX_RUNS) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --runs',
      location: { path: '--runs' },
      expected: `a whole number from 1 to ${MAX_RUNS}`,
      found: JSON.stringify(v),
      ...hintFor(v),
    });
  }
  return n;
}

/** Parses `--seed`: any non-empty text (`--seed` with no value is a mistake, not seed ""). */
export function parseSeed(v: unknown): string {
  if (typeof v !== 'string' || v === '') {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --seed',
      location: { path: '--seed' },
      expected: 'a non-empty seed, e.g. --seed 7',
      found: typeof v === 'string' ? 'nothing' : JSON.stringify(v),
    });
  }
  return v;
}

/** Parses `--lang`: `zh`, `en`, or `both` (Chinese first, then English). */
export function parseLang(v: unknown): Lang[] {
  if (v === 'zh' || v === 'en') return [v];
  if (v === 'both') return ['zh', 'en'];
  throw new InputError({
    code: 'E_USAGE',
    message: 'bad --lang',
    location: { path: '--lang' },
    expected: 'zh, en or both',
    found: JSON.stringify(v),
  });
}

/** `{ hint }` for a number written with a unit or separators ("1万", "10,000"), else nothing. */
export function hintFor(v: unknown): { hint?: string } {
  const n = typeof v === 'string' ? numberFromText(v) : undefined;
  return n !== undefined
    ? { hint: `did you mean ${String(n)}? (write numbers alone, without units or separators)` }
    : {};
}
