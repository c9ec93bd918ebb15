import { describe, expect, it } from 'vitest';
import { runRange, traceTrajectory } from '../src/engine/runner.js';
import { PLAN_IDS, modelOf } from './helpers.js';

const TRAJECTORIES = 150;

describe('every trajectory of every plan', () => {
  for (const id of PLAN_IDS) {
    it(`${id}: no negative counts, and every firm accounted for`, () => {
      const model = modelOf(id);
      for (let i = 0; i < TRAJECTORIES; i++) {
        const { out, trace } = traceTrajectory(model, 'conservation', i);
        // no negative value anywhere, no NaN
        for (const v of out) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        for (const year of trace.states) {
          for (const s of year) {
            for (const v of [s.t, ...s.h, ...s.s, ...s.g, s.l]) expect(v).toBeGreaterThanOrEqual(0);
          }
        }
        for (let y = 1; y < trace.states.length; y++) {
          const before = trace.states[y - 1] ?? [];
          const after = trace.states[y] ?? [];
          const f = trace.ledgers[y - 1];
          if (f === undefined) throw new Error('missing ledger');
          const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
          const T0 = sum(before.map((s) => s.t));
          const T1 = sum(after.map((s) => s.t));
          const H0 = sum(before.map((s) => sum(s.h)));
          const H1 = sum(after.map((s) => sum(s.h)));
          // register ∪ 高企: start + inflows − outflows = end
          const inflow = f.tsmeEntries + f.moveIns + f.directCerts;
          const outflow = f.tsmeLeft + f.hnteLost + (f.hnteLapsed - f.lapsedToPool);
          expect(T1 + H1).toBe(T0 + H0 + inflow - outflow);
          // 高企 stock: start − lost − expired without renewal + first certificates + moves in
          expect(H1).toBe(H0 - f.hnteLost - f.hnteLapsed + f.firstCerts + f.moveIns);
          // 专精特新 and 小巨人 titles: start − lost − failed reviews + new
          const S0 = sum(before.map((s) => sum(s.s)));
          const S1 = sum(after.map((s) => sum(s.s)));
          expect(S1).toBe(S0 - f.srdiLost - (f.srdiDue - f.srdiPassed) + f.srdiNew);
          const G0 = sum(before.map((s) => sum(s.g)));
          const G1 = sum(after.map((s) => sum(s.g)));
          expect(G1).toBe(G0 - f.giantLost - (f.giantDue - f.giantPassed) + f.giantNew);
          const L0 = sum(before.map((s) => s.l));
          const L1 = sum(after.map((s) => s.l));
          expect(L1).toBe(L0 - f.delisted + f.listedNew);
          // only the oldest cohort faces expiry, less what it lost during the year
          const oldest = sum(before.map((s) => s.h[2]));
          expect(f.hnteDue).toBeLessThanOrEqual(oldest);
          expect(f.hnteKept + f.hnteLapsed).toBe(f.hnteDue);
        }
      }
    });
  }
});

describe('certificate clocks', () => {
  it('a one-year surge of first certifications returns as a wave of re-certification decisions three years later', () => {
    const surgeYear = 2022;
    const plain = modelOf('zhanjiang-2023');
    const surged = modelOf('zhanjiang-2023', { applicationMultiplier: { [String(surgeYear)]: 3 } });
    const n = 400;
    const years = plain.years;
    const ys = (y: number): number => years.indexOf(y);
    let extraCerts = 0;
    const extraDue = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const a = traceTrajectory(plain, 'surge', i).trace.ledgers;
      const b = traceTrajectory(surged, 'surge', i).trace.ledgers;
      const at = (l: typeof a, y: number): (typeof a)[number] => {
        const r = l[ys(y) - 1];
        if (r === undefined) throw new Error(`no ledger for ${y}`);
        return r;
      };
      extraCerts += at(b, surgeYear).firstCerts - at(a, surgeYear).firstCerts;
      for (const y of [surgeYear + 1, surgeYear + 2, surgeYear + 3]) {
        extraDue.set(y, (extraDue.get(y) ?? 0) + at(b, y).hnteDue - at(a, y).hnteDue);
      }
    }
    const perTraj = (x: number): number => x / n;
    // the surge really happened
    expect(perTraj(extraCerts)).toBeGreaterThan(20);
    // three years later the surge cohort comes up for renewal: most of it (it loses 1–4% a year
    // while valid) is due, far more than in the years in between
    const due3 = perTraj(extraDue.get(surgeYear + 3) ?? 0);
    expect(due3).toBeGreaterThan(0.8 * perTraj(extraCerts));
    expect(due3).toBeLessThan(1.05 * perTraj(extraCerts));
    expect(Math.abs(perTraj(extraDue.get(surgeYear + 1) ?? 0))).toBeLessThan(0.2 * due3);
    expect(Math.abs(perTraj(extraDue.get(surgeYear + 2) ?? 0))).toBeLessThan(0.2 * due3);
  });
});

describe('streams', () => {
  it('a trajectory depends only on (seed, index): blocks in any split give the same results', () => {
    const model = modelOf('jiangmen-2021');
    const a = traceTrajectory(model, 's', 17).out;
    const b = traceTrajectory(model, 's', 17).out;
    expect([...a]).toEqual([...b]);
    const c = traceTrajectory(model, 't', 17).out;
    expect([...a]).not.toEqual([...c]);
    const whole = runRange(model, 's', 0, 60);
    const h1 = runRange(model, 's', 0, 25);
    const h2 = runRange(model, 's', 25, 35);
    // per-trajectory goal counts add up exactly
    whole.goals.forEach((g, i) => {
      const x = h1.goals[i];
      const y = h2.goals[i];
      if (x === undefined || y === undefined) throw new Error('goal missing');
      expect([...g.metByYear]).toEqual(
        [...g.metByYear].map((_, k) => (x.metByYear[k] ?? 0) + (y.metByYear[k] ?? 0)),
      );
    });
  });
});
