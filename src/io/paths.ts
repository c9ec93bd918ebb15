import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root: two levels above this file in both src/io and dist/io. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(PACKAGE_ROOT, 'seeds');
export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');
/** The compiled worker-thread script of the engine's pool (worker threads run JavaScript). */
export const ENGINE_WORKER = join(PACKAGE_ROOT, 'dist', 'engine', 'blockWorker.js');
