import { describe, expect, it } from 'vitest';
import { simulateRows } from '../src/engine/simulateRows.js';
import { runRange, traceTrajectory } from '../src/engine/runner.js';
import { stream } from '../src/engine/rng.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';
import {
  cumulativeWeights,
  drawParamSet,
  pickRow,
  withRegimeBreak,
  withSamples,
  type ParamSamples,
} from '../src/model/paramSource.js';
import { PARAM_NAMES } from '../src/schema/params.js';

const P = PARAM_NAMES.length;
const model = compileModel(loadTarget('zhanjiang-2023').scenario);

/** A uniform source that counts its draws. */
function counting(seed: string): { u: () => number; n: () => number } {
  const s = stream(seed, 0, 'count');
  let n = 0;
  return {
    u: () => {
      n++;
      return s();
    },
    n: () => n,
  };
}

/** Samples from the priors' medians, row k with directApply scaled by k + 1. */
function samples(count: number, base: boolean): ParamSamples {
  const params = new Float64Array(count * P);
  for (let k = 0; k < count; k++) {
    model.params.forEach((q, i) => (params[k * P + i] = q(0.5)));
    params[k * P + PARAM_NAMES.indexOf('directApply')] = 0.05 * (k + 1);
  }
  return {
    count,
    params,
    base: base
      ? Float64Array.from({ length: count * 5 }, (_, i) => [500, 300 + i, 20, 1, 2][i % 5] ?? 0)
      : null,
    shift: null,
    cumWeights: cumulativeWeights(Array.from({ length: count }, () => 1)),
  };
}

describe('parameter source', () => {
  it('takes the same number of uniforms from the priors or from samples', () => {
    const a = counting('a');
    drawParamSet(model, a.u, new Float64Array(P));
    const b = counting('a');
    drawParamSet(withSamples(model, samples(3, false)), b.u, new Float64Array(P));
    expect([a.n(), b.n()]).toEqual([P, P]);
    const brk = withRegimeBreak(model, { year: 2022, yearIndex: 2, shift: () => 2 });
    const c = counting('a');
    drawParamSet(brk, c.u, new Float64Array(P));
    const d = counting('a');
    drawParamSet(withSamples(brk, samples(3, false)), d.u, new Float64Array(P));
    expect([c.n(), d.n()]).toEqual([P + 1, P + 1]);
  });

  it('picks rows in proportion to their weights', () => {
    const cum = cumulativeWeights([1, 0, 3]);
    expect(Array.from(cum)).toEqual([0.25, 0.25, 1]);
    const picks = [0, 0, 0];
    for (let i = 0; i < 400; i++)
      picks[pickRow(cum, (i + 0.5) / 400)] = (picks[pickRow(cum, (i + 0.5) / 400)] ?? 0) + 1;
    expect(picks).toEqual([100, 0, 300]);
  });

  it('runs a trajectory with a sample’s parameters and, when it has them, its base counts', () => {
    const withBase = withSamples(model, samples(4, true));
    const t = traceTrajectory(withBase, 'x', 7);
    const k = Math.round((t.params[PARAM_NAMES.indexOf('directApply')] ?? 0) / 0.05) - 1;
    expect([0, 1, 2, 3]).toContain(k);
    const hnte0 = t.out[model.measures.indexOf('hnte') * model.years.length];
    expect(hnte0).toBe(300 + k * 5 + 1);
    // without base counts in the samples, the plan's base stays
    const plain = traceTrajectory(withSamples(model, samples(4, false)), 'x', 7);
    expect(plain.out[model.measures.indexOf('hnte') * model.years.length]).toBe(301);
  });

  it('leaves runs from the priors as they were', () => {
    // the same model without samples or a break draws exactly as before: two runs agree
    const a = runRange(model, '5', 0, 50);
    const b = runRange({ ...model }, '5', 0, 50);
    expect(a.series.map((h) => h.sum)).toEqual(b.series.map((h) => h.sum));
  });

  it('shifts first-certification applications from the break year on', () => {
    const y = model.years.length;
    const newAt = (m: typeof model): number[] => {
      const t = traceTrajectory(m, 'brk', 3);
      return Array.from(
        t.out.subarray(model.measures.indexOf('hnte_new') * y, (model.measures.indexOf('hnte_new') + 1) * y),
      );
    };
    // a break with multiplier 1 changes nothing; one with 0 stops first certificates from its year
    const none = newAt(withRegimeBreak(model, { year: 2023, yearIndex: 3, shift: () => 1 }));
    const stop = newAt(withRegimeBreak(model, { year: 2023, yearIndex: 3, shift: () => 0 }));
    expect(stop.slice(0, 3)).toEqual(none.slice(0, 3));
    expect(stop.slice(3)).toEqual(stop.slice(3).map(() => 0));
    expect(none.slice(3).some((v) => v > 0)).toBe(true);
  });

  it('simulates rows the same whatever the blocks', () => {
    const job = {
      model: withSamples(model, samples(6, true)),
      streams: Float64Array.from([9, 3, 5, 5, 1, 0]),
    };
    const whole = simulateRows(job, 's', 0, 6);
    const parts = [simulateRows(job, 's', 0, 1), simulateRows(job, 's', 1, 4), simulateRows(job, 's', 5, 1)];
    expect(Array.from(whole)).toEqual(parts.flatMap((p) => Array.from(p)));
    // rows 2 and 3 share a stream but not their parameters
    const w = model.measures.length * model.years.length;
    expect(Array.from(whole.subarray(2 * w, 3 * w))).not.toEqual(Array.from(whole.subarray(3 * w, 4 * w)));
  });
});
