import { describe, expect, it } from 'vitest';
import { drawsPerTrajectory } from '../src/bench/countDraws.js';
import { median } from '../src/bench/stats.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';

describe('benchmark helpers', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('counts the exact draws of a trajectory: a few dozen per stratum and simulated year', () => {
    for (const id of ['yueyang-2022', 'zhanjiang-2023']) {
      const model = compileModel(loadTarget(id).scenario);
      const perStratumYear =
        drawsPerTrajectory(model, '1', 50) / model.strata.length / (model.years.length - 1);
      expect(perStratumYear).toBeGreaterThan(20);
      expect(perStratumYear).toBeLessThan(60);
    }
  });
});
