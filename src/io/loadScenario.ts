import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { resolveScenario } from '../model/resolveScenario.js';
import { Plan } from '../schema/plan.js';
import { ScenarioInput, type ResolvedScenario } from '../schema/scenario.js';
import { InputError, InputErrors } from './errors.js';
import { parseSource, validate, type SourceDoc } from './parseDocument.js';
import { loadPlan, listPlanIds, shownPath } from './loadPlan.js';
import { SCENARIOS_DIR, SEEDS_DIR } from './paths.js';
import { readText } from './readText.js';
import { suggest } from './suggest.js';

/** A scenario file's document and its validated input form. */
export interface LoadedScenario {
  readonly doc: SourceDoc;
  readonly input: ScenarioInput;
  readonly file: string;
}

export function readScenarioFile(file: string): LoadedScenario {
  const shown = shownPath(file);
  const doc = parseSource(readText(file), shown);
  return { doc, input: validate(doc, ScenarioInput), file: shown };
}

/** A plan file (it has goals) rather than a scenario: run as its own baseline. */
function isPlanDocument(doc: SourceDoc): boolean {
  return doc.data !== null && typeof doc.data === 'object' && 'goals' in doc.data && !('plan' in doc.data);
}

/**
 * Resolves a scenario: its plan, base overrides re-validated against the plan schema (errors
 * point into the scenario file), defaults applied.
 */
export function resolveLoaded(loaded: LoadedScenario, fallbackId: string): ResolvedScenario {
  const { doc, input } = loaded;
  let plan;
  try {
    plan = loadPlan(input.plan);
  } catch (e) {
    if (e instanceof InputError && e.code === 'E_NOT_FOUND') {
      const loc = doc.locate(['plan']);
      throw new InputError({
        code: 'E_NOT_FOUND',
        message: `the scenario names a plan that does not exist: ${JSON.stringify(input.plan)}`,
        location: { file: loaded.file, ...loc, path: 'plan' },
        expected: `one of ${listPlanIds().join(', ')}`,
        found: JSON.stringify(input.plan),
        ...(e.hint !== undefined ? { hint: e.hint } : {}),
      });
    }
    throw e;
  }
  const baseOverrides = input.base;
  if (baseOverrides !== undefined) {
    const merged = Plan.safeParse({ ...plan, base: { ...plan.base, ...baseOverrides } });
    if (!merged.success) {
      throw new InputErrors(
        merged.error.issues.map((issue) => {
          const path = issue.path.map(String);
          const inScenario = path[0] === 'base' && path[1] !== undefined && path[1] in baseOverrides;
          const key = path[1];
          const near = key !== undefined ? suggest(key, Object.keys(plan.base)) : undefined;
          return new InputError({
            code: 'E_SCHEMA',
            message: issue.message,
            location: {
              file: loaded.file,
              ...(inScenario ? doc.locate(issue.path) : doc.locate(['base'])),
              path: path.join('.'),
            },
            ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
          });
        }),
      );
    }
  }
  if (input.horizon !== undefined && input.horizon <= plan.baseYear) {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'the horizon must be after the base year',
      location: { file: loaded.file, ...doc.locate(['horizon']), path: 'horizon' },
      expected: `a year after ${plan.baseYear}`,
      found: String(input.horizon),
    });
  }
  return resolveScenario(input, plan, fallbackId);
}

/**
 * What `ladder run <target>` runs: a scenario file (a path that exists, or ends in .yaml/.yml/.json),
 * or a plan id, which runs `scenarios/<id>.yaml` when it exists and the bare plan otherwise.
 */
export function loadTarget(target: string): { scenario: ResolvedScenario; source: string; path: string } {
  const ext = extname(target).toLowerCase();
  const looksLikeFile = ['.yaml', '.yml', '.json'].includes(ext) || target.includes('/');
  if (looksLikeFile || (existsSync(target) && statSync(target).isFile())) {
    const shown = shownPath(target);
    const doc = parseSource(readText(target), shown);
    if (isPlanDocument(doc)) {
      const plan = validate(doc, Plan);
      return {
        scenario: resolveScenario({ plan: plan.id }, plan, plan.id),
        source: shown,
        path: resolve(target),
      };
    }
    const loaded: LoadedScenario = { doc, input: validate(doc, ScenarioInput), file: shown };
    return { scenario: resolveLoaded(loaded, basename(target, ext)), source: shown, path: resolve(target) };
  }
  const baseline = join(SCENARIOS_DIR, `${target}.yaml`);
  if (existsSync(baseline)) {
    const loaded = readScenarioFile(baseline);
    return { scenario: resolveLoaded(loaded, target), source: `scenarios/${target}.yaml`, path: baseline };
  }
  const plan = loadPlan(target);
  return {
    scenario: resolveScenario({ plan: plan.id }, plan, plan.id),
    source: `seeds/${plan.id}.yaml`,
    path: join(SEEDS_DIR, `${plan.id}.yaml`),
  };
}
