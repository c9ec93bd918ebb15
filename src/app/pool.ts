import { availableParallelism } from 'node:os';
import { closeWorkerPool, createWorkerPool, POOL_START_RUNS, type WorkerPool } from '../engine/workerPool.js';
import { engineWorkerPath } from '../io/engineWorker.js';

/** The default thread count: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A pool of `workers` threads in all (this one included), or none for a single thread. Worker
 * threads start only when a job has pieces for them (see engine/runJob.ts): by default with the
 * first job of POOL_START_RUNS trajectories. `plannedRuns`: the trajectories the whole command
 * expects to run, over all its jobs; an analysis of many small jobs (a calibration, a goal-seek)
 * that plans POOL_START_RUNS or more starts them with its first job, one that plans fewer never
 * starts them.
 *
 * @throws InputError E_NOT_BUILT when more than one thread is asked for and dist/ is missing.
 */
export function openPool(workers: number, plannedRuns?: number): WorkerPool | undefined {
  if (workers <= 1) return undefined;
  const startRuns =
    plannedRuns === undefined
      ? POOL_START_RUNS
      : plannedRuns >= POOL_START_RUNS
        ? 0
        : Number.POSITIVE_INFINITY;
  return createWorkerPool({ threads: workers, entry: engineWorkerPath(), startRuns });
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

/**
 * {@link withPool} for work that awaits: the pool closes when the promise settles.
 * `plannedRuns`: see {@link openPool}.
 */
export async function withPoolAsync<T>(
  workers: number,
  f: (pool: WorkerPool | undefined) => Promise<T>,
  plannedRuns?: number,
): Promise<T> {
  const pool = openPool(workers, plannedRuns);
  try {
    return await f(pool);
  } finally {
    closePool(pool);
  }
}
