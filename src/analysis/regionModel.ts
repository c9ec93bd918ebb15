import type { CompiledModel } from '../model/compile.js';
import { compileSpec, type ModelSpec } from '../model/modelSpec.js';
import { DEFAULT_PRIORS } from '../model/priors.js';
import type { BaseCount, Plan } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { BASE_DIM0, BREAK_DIM, type RegionSetup } from './regionSetup.js';

/** Region levels the plans use; a region without a plan is read as a province-level series. */
const CITY_REGIONS = new Set(['zhanjiang', 'jieyang', 'jiangmen', 'yueyang']);

/**
 * The scenario a bare region runs: no plan document, no goals, no levers, one stratum; the base
 * year and base counts of the calibration set-up (their prior ranges, for runs from the
 * priors). It exists only to be compiled: calibration and projection draw every parameter and
 * base count from samples. Built in code, not read from a file, so the plan schema's rule that a
 * plan has goals does not apply.
 */
export function regionScenario(setup: RegionSetup, horizon: number, seed = '1'): ResolvedScenario {
  const hnte = setup.dims[BASE_DIM0];
  const lo = hnte?.prior.dist === 'loguniform' ? hnte.prior.low : 0;
  const hi = hnte?.prior.dist === 'loguniform' ? hnte.prior.high : 0;
  const count = (low: number, high: number): BaseCount => ({
    value: Math.round(Math.sqrt(Math.max(low, 1) * Math.max(high, 1))),
    origin: 'prior',
    low: Math.round(low),
    high: Math.max(Math.round(high), Math.round(Math.sqrt(Math.max(low, 1) * Math.max(high, 1)))),
    source: hnte?.prior.source ?? 'calibration set-up',
  });
  const plan: Plan = {
    id: `${setup.region.replace(/_/g, '-')}-observed`,
    name: { zh: `${setup.region}（按观测数据）`, en: `${setup.region} (from observed counts)` },
    region: {
      id: setup.region,
      level: CITY_REGIONS.has(setup.region) ? 'city' : setup.region.endsWith('_zones') ? 'zones' : 'province',
      province: setup.region,
      name: { zh: setup.region, en: setup.region },
    },
    document: { title: 'observed counts', status: 'reported', file: 'observed_counts.csv' },
    period: { from: setup.baseYear + 1, to: horizon },
    baseYear: setup.baseYear,
    sectors: [],
    marks: {},
    base: {
      tsme: count(lo * 0.5, hi * 4),
      hnte: count(lo, hi),
      srdi: count(0, hi * 0.3),
      giant: count(0, hi * 0.03),
      listed: count(0, hi * 0.03),
    },
    goals: [],
    levers: [],
    budgets: [],
    notes: [],
  };
  // the fitted parameters take the calibration's priors; the others (lever responses, which a
  // region's counts without a plan cannot inform) keep the model's defaults
  const priors: ResolvedScenario['priors'] = {
    ...DEFAULT_PRIORS,
    ...(Object.fromEntries(
      setup.dims.filter((d) => d.group === 'param').map((d) => [d.name, d.prior]),
    ) as Partial<ResolvedScenario['priors']>),
  };
  return {
    id: plan.id,
    name: plan.name,
    description: `Region ${setup.region}, base year ${setup.baseYear}, from observed counts`,
    plan,
    runs: 1000,
    seed,
    horizon,
    applicationMultiplier: {},
    priors,
    policy: 'as-written',
  };
}

/**
 * The model of a region from its base year to `horizon`, with its break, if any, as a spec: plain
 * data a worker thread compiles to the same model (model/modelSpec.ts).
 */
export function regionModelSpec(setup: RegionSetup, horizon: number): ModelSpec {
  const scenario = regionScenario(setup, horizon);
  const dim = setup.dims.find((d) => d.name === BREAK_DIM);
  if (setup.breakYear === null || dim === undefined) return { scenario };
  return {
    scenario,
    regimeBreak: { year: setup.breakYear, yearIndex: setup.breakYear - setup.baseYear, prior: dim.prior },
  };
}

/** The compiled model of a region from its base year to `horizon`, with its break, if any. */
export function regionModel(setup: RegionSetup, horizon: number): CompiledModel {
  return compileSpec(regionModelSpec(setup, horizon));
}
