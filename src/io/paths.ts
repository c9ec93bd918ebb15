import { fileURLToPath } from 'node:url';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The package root: two levels above this file in both src/io and dist/io. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(PACKAGE_ROOT, 'seeds');
export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');
/** The compiled worker-thread script of the engine's pool (worker threads run JavaScript). */
export const ENGINE_WORKER = join(PACKAGE_ROOT, 'dist', 'engine', 'blockWorker.js');

/** A path as shown in messages: relative to the working directory when inside it. */
export function shownPath(file: string): string {
  const r = relative(process.cwd(), file);
  return r === '' || r.startsWith('..') ? file : r;
}

/**
 * A file as named inside a report body: a file of the package as `seeds/…` or `scenarios/…`, a
 * file under the working directory relative to it, any other by its name alone. Never an
 * absolute path, which would carry someone's folders (and user name) into a report; the full
 * path belongs in the report's metadata block.
 */
export function portablePath(file: string, cwd = process.cwd()): string {
  const full = resolve(cwd, file);
  const inside = (root: string): string | undefined => {
    const r = relative(root, full);
    return r !== '' && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : undefined;
  };
  return inside(PACKAGE_ROOT) ?? inside(cwd) ?? basename(full);
}
