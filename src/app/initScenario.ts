import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../io/errors.js';
import { loadPlan, shownPath } from '../io/loadPlan.js';
import { writeTextFile } from '../io/writeJson.js';
import { DEFAULT_PRIORS } from '../model/priors.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../model/resolveScenario.js';
import { scenarioTemplate } from '../report/scenarioTemplate.js';

export interface InitOptions {
  readonly plan: string;
  /** file to write; default <plan-id>.what-if.yaml in the working directory */
  readonly out?: string;
  /** overwrite an existing file */
  readonly force?: boolean;
}

/** `ladder init`: writes a commented scenario of a plan; refuses to overwrite without `force`. */
export function initCommand(opts: InitOptions): { file: string; text: string } {
  const plan = loadPlan(opts.plan);
  const file = opts.out ?? `${plan.id}.what-if.yaml`;
  const full = resolve(file);
  if (existsSync(full) && opts.force !== true) {
    throw new InputError({
      code: 'E_WRITE',
      message: 'the file exists; nothing written',
      location: { file: shownPath(full) },
      expected: 'a new file name (--out FILE), or --force to overwrite',
      found: 'an existing file',
    });
  }
  const text = scenarioTemplate({
    plan,
    id: `${plan.id}-what-if`,
    priors: DEFAULT_PRIORS,
    runs: DEFAULT_RUNS,
    seed: DEFAULT_SEED,
  });
  // written beside the target, then renamed: a reader never sees half a file
  writeTextFile(full, text);
  return { file: shownPath(full), text };
}
