import type { Uniform } from '../engine/rng.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { binOf, binnedMainEffect, mainEffectBootstrap } from './binnedMainEffect.js';
import { round, sig } from './designContext.js';
import type { Factor } from './factors.js';

/**
 * Value of information of each input for P(goal): from the plain sample (uniforms `columns[i]` of
 * input i, `met` the goal indicator), the spread of P(goal | input) over the input's prior,
 * estimated in `bins` equal-probability bins (binnedMainEffect.ts), with a bootstrap of `resamples`
 * from the seeded stream `u`. Ranked by the root-mean-square change.
 */
export function valueOfInformation(
  factors: readonly Factor[],
  columns: readonly Float64Array[],
  met: Uint8Array,
  bins: number,
  u: Uniform,
  resamples: number,
): SensitivityReport['valueOfInformation'] {
  const binned = columns.map((c) => binOf(c, bins));
  const spreads = mainEffectBootstrap(binned, met, bins, u, resamples);
  return factors
    .map((f, i) => {
      const e = binnedMainEffect(binned[i] ?? new Uint8Array(0), met, bins);
      const s = spreads[i];
      return {
        factor: f.name,
        group: f.group,
        reliance: f.reliance,
        rmsChange: round(e.rmsChange, 4),
        rmsSe: round(s?.se ?? 0, 4),
        rmsLo: round(s?.lo ?? 0, 4),
        rmsHi: round(s?.hi ?? 0, 4),
        meanAbsChange: round(e.meanAbsChange, 4),
        noiseFloor: round(e.noiseFloor, 4),
        curve: e.binMeans.map((pk, k) => ({
          lo: sig(f.value(k / bins)),
          hi: sig(f.value(Math.min(0.999999, (k + 1) / bins))),
          p: round(pk, 4),
          n: e.binCounts[k] ?? 0,
        })),
      };
    })
    .sort((a, b) => b.rmsChange - a.rmsChange || b.meanAbsChange - a.meanAbsChange);
}
