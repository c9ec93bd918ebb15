import type { EvidenceTag } from '../schema/common.js';

/**
 * How much evidence stands behind a prior, from its MODEL.md tag: `sourced` (S, D, S/D: a
 * published figure or arithmetic on published figures), `inference` (I: no source found) or
 * `mixed` (a source plus inference, or a weak source: S+I, D+I, W+I, …).
 */
export type EvidenceClass = 'sourced' | 'mixed' | 'inference';

export function evidenceClass(tag: EvidenceTag): EvidenceClass {
  if (tag === 'S' || tag === 'D' || tag === 'S/D') return 'sourced';
  if (tag === 'I') return 'inference';
  return 'mixed';
}
