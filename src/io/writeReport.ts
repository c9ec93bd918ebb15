import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';

/**
 * Writes a report folder atomically: every file goes into a temporary sibling folder, which is
 * then renamed over the old one. A run that stops before the rename leaves the previous complete
 * report (or none); the window between moving the old folder aside and moving the new one in is
 * two renames long. File names may not leave the folder.
 */
export function writeReportDir(dir: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  const target = resolve(dir);
  const parent = dirname(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  for (const name of Object.keys(files)) {
    const full = resolve(target, name);
    if (!full.startsWith(target + '/') || name.includes('\0')) {
      throw new InputError({
        code: 'E_WRITE',
        message: 'a report file name would leave the report folder',
        expected: 'a name inside the folder',
        found: JSON.stringify(name),
      });
    }
  }
  try {
    mkdirSync(tmp, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const full = join(tmp, name);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(old)) renameSync(old, target);
    if (e instanceof InputError) throw e;
    throw new InputError({
      code: 'E_WRITE',
      message: `cannot write the report: ${(e as Error).message}`,
      location: { file: dir },
    });
  }
  return target;
}
