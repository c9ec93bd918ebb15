import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

/** Writes a value as indented JSON, atomically (see {@link writeTextFile}). */
export function writeJsonFile(file: string, value: unknown): string {
  return writeTextFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes text atomically: to a temporary sibling file, then renamed over the target, so a reader
 * never sees half a file. Returns the absolute path.
 */
export function writeTextFile(file: string, text: string): string {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError({
      code: 'E_WRITE',
      message: `cannot write the file: ${(e as Error).message}`,
      location: { file },
      expected: 'a file that can be written',
      found: (e as NodeJS.ErrnoException).code ?? 'an error',
    });
  }
  return target;
}
