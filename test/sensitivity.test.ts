import { describe, expect, it } from 'vitest';
import { serialEvaluate } from '../src/analysis/designRuns.js';
import { leverTypesOf, relianceOf, uncertainFactors } from '../src/analysis/factors.js';
import { analyseSensitivity, DEFAULT_SENSITIVITY, leverVariants } from '../src/analysis/sensitivity.js';
import { compileModel } from '../src/model/compile.js';
import { LEVER_RESPONSES } from '../src/model/leverResponses.js';
import { paramSlots } from '../src/model/paramSlots.js';
import { factorLabel } from '../src/report/factorLabels.js';
import { ordinal } from '../src/report/sensitivityMarkdown.js';
import { DEFAULT_PRIORS } from '../src/model/priors.js';
import { PARAM_NAMES } from '../src/schema/params.js';
import type { Prior } from '../src/schema/prior.js';
import { SensitivityReport } from '../src/schema/sensitivity.js';
import { scenarioOf } from './helpers.js';

/** A prior pinned at its central value (PERT mode, uniform midpoint). */
function pinned(p: Prior): Prior {
  const value = p.dist === 'fixed' ? p.value : p.dist === 'pert' ? p.mode : (p.low + p.high) / 2;
  return { dist: 'fixed', value, tag: p.tag, source: p.source };
}

const base = (value: number) => ({ value, origin: 'observed' as const, source: 'synthetic test ladder' });

/**
 * A synthetic ladder where one input matters: the Jieyang plan with its base counts fixed and
 * every prior pinned except the first-time pass rate (wide), two rates with very narrow ranges,
 * and the R&D subsidy's per-firm deduction (a lever the plan does not have: no effect at all).
 */
const SYNTHETIC = scenarioOf('jieyang-2024', {
  seed: 'one-factor',
  base: {
    tsme: base(700),
    'hnte:manufacturing': base(330),
    srdi: base(35),
    giant: base(2),
    listed: base(2),
  },
  priors: {
    ...Object.fromEntries(PARAM_NAMES.map((n) => [n, pinned(DEFAULT_PRIORS[n])])),
    firstPass: {
      dist: 'uniform',
      low: 0.45,
      high: 1,
      tag: 'I',
      source: 'synthetic: the one input that matters',
    },
    tsmeLeave: { dist: 'uniform', low: 0.119, high: 0.121, tag: 'I', source: 'synthetic: narrow' },
    recertKeep: { dist: 'uniform', low: 0.679, high: 0.681, tag: 'I', source: 'synthetic: narrow' },
    rdPerFirm: DEFAULT_PRIORS.rdPerFirm,
  },
});

const SMALL = {
  ...DEFAULT_SENSITIVITY,
  runs: 3000,
  tornadoRuns: 400,
  tornadoPilot: 50,
  sobolRows: 256,
  sobolReplicates: 2,
  sobolBootstrap: 300,
  voiBootstrap: 100,
};

