import { parse as parseYaml } from 'yaml';
import { InputError } from './errors.js';

/** One `--set path=value` override: a dotted path and a value parsed as a YAML scalar or flow. */
export interface SetOverride {
  readonly text: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

/**
 * Parses `path=value` (e.g. `levers.first-cert-reward.amounts.standard=600000`,
 * `budgets.hnte-cultivation.amount=3.33e8`, `priors.firstPass={dist: uniform, low: 0.4, high: 0.6, tag: I, source: x}`).
 * The value is read as YAML, so numbers, booleans, strings and flow mappings all work.
 */
export function parseSetOverride(text: string): SetOverride {
  const eq = text.indexOf('=');
  const pathText = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || pathText === '' || pathText.split('.').some((p) => p === '')) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --set',
      location: { file: '--set', path: text },
      expected: 'path=value, e.g. levers.first-cert-reward.amounts.standard=600000',
      found: JSON.stringify(text),
    });
  }
  let value: unknown;
  try {
    value = parseYaml(text.slice(eq + 1));
  } catch (e) {
    throw new InputError({
      code: 'E_USAGE',
      message: `bad --set value: ${(e as Error).message.split('\n')[0] ?? ''}`,
      location: { file: '--set', path: pathText },
      expected: 'a number, true/false, text or a {…} mapping',
      found: JSON.stringify(text.slice(eq + 1)),
    });
  }
  return { text, path: pathText.split('.'), value };
}

/** A copy of `data` with each override written at its path (creating mappings on the way). */
export function applySetOverrides(data: unknown, sets: readonly SetOverride[]): unknown {
  const root: Record<string, unknown> =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (structuredClone(data) as Record<string, unknown>)
      : {};
  for (const s of sets) {
    let cur: Record<string, unknown> = root;
    s.path.forEach((key, i) => {
      if (i === s.path.length - 1) {
        cur[key] = s.value;
        return;
      }
      const next = cur[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        const created: Record<string, unknown> = {};
        cur[key] = created;
        cur = created;
      } else cur = next as Record<string, unknown>;
    });
  }
  return root;
}
