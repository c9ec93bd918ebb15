import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Plan } from '../schema/plan.js';
import { InputError } from './errors.js';
import { parseSource, validate } from './parseDocument.js';
import { PACKAGE_ROOT, SEEDS_DIR, shownPath } from './paths.js';
import { readText } from './readText.js';
import { suggest } from './suggest.js';

/** Ids of the plans shipped in seeds/. */
export function listPlanIds(dir = SEEDS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

export { shownPath } from './paths.js';

/** Loads and validates a plan file. */
export function loadPlanFile(file: string): Plan {
  return validate(parseSource(readText(file), shownPath(file)), Plan);
}

/** Loads a shipped plan by id, with a suggestion when the id is close to a known one. */
export function loadPlan(id: string, dir = SEEDS_DIR): Plan {
  const file = join(dir, `${id}.yaml`);
  if (!existsSync(file)) {
    const ids = listPlanIds(dir);
    const near = suggest(id, ids);
    throw new InputError({
      code: 'E_NOT_FOUND',
      message: `no plan with id ${JSON.stringify(id)}`,
      location: { file: relative(PACKAGE_ROOT, file) },
      expected: `one of ${ids.join(', ')}`,
      found: JSON.stringify(id),
      ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
    });
  }
  const plan = loadPlanFile(file);
  if (plan.id !== id) {
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'the plan id does not match its file name',
      location: { file: relative(PACKAGE_ROOT, file), path: 'id' },
      expected: JSON.stringify(id),
      found: JSON.stringify(plan.id),
    });
  }
  return plan;
}
