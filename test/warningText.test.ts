import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calibrateRegion } from '../src/analysis/calibrate.js';
import { calibrationWarnings, coordinateSummaries, fitRows } from '../src/analysis/calibrationSummary.js';
import { serialEvaluate } from '../src/analysis/designRuns.js';
import { modelWithPosterior } from '../src/analysis/posteriorSamples.js';
import { analyseSensitivity, DEFAULT_SENSITIVITY } from '../src/analysis/sensitivity.js';
import { evidenceWarnings, monotonicityWarning } from '../src/app/analysisParts.js';
import { compareScenarios } from '../src/app/compareScenarios.js';
import { shippedFitAvailable } from '../src/app/posteriorForPlan.js';
import { reportRun, simulateScenario } from '../src/app/runScenario.js';
import { parseLeverRef } from '../src/io/leverRef.js';
import { loadObserved, SHIPPED_OBSERVED } from '../src/io/loadObserved.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileRunModel } from '../src/model/compile.js';
import { DEFAULT_PRIORS } from '../src/model/priors.js';
import { WARNING_CODES } from '../src/model/warnings.js';
import { PARAM_NAMES } from '../src/schema/params.js';
import type { Posterior } from '../src/schema/posterior.js';
import type { Prior } from '../src/schema/prior.js';
import { localizeWarning, parseWarning, warningText, type WarningCode } from '../src/report/warningText.js';
import { scenarioOf } from './helpers.js';

/** A prior's central value: its mode, the middle of its range, or its value. */
function middle(p: Prior): number {
  return p.dist === 'fixed' ? p.value : p.dist === 'pert' ? p.mode : (p.low + p.high) / 2;
}

/**
 * Every warning the code raises, raised for real: each must be recognised (a code and its
 * parameters), say itself again in English exactly as raised, and have a Chinese form with no
 * English sentence left in it.
 */
async function raisedWarnings(): Promise<Map<WarningCode, string[]>> {
  const out = new Map<WarningCode, string[]>();
  const keep = (ws: readonly string[]): void => {
    for (const w of ws) {
      const p = parseWarning(w);
      if (p === undefined) throw new Error(`not recognised: ${w}`);
      out.set(p.code, [...(out.get(p.code) ?? []), w]);
    }
  };
  // a reward without an amount (Zhanjiang's first-certification reward) and a goal after the horizon
  const zhanjiang = { ...scenarioOf('zhanjiang-2023', { horizon: 2024 }), runs: 50 };
  keep((await simulateScenario(zhanjiang)).warnings);
  // the shipped counts could calibrate the plan's region
  keep([shippedFitAvailable(zhanjiang.plan).message]);
  // a run to a precision it cannot reach in the runs allowed
  const full = { ...scenarioOf('zhanjiang-2023'), runs: 50 };
  keep((await simulateScenario(full, { precision: 1e-6, maxRuns: 100 })).warnings);
  // a posterior of another region
  const posterior = {
    region: 'jiangmen',
    until: 2020,
    baseYear: 2015,
    lastYear: 2020,
    breakYear: null,
    samples: {
      names: PARAM_NAMES.slice(0, 25),
      values: [PARAM_NAMES.slice(0, 25).map(() => 0.1)],
      weights: [1],
    },
  } as unknown as Posterior;
  const run = await reportRun(zhanjiang, await simulateScenario({ ...zhanjiang, runs: 20 }), {
    sourcePath: 'x',
    noWrite: true,
    posterior,
  });
  keep(run.summary.warnings);
  const used = modelWithPosterior(compileRunModel(zhanjiang), posterior);
  if (used.status !== 'ok') throw new Error('posterior not used');
  keep([used.note]);
  // compare: scenarios with other seeds, and of two plans sharing goals
  const root = mkdtempSync(join(tmpdir(), 'ladder-warnings-'));
  const plan = parseYaml(readFileSync('seeds/jiangmen-2021.yaml', 'utf8')) as { id: string };
  plan.id = 'jiangmen-copy';
  const planFile = join(root, 'jiangmen-copy.yaml');
  writeFileSync(planFile, stringifyYaml(plan));
  const reseeded = join(root, 'reseeded.yaml');
  writeFileSync(reseeded, 'plan: jiangmen-2021\nseed: "7"\n');
  const compared = await compareScenarios(
    [loadTarget('jiangmen-2021'), loadTarget(reseeded), loadTarget(planFile)],
    { runs: 20 },
  );
  keep(compared.warnings);
  // a lever whose response has no evidence, and a curve that falls
  const jiangmen = scenarioOf('jiangmen-2021');
  keep(evidenceWarnings(jiangmen, parseLeverRef('move-in-bonus', jiangmen)));
  keep(evidenceWarnings(jiangmen, parseLeverRef('first-cert-reward', jiangmen)));
  keep(
    monotonicityWarning([
      { value: 300000, p: 0.5, se: 0.01 },
      { value: 600000, p: 0.4, se: 0.01 },
    ]),
  );
  // a fit (calibrate, project, backtest): Hunan's figures, which the model cannot all reproduce
  const fit = await calibrateRegion(loadObserved(SHIPPED_OBSERVED), { region: 'hunan', particles: 50 });
  if (fit.status !== 'ok') throw new Error(fit.message);
  const cal = fit.calibration;
  const coords = coordinateSummaries(cal);
  keep(calibrationWarnings(cal, coords, fitRows(cal)));
  // the same fit with a regime break already in it, medians beyond their priors both ways, a
  // sampler stopped short of the posterior and a thin sample: the raiser's other sentences
  const stages = cal.smc.stages.map((st, i, all) =>
    i === all.length - 1 ? { ...st, temperature: 0.5 } : st,
  );
  const doctored = {
    ...cal,
    setup: { ...cal.setup, breakYear: 2016 },
    smc: { ...cal.smc, stages, unique: 2 },
  };
  const beyond = coords.map((c, i) =>
    i === 0 ? { ...c, p50: c.priorP95 + 1 } : i === 1 ? { ...c, p50: c.priorP05 - 1 } : c,
  );
  keep(calibrationWarnings(doctored, beyond, fitRows(cal)));
  // sensitivity: a goal met in every trajectory, every prior pinned but one and the base counts
  // exact (so process noise is a large share of the variance), on a Saltelli design too small to
  // converge
  const pinned = Object.fromEntries(
    PARAM_NAMES.map((n) => [
      n,
      { dist: 'fixed', value: middle(DEFAULT_PRIORS[n]), tag: 'I', source: 'pinned' },
    ]),
  );
  const quiet = scenarioOf('zhanjiang-2023', {
    priors: { ...pinned, firstPass: { dist: 'uniform', low: 0.6, high: 0.8, tag: 'I', source: 'varied' } },
  });
  const easy = {
    ...quiet,
    plan: {
      ...quiet.plan,
      base: Object.fromEntries(
        Object.entries(quiet.plan.base).map(([m, b]) => [m, { ...b, low: undefined, high: undefined }]),
      ),
      goals: quiet.plan.goals.map((g) =>
        g.id === 'hnte-agri-100' && g.kind === 'projected' ? { ...g, target: 1 } : g,
      ),
    },
  } as typeof quiet;
  const tiny = {
    ...DEFAULT_SENSITIVITY,
    runs: 200,
    tornadoRuns: 100,
    tornadoPilot: 20,
    sobolRows: 16,
    sobolReplicates: 2,
    sobolBootstrap: 50,
    voiBootstrap: 20,
  };
  keep((await analyseSensitivity(easy, 'hnte-agri-100', tiny, serialEvaluate(), 'test')).warnings);
  return out;
}

