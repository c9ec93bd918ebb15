import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { defaultHorizon, resolveScenario } from '../model/resolveScenario.js';
import { Plan } from '../schema/plan.js';
import { ScenarioInput, type ResolvedScenario } from '../schema/scenario.js';
import { checkScenarioAgainstPlan } from '../schema/scenarioChecks.js';
import { InputError, InputErrors } from './errors.js';
import { loadPlan, listPlanIds, shownPath } from './loadPlan.js';
import {
  describeFound,
  parseSource,
  validate,
  type SourceDoc,
  type SourcePosition,
} from './parseDocument.js';
import { portablePath, SCENARIOS_DIR, SEEDS_DIR } from './paths.js';
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
  return readScenarioDoc(resolveExtends(parseSource(readText(file), shownPath(file)), resolve(file)), sets);
}

type Mapping = Record<string, unknown>;

const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields that describe a scenario file itself: a scenario that extends another keeps its own. */
const NOT_INHERITED: readonly string[] = ['id', 'name', 'description', 'extends'];

/** Longest chain of scenarios extending one another. */
const MAX_EXTENDS = 16;

/** `over` written over `base`: mappings merge key by key, anything else in `over` replaces. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Mapping = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/**
 * The data of a scenario that `extends` another: the base's fields with the scenario's written
 * over them (mappings merged key by key at every depth; values and lists replaced), except `id`,
 * `name` and `description`, which describe each file and are not inherited. The plan comes from
 * the base unless the scenario sets `plan`. Pure; `extends` is dropped.
 */
export function extendScenario(base: Readonly<Mapping>, scenario: Readonly<Mapping>): Mapping {
  const inherited = Object.fromEntries(Object.entries(base).filter(([k]) => !NOT_INHERITED.includes(k)));
  const own = Object.fromEntries(Object.entries(scenario).filter(([k]) => k !== 'extends'));
  const merged = deepMerge(inherited, own);
  return isMapping(merged) ? merged : own;
}

/** Whether `data` holds a value at `path`. */
function hasPath(data: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = data;
  for (const p of path) {
    if (!isMapping(cur) || !(String(p) in cur)) return false;
    cur = cur[String(p)];
  }
  return true;
}

/** A merged document that locates each field in the file that wrote it. */
function mergedDoc(base: SourceDoc, doc: SourceDoc, data: Mapping): SourceDoc {
  return {
    file: doc.file,
    data,
    locate(path, key): SourcePosition | undefined {
      const full = key === undefined ? path : [...path, key];
      if (hasPath(doc.data, full) || !hasPath(base.data, full)) return doc.locate(path, key);
      const at = base.locate(path, key);
      return at === undefined ? undefined : { ...at, file: at.file ?? base.file };
    },
  };
}