describe('sensitivity on a synthetic ladder where one input matters', async () => {
  const report = await analyseSensitivity(SYNTHETIC, 'hnte-600', SMALL, serialEvaluate(), 'test');

  it('the report satisfies its JSON contract', () => {
    expect(() => SensitivityReport.parse(report)).not.toThrow();
    // the goal is neither sure nor hopeless, so P(goal) can move
    expect(report.probability.value).toBeGreaterThan(0.1);
    expect(report.probability.value).toBeLessThan(0.9);
  });

  it('the input ranks first in the one-way, Sobol’ and value-of-information rankings', () => {
    expect(report.tornado[0]?.factor).toBe('firstPass');
    expect(report.sobol?.indices[0]?.factor).toBe('firstPass');
    expect(report.valueOfInformation[0]?.factor).toBe('firstPass');
    expect(report.drivers[0]?.factor).toBe('firstPass');
    // and by a wide margin: its Sobol' intervals lie above every other input's
    const [first, ...rest] = report.sobol?.indices ?? [];
    for (const x of rest) {
      expect(x.stHi).toBeLessThan(first?.stLo ?? 0);
      expect(x.s1Hi).toBeLessThan(first?.s1Lo ?? 0);
    }
    // what the input does not explain is mostly process noise (the output averages 2 trajectories)
    expect(first?.s1).toBeGreaterThan(0.8);
    expect((first?.st ?? 0) + (report.sobol?.noiseShare ?? 0)).toBeGreaterThan(0.9);
    const [v0, ...vs] = report.valueOfInformation;
    for (const v of vs) expect(v.rmsChange).toBeLessThan(v.noiseFloor);
    expect(v0?.rmsChange).toBeGreaterThan(5 * (v0?.noiseFloor ?? 1));
  });

  it('an input of a lever the plan does not have is inert: no trajectory changed', () => {
    const f = report.factors.find((x) => x.name === 'rdPerFirm');
    expect(f?.inert).toBe(true);
    expect(f?.group).toBe('lever-response');
    expect(report.tornado.find((t) => t.factor === 'rdPerFirm')).toBeUndefined();
    // pinned priors and fixed base counts are not inputs at all
    expect(report.factors.map((x) => x.name).sort()).toEqual([
      'firstPass',
      'rdPerFirm',
      'recertKeep',
      'tsmeLeave',
    ]);
  });

  it('the failure region is a bound on that input', () => {
    const box = report.discovery.failure.boxes[0];
    expect(box?.rules.map((r) => r.factor)).toEqual(['firstPass']);
    expect(box?.rules[0]?.upper).not.toBeNull();
    expect(box?.density).toBeGreaterThanOrEqual(report.discovery.failure.threshold);
  });

  it('same seed, same report', async () => {
    const again = await analyseSensitivity(SYNTHETIC, 'hnte-600', SMALL, serialEvaluate(), 'test');
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});

describe('inputs', () => {
  it('lever responses belong to the lever types whose response they set; rates to none', () => {
    expect(leverTypesOf('rewardPeak')).toEqual(['first-cert-reward']);
    expect(leverTypesOf('rewardElasticity')).toEqual(['first-cert-reward', 'move-in-bonus', 'recert-reward']);
    expect(leverTypesOf('supportEffect')).toContain('platforms');
    expect(leverTypesOf('firstPass')).toEqual([]);
    for (const [type, r] of Object.entries(LEVER_RESPONSES)) {
      if (r.strength !== null) expect(leverTypesOf(r.strength)).toContain(type);
    }
    expect(relianceOf('I')).toBe('inference');
    expect(relianceOf('S (confounded)+I')).toBe('partly-inference');
    expect(relianceOf('S/D')).toBe('evidence');
  });

  it('every slot of the layout with a varying value is an input, with a report label', () => {
    const s = scenarioOf('jiangmen-2021');
    const model = compileModel(s);
    const inputs = uncertainFactors(s, model);
    const varying = paramSlots(model).filter((x) => x.value(0.1) !== x.value(0.9));
    expect(inputs.map((f) => f.name)).toEqual(varying.map((x) => x.name));
    for (const f of inputs) expect(factorLabel(f.name).zh).not.toBe(f.name);
    // base counts take their tag from where the number comes from
    const origin = s.plan.base['hnte']?.origin;
    expect(origin).toBe('plan');
    expect(inputs.find((f) => f.name === 'base:hnte')?.tag).toBe('S');
  });
});

describe('report text', () => {
  it('percentiles read as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 51.1, 80.6, 100].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '51st',
      '81st',
      '100th',
    ]);
  });
});

describe('lever variants', () => {
  it('each lever off, amounts halved and doubled only where the response uses the amount, budgets capped or not', () => {
    const s = scenarioOf('jiangmen-2021');
    const v = leverVariants(s);
    expect(v[0]?.target).toBe('all-levers');
    expect(v[0]?.scenario.plan.levers).toEqual([]);
    for (const l of s.plan.levers) expect(v.some((x) => x.id === l.id && x.variant === 'off')).toBe(true);
    const reward = v.find(
      (x) => x.id === s.plan.levers.find((l) => l.type === 'first-cert-reward')?.id && x.variant === 'x2',
    );
    expect(reward).toBeDefined();
    const onOff = s.plan.levers.find((l) => l.type === 'agent-blacklist');
    expect(v.some((x) => x.id === onOff?.id && x.variant === 'x2')).toBe(false);
    const caps = s.plan.budgets.filter((b) => b.kind === 'cap');
    expect(v.filter((x) => x.target === 'budget').length).toBe(3 * caps.length);
  });
});
