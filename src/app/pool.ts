import { availableParallelism } from 'node:os';
import { closeWorkerPool, createWorkerPool, type WorkerPool } from '../engine/workerPool.js';
import { engineWorkerPath } from '../io/engineWorker.js';

/** The default thread count: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A pool of `workers` threads in all (this one included), or none for a single thread. Worker
 * threads start only when a job has blocks for them (see engine/runBlocks.ts).
 *
 * @throws InputError E_NOT_BUILT when more than one thread is asked for and dist/ is missing.
 */
export function openPool(workers: number): WorkerPool | undefined {
  return workers <= 1 ? undefined : createWorkerPool({ threads: workers, entry: engineWorkerPath() });
}

/** Stops a pool's threads without waiting (they are unreferenced and hold nothing to flush). */
export function closePool(pool: WorkerPool | undefined): void {
  if (pool !== undefined) void closeWorkerPool(pool).catch(() => undefined);
}

/** Runs `f` with a pool of `workers` threads and stops the pool after. */
export function withPool<T>(workers: number, f: (pool: WorkerPool | undefined) => T): T {
  const pool = openPool(workers);
  try {
    return f(pool);
  } finally {
    closePool(pool);
  }
}

/** {@link withPool} for work that awaits: the pool closes when the promise settles. */
export async function withPoolAsync<T>(
  workers: number,
  f: (pool: WorkerPool | undefined) => Promise<T>,
): Promise<T> {
  const pool = openPool(workers);
  try {
    return await f(pool);
  } finally {
    closePool(pool);
  }
}
