import { createHash } from 'node:crypto';
import { PARTIAL_FORMAT } from '../schema/partial.js';
import type { ResolvedScenario } from '../schema/scenario.js';

/** JSON with object keys sorted at every level: the same text for the same data, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 (hex) of what a partial result must share with the others it merges with. */
export function scenarioHash(scenario: ResolvedScenario, version: string): string {
  return createHash('sha256')
    .update(canonicalJson({ format: PARTIAL_FORMAT, version, scenario }))
    .digest('hex');
}