/** Names of the shipped scenarios (`jiangmen-2021.budget-cut`, …). */
function scenarioNames(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A reference is a file when it has a file extension or a folder in it; else a scenario name. */
const isFileRef = (ref: string): boolean =>
  ['.yaml', '.yml', '.json'].includes(extname(ref).toLowerCase()) || ref.includes('/');

/**
 * Resolves `extends: <scenario file or name>` of a scenario document read from `path` (absolute):
 * a file is found relative to the folder of the scenario that names it, a name in `scenarios/`
 * (as `ladder run <name>` finds it). The base is resolved the same way (a chain), then the
 * scenario is written over it ({@link extendScenario}); errors in either file point at that
 * file. A base that does not exist, a plan file, or a chain that comes back to a scenario
 * already in it is a located input error at the `extends` line. `chain`: the files extending.
 */
export function resolveExtends(doc: SourceDoc, path: string, chain: readonly string[] = []): SourceDoc {
  const data = doc.data;
  if (!isMapping(data) || !('extends' in data)) return doc;
  const ref = data['extends'];
  const at = { file: doc.file, ...doc.locate([], 'extends'), path: 'extends' };
  if (typeof ref !== 'string' || ref.trim() === '') {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'bad extends',
      location: at,
      expected: 'the name of a scenario (e.g. jiangmen-2021.budget-cut) or a scenario file',
      found: describeFound(ref),
    });
  }
  let basePath: string | undefined;
  let hint: string | undefined;
  if (isFileRef(ref)) {
    const full = resolve(dirname(path), ref);
    if (existsSync(full) && statSync(full).isFile()) basePath = full;
    else {
      const folder = dirname(full);
      const files = existsSync(folder)
        ? readdirSync(folder).filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f).toLowerCase()))
        : [];
      const near = suggest(basename(ref), files);
      if (near !== undefined) hint = `did you mean \`${join(dirname(ref), near)}\`?`;
    }
  } else {
    const named = join(SCENARIOS_DIR, `${ref}.yaml`);
    if (existsSync(named)) basePath = named;
    else {
      const near = suggest(ref, scenarioNames());
      if (near !== undefined) hint = `did you mean \`${near}\`?`;
    }
  }
  if (basePath === undefined) {
    throw new InputError({
      code: 'E_NOT_FOUND',
      message: `the scenario it extends does not exist: ${JSON.stringify(ref)}`,
      location: at,
      expected: isFileRef(ref)
        ? `a scenario file, relative to the folder of ${doc.file}`
        : `a scenario name (${scenarioNames().slice(0, 4).join(', ')}, …) or a scenario file`,
      found: JSON.stringify(ref),
      ...(hint !== undefined ? { hint } : {}),
    });
  }
  const here = [...chain, path];
  if (here.includes(basePath)) {
    const cycle = [...here.slice(here.indexOf(basePath)), basePath].map(shownPath).join(' → ');
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'extends goes round in a circle',
      location: at,
      expected: 'a chain of scenarios that ends in one without extends',
      found: cycle,
    });
  }
  if (here.length >= MAX_EXTENDS) {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'too long a chain of extends',
      location: at,
      expected: `at most ${MAX_EXTENDS} scenarios extending one another`,
      found: `${here.length + 1}`,
    });
  }
  const baseDoc = parseSource(readText(basePath), shownPath(basePath));
  if (isPlanDocument(baseDoc) || !isMapping(baseDoc.data)) {
    throw new InputError({
      code: 'E_SCHEMA',
      message: `extends names ${isPlanDocument(baseDoc) ? 'a plan file' : 'a file that is not a scenario'}`,
      location: at,
      expected: 'a scenario (to start from a plan, write `plan: <plan-id>` instead)',
      found: shownPath(basePath),
    });
  }
  const base = resolveExtends(baseDoc, basePath, here);
  return mergedDoc(base, doc, extendScenario(isMapping(base.data) ? base.data : {}, data));
}

/**
 * A scenario id from a file name, for a file that names none: lower-case letters, digits and
 * dashes (`My what-if.yaml` → `my-what-if`), so that it can name a report folder safely.
 */
export function idFromFileName(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'scenario' : id;
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
      return {
        scenario: resolveLoaded(loaded, plan.id, sets, plan),
        source: portablePath(target),
        path: resolve(target),
      };
    }
    const loaded = readScenarioDoc(resolveExtends(doc, resolve(target)), sets);
    return {
      scenario: resolveLoaded(loaded, idFromFileName(basename(target, ext)), sets),
      source: portablePath(target),
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
  if (!listPlanIds().includes(target)) {
    // neither a file, a scenario name nor a plan id: the nearest of the names, or a file
    const plans = listPlanIds();
    const near = suggest(target, [...plans, ...scenarioNames()]);
    throw new InputError({
      code: 'E_NOT_FOUND',
      message: `no plan, scenario or file named ${JSON.stringify(target)}`,
      location: { file: target },
      expected: `a plan id (${plans.join(', ')}), a scenario name (\`ladder run jiangmen-2021.budget-cut\` runs scenarios/jiangmen-2021.budget-cut.yaml) or a scenario file (.yaml, .json)`,
      found: JSON.stringify(target),
      ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
    });
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
