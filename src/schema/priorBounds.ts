import type { z } from 'zod';
import type { Prior } from './prior.js';

/** Adds an issue for every end of a prior that falls outside [min, max]. */
export function checkPriorBounds(
  prior: Prior,
  [min, max]: readonly [number, number],
  path: readonly PropertyKey[],
  ctx: z.RefinementCtx,
  what: string,
): void {
  const ends: [string, number][] =
    prior.dist === 'fixed'
      ? [['value', prior.value]]
      : prior.dist === 'pert'
        ? [
            ['low', prior.low],
            ['mode', prior.mode],
            ['high', prior.high],
          ]
        : [
            ['low', prior.low],
            ['high', prior.high],
          ];
  for (const [k, v] of ends) {
    if (v < min || v > max) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, k],
        message: `${what} out of range: expected a value in [${min}, ${max}], found ${v}`,
      });
    }
  }
}