describe('warnings in the report language', () => {
  it(
    'recognises every warning the code raises, says it again exactly, and in Chinese',
    { timeout: 60_000 },
    async () => {
      const raised = await raisedWarnings();
      const codes: readonly WarningCode[] = WARNING_CODES;
      expect([...raised.keys()].sort()).toEqual([...codes].sort());
      const plans = [scenarioOf('zhanjiang-2023').plan, scenarioOf('jiangmen-2021').plan];
      const all = [...raised].flatMap(([code, texts]) => texts.map((text) => [code, text] as const));
      // a misfit both with and without the hint to try a regime break
      expect(raised.get('fit-misfit')?.some((w) => w.includes('--break YEAR'))).toBe(true);
      expect(raised.get('fit-misfit')?.some((w) => !w.includes('--break YEAR'))).toBe(true);
      for (const [code, text] of all) {
        const parsed = parseWarning(text);
        expect(parsed?.code, text).toBe(code);
        if (parsed === undefined) continue;
        expect(warningText(parsed, 'en'), code).toBe(text);
        const zh = localizeWarning(text, 'zh', plans);
        // Chinese throughout: no run of three English words is left
        expect(zh, code).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(zh, code).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
        expect(zh).not.toContain('（英文原文）');
        expect(localizeWarning(text, 'en', plans)).toBe(text);
      }
    },
  );

  it('names levers, goals and regions as the plan does', () => {
    const plans = [scenarioOf('zhanjiang-2023').plan];
    const zh = localizeWarning(
      'lever first-cert-reward states no amount: it acts at the reference reward (20万 yuan) and its outlay is not counted in spend or in yuan per additional firm',
      'zh',
      plans,
    );
    const label = plans[0]?.levers.find((l) => l.id === 'first-cert-reward')?.label.zh ?? '';
    expect(label).not.toBe('');
    expect(zh).toContain(`“${label}”`);
    expect(zh).toContain('20万元');
    const region = localizeWarning(
      'zhanjiang has 4 figures up to 2020 in seeds/data/observed_counts.csv; parameters come from the priors unless --posterior is given (--posterior auto fits them first)',
      'zh',
      plans,
    );
    expect(region).toMatch(/^湛江市在 seeds\/data\/observed_counts\.csv 中有截至2020年的4个公开数据/);
  });

  it('shows a sentence it does not know as it is, marked as English, in a Chinese report', () => {
    expect(localizeWarning('something new happened', 'zh')).toBe('（英文原文）something new happened');
    expect(localizeWarning('something new happened', 'en')).toBe('something new happened');
  });
});
