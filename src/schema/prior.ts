import { z } from 'zod';
import { EvidenceTag } from './common.js';

/**
 * A prior for an uncertain quantity, drawn once per trajectory.
 * - `uniform`: flat on [low, high].
 * - `pert`: Beta-PERT on [low, high] with mode `mode` (shape λ = 4), the usual way to turn a
 *   "plausible range (central)" into a distribution.
 * - `loguniform`: flat in log on [low, high] (0 < low ≤ high), for a rate whose plausible values
 *   span orders of magnitude.
 * - `fixed`: always `value` (for a scenario that pins a parameter).
 */
export const Prior = z
  .discriminatedUnion('dist', [
    z.strictObject({
      dist: z.literal('uniform'),
      low: z.number(),
      high: z.number(),
      tag: EvidenceTag,
      source: z.string().min(1),
    }),
    z.strictObject({
      dist: z.literal('pert'),
      low: z.number(),
      mode: z.number(),
      high: z.number(),
      tag: EvidenceTag,
      source: z.string().min(1),
    }),
    z.strictObject({
      dist: z.literal('loguniform'),
      low: z.number().positive(),
      high: z.number().positive(),
      tag: EvidenceTag,
      source: z.string().min(1),
    }),
    z.strictObject({
      dist: z.literal('fixed'),
      value: z.number(),
      tag: EvidenceTag,
      source: z.string().min(1),
    }),
  ])
  .superRefine((p, ctx) => {
    if (p.dist === 'fixed') return;
    if (!(p.low <= p.high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['high'],
        message: `expected high ≥ low (${p.low}), found ${p.high}`,
      });
    }
    if (p.dist === 'pert' && !(p.low <= p.mode && p.mode <= p.high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: `expected mode within [${p.low}, ${p.high}], found ${p.mode}`,
      });
    }
  });
export type Prior = z.output<typeof Prior>;
