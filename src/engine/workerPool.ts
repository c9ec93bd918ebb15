import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** One worker thread of a pool and what it holds. */
export interface PoolWorker {
  readonly worker: Worker;
  /** this thread's end of the worker's channel (read with receiveMessageOnPort) */
  readonly port: MessagePort;
  /**
   * keys of the models the worker holds: those of the last job it was sent (see blockJob.ts); a
   * model's spec is sent again only when its key is not among them
   */
  held: ReadonlySet<number>;
  /** set when the thread failed or exited: it takes no more jobs */
  failure: string | undefined;
}

/**
 * Trajectories a job must have for a pool to start its worker threads (default of
 * `startRuns`). A new thread loads the engine and runs its first blocks unoptimised, and while it
 * does, this thread's own optimising compiler has one core less: on the 2-core benchmark machine
 * a first job of 10,000 runs took 335 ms with a new worker thread against 273 ms without, 20,000
 * broke even and 50,000 gained (725 ms against 997 ms). Once started, worker threads take part
 * in every job of two blocks or more.
 */
export const POOL_START_RUNS = 30_000;

/**
 * Threads that run pieces of work (blocks of trajectories, design rows, calibration rows): this
 * thread plus up to `threads − 1` worker threads, started when a job of at least `startRuns`
 * trajectories first needs them. Worker threads are unreferenced: an unfinished pool does not
 * keep the process alive.
 */
export interface WorkerPool {
  /** threads that run blocks, this one included (≥ 1) */
  readonly threads: number;
  /** the compiled worker script (dist/engine/blockWorker.js) */
  readonly entry: string;
  readonly workers: PoolWorker[];
  /** the smallest job that starts the worker threads */
  readonly startRuns: number;
  /** jobs started so far (their ids) */
  jobs: number;
  /** pieces of the queue run by the pool's jobs, and how many on worker threads (for tests and benchmarks) */
  readonly stats: { pieces: number; piecesOnWorkers: number };
  /** the key of each model the pool has sent (see runJob.ts), by the identity of its handle */
  readonly keys: WeakMap<object, number>;
  /** keys given so far */
  nextKey: number;
}

/**
 * A pool of `threads` threads in all (this one included). `entry` is the compiled worker script;
 * worker threads run JavaScript, so the caller resolves it (and checks that it exists).
 * `startRuns` (default {@link POOL_START_RUNS}): see there; 0 starts them for any job of two
 * blocks, which suits a caller about to run many jobs (an analysis) — or call `ensureWorkers`.
 */
export function createWorkerPool(opts: {
  readonly threads: number;
  readonly entry: string;
  readonly startRuns?: number;
}): WorkerPool {
  if (!Number.isInteger(opts.threads) || opts.threads < 1) {
    throw new RangeError(`a worker pool requires at least 1 thread; got ${opts.threads}`);
  }
  return {
    threads: opts.threads,
    entry: opts.entry,
    startRuns: opts.startRuns ?? POOL_START_RUNS,
    workers: [],
    jobs: 0,
    stats: { pieces: 0, piecesOnWorkers: 0 },
    keys: new WeakMap(),
    nextKey: 0,
  };
}

/** Starts worker threads until the pool has `wanted` of them (never more than threads − 1). */
export function ensureWorkers(pool: WorkerPool, wanted: number): readonly PoolWorker[] {
  const target = Math.min(wanted, pool.threads - 1);
  while (pool.workers.length < target) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(pool.entry, { workerData: { port: port2 }, transferList: [port2] });
    const entry: PoolWorker = {
      worker,
      port: port1,
      held: new Set(),
      failure: undefined,
    };
    // A thread that fails to start, or dies, takes no more jobs; blocks it never claimed are run
    // by the others, so a job does not depend on it.
    worker.on('error', (e) => {
      entry.failure = e.message;
    });
    worker.on('exit', (code) => {
      entry.failure ??= `exited with code ${code}`;
    });
    worker.unref();
    pool.workers.push(entry);
  }
  return pool.workers.slice(0, target).filter((w) => w.failure === undefined);
}

/** Stops the pool's worker threads. */
export async function closeWorkerPool(pool: WorkerPool): Promise<void> {
  const workers = pool.workers.splice(0);
  await Promise.all(
    workers.map(async (w) => {
      w.port.close();
      await w.worker.terminate();
    }),
  );
}
