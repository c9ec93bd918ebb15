import { existsSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { defaultHorizon, resolveScenario } from '../model/resolveScenario.js';
import { Plan } from '../schema/plan.js';
import { ScenarioInput, type ResolvedScenario } from '../schema/scenario.js';
import { checkScenarioAgainstPlan } from '../schema/scenarioChecks.js';
import { InputError, InputErrors } from './errors.js';
import { loadPlan, listPlanIds, shownPath } from './loadPlan.js';
import { parseSource, validate, type SourceDoc } from './parseDocument.js';
import { SCENARIOS_DIR, SEEDS_DIR } from './paths.js';
import { readText } from './readText.js';
import { applySetOverrides, type SetOverride } from './setOverrides.js';
import { suggest } from './suggest.js';

/** A scenario file's document and its validated input form. */
export interface LoadedScenario {
  readonly doc: SourceDoc;
  readonly input: ScenarioInput;
  readonly file: string;
}

/** A plan file (it has goals) rather than a scenario: run as its own baseline. */
function isPlanDocument(doc: SourceDoc): boolean {
  return doc.data !== null && typeof doc.data === 'object' && 'goals' in doc.data && !('plan' in doc.data);
}

/** Errors at a path written by `--set` point at the command line, not at the file. */
function relocateSetErrors(e: unknown, sets: readonly SetOverride[]): unknown {
  if (sets.length === 0) return e;
  const relocate = (err: InputError): InputError => {
    const path = err.location.path ?? '';
    // the error is at the field the override wrote, inside it, at a key on its way (an unknown
    // key), or beside it in a mapping the override created (a prior given only its `high`)
    const parent = path.split('.').slice(0, -1).join('.');
    const set = sets.find((s) => {
      const p = s.path.join('.');
      return (
        path === p ||
        path.startsWith(`${p}.`) ||
        (path !== '' && p.startsWith(`${path}.`)) ||
        (parent.includes('.') && p.startsWith(`${parent}.`))
      );
    });
    if (set === undefined) return err;
    return new InputError({
      code: err.code,
      message: err.message,
      location: { file: set.text.startsWith('--') ? set.text : `--set ${set.text}`, path },
      ...(err.expected !== undefined ? { expected: err.expected } : {}),
      ...(err.found !== undefined ? { found: err.found } : {}),
      ...(err.hint !== undefined ? { hint: err.hint } : {}),
    });
  };
  if (e instanceof InputErrors) return new InputErrors(e.errors.map(relocate));
  if (e instanceof InputError) return relocate(e);
  return e;
}

/** Validates a scenario document (with `--set` overrides applied) as a ScenarioInput. */
export function readScenarioDoc(doc: SourceDoc, sets: readonly SetOverride[] = []): LoadedScenario {
  const withSets: SourceDoc = sets.length === 0 ? doc : { ...doc, data: applySetOverrides(doc.data, sets) };
  try {
    return { doc: withSets, input: validate(withSets, ScenarioInput), file: doc.file };
  } catch (e) {
    throw relocateSetErrors(e, sets);
  }
}

export function readScenarioFile(file: string, sets: readonly SetOverride[] = []): LoadedScenario {
  return readScenarioDoc(parseSource(readText(file), shownPath(file)), sets);
}

/**
 * Resolves a scenario: its plan, base overrides re-validated against the plan schema, lever and
 * budget ids checked against the plan (errors point into the scenario file), defaults applied.
 */
export function resolveLoaded(
  loaded: LoadedScenario,
  fallbackId: string,
  sets: readonly SetOverride[] = [],
  givenPlan?: Plan,
): ResolvedScenario {
  try {
    return resolveChecked(loaded, fallbackId, givenPlan);
  } catch (e) {
    throw relocateSetErrors(e, sets);
  }
}

function resolveChecked(loaded: LoadedScenario, fallbackId: string, givenPlan?: Plan): ResolvedScenario {
  const { doc, input } = loaded;
  let plan: Plan;
  try {
    plan = givenPlan ?? loadPlan(input.plan);
  } catch (e) {
    if (e instanceof InputError && e.code === 'E_NOT_FOUND') {
      throw new InputError({
        code: 'E_NOT_FOUND',
        message: `the scenario names a plan that does not exist: ${JSON.stringify(input.plan)}`,
        location: { file: loaded.file, ...doc.locate(['plan']), path: 'plan' },
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
          const key = path[1];
          const inScenario = path[0] === 'base' && key !== undefined && key in baseOverrides;
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
  const horizon = input.horizon ?? defaultHorizon(plan);
  if (horizon <= plan.baseYear) {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'the horizon must be after the base year',
      location: { file: loaded.file, ...doc.locate(['horizon']), path: 'horizon' },
      expected: `a year after ${plan.baseYear}`,
      found: String(horizon),
    });
  }
  const issues = checkScenarioAgainstPlan(input, plan, horizon);
  if (issues.length > 0) {
    throw new InputErrors(
      issues.map((i) => {
        const last = i.path[i.path.length - 1];
        const near = typeof last === 'string' ? suggest(last, i.candidates) : undefined;
        return new InputError({
          code: 'E_SCHEMA',
          message: i.message,
          location: {
            file: loaded.file,
            ...doc.locate(i.path.slice(0, -1), String(last)),
            path: i.path.join('.'),
          },
          expected: i.expected,
          found: i.found,
          ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
        });
      }),
    );
  }
  return resolveScenario(input, plan, fallbackId);
}

/**
 * What `ladder run <target>` runs: a scenario file (a path that exists, or ends in .yaml/.yml/.json),
 * a plan file (a document with `goals` and no `plan`: its own baseline), or a plan id, which runs
 * `scenarios/<id>.yaml` when it exists and the bare plan otherwise. `sets` are `--set` overrides
 * applied to the scenario before it is validated. `path` is the file read (for the report's metadata).
 */
export function loadTarget(
  target: string,
  sets: readonly SetOverride[] = [],
): { scenario: ResolvedScenario; source: string; path: string } {
  const ext = extname(target).toLowerCase();
  const looksLikeFile = ['.yaml', '.yml', '.json'].includes(ext) || target.includes('/');
  if (looksLikeFile || (existsSync(target) && statSync(target).isFile())) {
    const shown = shownPath(target);
    const doc = parseSource(readText(target), shown);
    if (isPlanDocument(doc)) {
      const plan = validate(doc, Plan);
      const loaded = readScenarioDoc(
        { file: `${shown} (as a scenario)`, data: { plan: plan.id }, locate: () => undefined },
        sets,
      );
      return { scenario: resolveLoaded(loaded, plan.id, sets, plan), source: shown, path: resolve(target) };
    }
    const loaded = readScenarioDoc(doc, sets);
    return {
      scenario: resolveLoaded(loaded, basename(target, ext), sets),
      source: shown,
      path: resolve(target),
    };
  }
  const baseline = join(SCENARIOS_DIR, `${target}.yaml`);
  if (existsSync(baseline)) {
    const loaded = readScenarioFile(baseline, sets);
    return {
      scenario: resolveLoaded(loaded, target, sets),
      source: `scenarios/${target}.yaml`,
      path: baseline,
    };
  }
  const plan = loadPlan(target);
  const loaded = readScenarioDoc(
    { file: `${target} (plan)`, data: { plan: plan.id }, locate: () => undefined },
    sets,
  );
  return {
    scenario: resolveLoaded(loaded, plan.id, sets),
    source: `seeds/${plan.id}.yaml`,
    path: join(SEEDS_DIR, `${plan.id}.yaml`),
  };
}
