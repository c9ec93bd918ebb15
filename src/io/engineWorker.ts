import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from './errors.js';
import { ENGINE_WORKER, PACKAGE_ROOT } from './paths.js';

/** The worker script of the engine's pool, or a clear error when the package is not built. */
export function engineWorkerPath(file = ENGINE_WORKER): string {
  if (!existsSync(file)) {
    throw new InputError({
      code: 'E_NOT_BUILT',
      message: 'the compiled worker script is missing, so worker threads cannot start',
      location: { file: relative(PACKAGE_ROOT, file) },
      expected: 'a built package',
      found: 'no such file',
      hint: 'run `npm run build` in the package folder, or pass --workers 1',
    });
  }
  return file;
}
