import { InputError } from '../io/errors.js';
import { numberFromText } from '../io/numberText.js';
import type { Lang } from '../report/lang.js';
import { MAX_RUNS, MIN_RUNS } from '../schema/scenario.js';

/** Parses `--runs`: a whole number from MIN_RUNS to MAX_RUNS. */
export function parseRuns(v: unknown): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < MIN_RUNS || n > MAX_RUNS) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --runs',
      location: { path: '--runs' },
      expected: `a whole number from ${MIN_RUNS} to ${MAX_RUNS}`,
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

/** Largest `--workers`: far more threads than cores only adds overhead. */
export const MAX_WORKERS = 256;

/** Parses `--workers`: a whole number of threads from 1 to MAX_WORKERS. */
export function parseWorkers(v: unknown): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --workers',
      location: { path: '--workers' },
      expected: `a whole number of threads from 1 to ${MAX_WORKERS}`,
      found: JSON.stringify(v),
    });
  }
  return n;
}

/** Parses `--precision`: a standard error for P(met), above 0 and at most 0.5. */
export function parsePrecision(v: unknown): number {
  const n = Number(v);
  if (typeof v === 'boolean' || v === '' || !Number.isFinite(n) || n <= 0 || n > 0.5) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --precision',
      location: { path: '--precision' },
      expected: 'a standard error for P(met) above 0 and at most 0.5, such as 0.005',
      found: JSON.stringify(v),
    });
  }
  return n;
}

/** Parses `--shard i/n`: shard i (counted from 0) of n. */
export function parseShard(v: unknown): { index: number; count: number } {
  const m = typeof v === 'string' ? /^(\d+)\/(\d+)$/.exec(v.trim()) : null;
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --shard',
      location: { path: '--shard' },
      expected: 'i/n with 0 ≤ i < n, such as 0/4 … 3/4 (i counts from 0, like a Kubernetes completion index)',
      found: JSON.stringify(v),
    });
  }
  return { index, count };
}

/** `{ hint }` for a number written with a unit or separators ("1万", "10,000"), else nothing. */
export function hintFor(v: unknown): { hint?: string } {
  const n = typeof v === 'string' ? numberFromText(v) : undefined;
  return n !== undefined
    ? { hint: `did you mean ${String(n)}? (write numbers alone, without units or separators)` }
    : {};
}
