import { describe, expect, it } from 'vitest';
import { runRowBatch } from '../src/engine/rowBatch.js';
import { stream } from '../src/engine/rng.js';
import { processSampler, runRange, traceTrajectory } from '../src/engine/runner.js';
import { goalRequirement, goalValue } from '../src/model/goals.js';
import { paramSlots } from '../src/model/paramSlots.js';
import { simulateTrajectory } from '../src/model/trajectory.js';
import { PARAM_NAMES } from '../src/schema/params.js';
import { PLAN_IDS, modelOf } from './helpers.js';

const N = 200;

describe('design rows (sensitivity designs)', () => {
  for (const id of PLAN_IDS) {
    it(`${id}: the slot layout is what a trajectory takes from its param stream`, () => {
      const model = modelOf(id);
      const slots = paramSlots(model);
      const out = new Float64Array(model.measures.length * model.years.length);
      const params = new Float64Array(PARAM_NAMES.length);
      for (let i = 0; i < 5; i++) {
        const own = stream('layout', i, 'param');
        let taken = 0;
        simulateTrajectory(
          model,
          () => {
            taken++;
            return own();
          },
          processSampler(stream('layout', i, 'proc')),
          params,
          out,
        );
        expect(taken).toBe(slots.length);
        // the parameter slots give the drawn parameter vector
        const again = stream('layout', i, 'param');
        PARAM_NAMES.forEach((_n, k) => {
          expect(slots[k]?.value(again())).toBe(params[k]);
        });
      }
    });

    it(`${id}: a row with every slot drawn as usual is trajectory i of a plain run`, () => {
      const model = modelOf(id);
      const slots = paramSlots(model).length;
      const plain = runRange(model, '7', 0, N);
      const rows = runRowBatch(model, {
        seed: '7',
        goal: 0,
        rows: [
          { u: new Float64Array(slots).fill(Number.NaN), start: 0, count: N / 2 },
          { u: new Float64Array(slots).fill(Number.NaN), start: N / 2, count: N / 2 },
        ],
        keepUniforms: true,
      });
      const met = rows.met.reduce((a, b) => a + b, 0);
      const goal = model.goals[0];
      if (goal === undefined) throw new Error('no goal');
      expect(met).toBe(plain.goals[0]?.metByYear[goal.yearIndex]);
      // trajectory by trajectory, the same margin as the plain trajectory
      const nYears = model.years.length;
      for (let i = 0; i < N; i += 17) {
        const { out } = traceTrajectory(model, '7', i);
        expect(rows.margin[i]).toBe(
          goalValue(goal, out, nYears, goal.yearIndex) - goalRequirement(goal, out, nYears),
        );
      }
      // the kept uniforms are the stream's
      const first = stream('7', 3, 'param');
      expect(rows.uniforms?.[3 * slots]).toBe(first());
    });
  }

  it('a fixed slot sets the value; the other slots stay as drawn', () => {
    const model = modelOf('zhanjiang-2023');
    const layout = paramSlots(model);
    const k = layout.findIndex((s) => s.name === 'firstPass');
    const u = new Float64Array(layout.length).fill(Number.NaN);
    u[k] = 0.1;
    const r = runRowBatch(model, {
      seed: '7',
      goal: 0,
      rows: [{ u, start: 0, count: 20 }],
      keepUniforms: true,
    });
    for (let t = 0; t < 20; t++) {
      const own = stream('7', t, 'param');
      for (let s = 0; s < layout.length; s++) {
        const drawn = own();
        expect(r.uniforms?.[t * layout.length + s]).toBe(s === k ? 0.1 : drawn);
      }
    }
  });
});
