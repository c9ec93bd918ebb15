import { describe, expect, it } from 'vitest';
import { runPairedRange } from '../src/engine/paired.js';
import { PLAN_IDS, modelOf } from './helpers.js';

describe('levers keep the ladder within reason', () => {
  it.each(PLAN_IDS)(
    '%s: no trajectory ends with more than five times the base 高企 stock (levers as written)',
    (id) => {
      // A lever amount read in the wrong unit (a count of projects taken as a share of the
      // deduction) once multiplied applications by ~50; this bound catches that kind of slip.
      const model = modelOf(id);
      const base = model.base.hnte.high;
      const m = model.measures.indexOf('hnte');
      const nYears = model.years.length;
      let max = 0;
      runPairedRange([model], 'bounds', 0, 300, (_i, [out]) => {
        max = Math.max(max, out?.[m * nYears + nYears - 1] ?? 0);
      });
      expect(max).toBeGreaterThan(0);
      expect(max).toBeLessThan(5 * base);
    },
  );
});
