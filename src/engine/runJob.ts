import { receiveMessageOnPort } from 'node:worker_threads';
import { CONTROL, type JobMessage, type PartMessage } from './blockJob.js';
import type { Job, PoolModel, WorkKind } from './workKind.js';
import { ensureWorkers, type PoolWorker, type WorkerPool } from './workerPool.js';

/** How a job reports while it runs. */
export interface JobOptions {
  /**
   * Told the trajectories finished so far in this job, by every thread, as pieces finish (from
   * this thread, between its own pieces and while it waits for the others): progress only, it
   * changes no number.
   */
  readonly onWork?: ((done: number) => void) | undefined;
}

/** How long this thread sleeps between checks of the queue when nothing is posted (ms). */
const WAIT_MS = 1000;
/** The same while someone follows the progress. */
const PROGRESS_WAIT_MS = 50;

/** The key of a model on a pool: one per handle, given on first use. */
function keyOf(pool: WorkerPool, handle: object): number {
  let key = pool.keys.get(handle);
  if (key === undefined) {
    key = pool.nextKey++;
    pool.keys.set(handle, key);
  }
  return key;
}

function post(
  w: PoolWorker,
  keys: readonly number[],
  job: Job<unknown, unknown, unknown, unknown>,
  message: Omit<JobMessage, 'models' | 'input' | 'pieces'>,
): void {
  const models = job.models.map((m, k) => {
    const key = keys[k] ?? -1;
    return w.held.has(key) ? { key } : { key, spec: m.spec };
  });
  const full: JobMessage = { ...message, models, input: job.input, pieces: job.pieces };
  w.port.postMessage(full);
  // the worker now holds exactly this job's models (blockJob.ts)
  w.held = new Set(keys);
}

/**
 * Runs a job's pieces: on this thread alone without a pool (or with a pool of one thread, or a
 * job too small to start its worker threads), else on this thread and the pool's worker threads,
 * all taking pieces from one shared queue until it is empty. `here(i)` runs piece i on this
 * thread; `take` receives each worker thread's message. Synchronous: the caller blocks until the
 * job is done.
 *
 * Worker threads start with the pool's first job of `pool.startRuns` trajectories or more (see
 * workerPool.ts) and join the queue as soon as they are up, so a job shorter than a thread's
 * start-up is simply run here.
 *
 * @throws Error if a worker thread reports an error (the message carries its stack).
 */
function execute<S, M, I, P, R>(
  pool: WorkerPool | undefined,
  kind: WorkKind<S, M, I, P, R>,
  job: Job<S, M, I, P>,
  opts: JobOptions,
  here: (index: number) => void,
  take: (message: Exclude<PartMessage, { kind: 'error' }>) => void,
): void {
  const n = job.pieces.length;
  const weights = job.pieces.map((piece) => kind.weight(piece.p));
  const total = weights.reduce((a, b) => a + b, 0);
  const useWorkers = pool !== undefined && n > 1 && (pool.workers.length > 0 || total >= pool.startRuns);
  const workers = useWorkers ? ensureWorkers(pool, n - 1) : [];
  if (pool === undefined || workers.length === 0) {
    let done = 0;
    for (let i = 0; i < n; i++) {
      here(i);
      done += weights[i] ?? 0;
      opts.onWork?.(done);
    }
    return;
  }
  pool.jobs += 1;
  const jobId = pool.jobs;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.LENGTH * Int32Array.BYTES_PER_ELEMENT));
  const keys = job.models.map((m) => keyOf(pool, m));
  for (const w of workers) {
    post(w, keys, job, {
      jobId,
      kind: kind.name,
      control: control.buffer,
    });
  }
  const stop = (): void => {
    Atomics.store(control, CONTROL.NEXT, n);
  };
  let received = 0;
  /** Takes what the worker threads have posted; a worker's error stops the job here. */
  const collect = (): void => {
    for (const w of workers) {
      for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) {
        const msg = m.message as PartMessage;
        if (msg.jobId !== jobId) continue; // left over from a job that stopped on an error
        if (msg.kind === 'error') throw new Error(`a worker thread failed: ${msg.message}`);
        take(msg);
        received += 1;
      }
    }
  };
  let mine = 0;
  try {
    for (;;) {
      const i = Atomics.add(control, CONTROL.NEXT, 1);
      if (i >= n) break;
      here(i);
      Atomics.add(control, CONTROL.DONE, 1);
      const w = weights[i] ?? 0;
      const done = Atomics.add(control, CONTROL.WORK, w) + w;
      mine += 1;
      opts.onWork?.(done);
      // a worker's error is heard between this thread's pieces, not only at the end
      collect();
    }
    for (;;) {
      const posted = Atomics.load(control, CONTROL.POSTED);
      collect();
      if (Atomics.load(control, CONTROL.DONE) >= n && received === Atomics.load(control, CONTROL.PARTS)) {
        pool.stats.pieces += n;
        pool.stats.piecesOnWorkers += n - mine;
        opts.onWork?.(total);
        return;
      }
      opts.onWork?.(Atomics.load(control, CONTROL.WORK));
      Atomics.wait(control, CONTROL.POSTED, posted, opts.onWork !== undefined ? PROGRESS_WAIT_MS : WAIT_MS);
    }
  } catch (e) {
    stop();
    throw e;
  }
}

/**
 * Runs a job and returns every piece's result in piece order, whichever thread ran it. A caller
 * that combines the results in that order gets the same numbers on any number of threads,
 * floating-point sums included.
 */
export function runOrdered<S, M, I, P, R>(
  pool: WorkerPool | undefined,
  kind: WorkKind<S, M, I, P, R>,
  job: Job<S, M, I, P>,
  opts: JobOptions = {},
): R[] {
  const results: (R | undefined)[] = Array.from({ length: job.pieces.length }, () => undefined);
  const modelOf = (i: number): M => {
    const piece = job.pieces[i];
    const handle = piece === undefined ? undefined : job.models[piece.m];
    if (piece === undefined || handle === undefined) throw new Error(`runOrdered: piece ${i} has no model`);
    return handle.model;
  };
  execute(
    pool,
    kind,
    job,
    opts,
    (i) => {
      const piece = job.pieces[i];
      if (piece !== undefined) results[i] = kind.run(modelOf(i), job.input, piece.p);
    },
    (msg) => {
      if (msg.kind !== 'results') throw new Error(`runOrdered: a ${msg.kind} part for kind ${kind.name}`);
      msg.indices.forEach((i, k) => (results[i] = msg.results[k] as R));
    },
  );
  return results.map((r, i) => {
    if (r === undefined) throw new Error(`runOrdered: piece ${i} of kind ${kind.name} has no result`);
    return r;
  });
}

/**
 * Runs a job of a kind whose results add exactly (`kind.fold`) and returns their sum: each thread
 * runs its pieces into one part and the parts are merged. The job has one model.
 */
export function runFolded<S, M, I, P, R>(
  pool: WorkerPool | undefined,
  kind: WorkKind<S, M, I, P, R>,
  job: Job<S, M, I, P>,
  opts: JobOptions = {},
): R {
  const fold = kind.fold;
  const handle: PoolModel<S, M> | undefined = job.models[0];
  if (fold === undefined || handle === undefined || job.models.length !== 1) {
    throw new Error(`runFolded: kind ${kind.name} needs a fold and a job of one model`);
  }
  const total = fold.empty(handle.model);
  execute(
    pool,
    kind,
    job,
    opts,
    (i) => {
      const piece = job.pieces[i];
      if (piece !== undefined) fold.runInto(handle.model, job.input, piece.p, total);
    },
    (msg) => {
      if (msg.kind !== 'folded') throw new Error(`runFolded: a ${msg.kind} part for kind ${kind.name}`);
      fold.merge(total, msg.part as R);
    },
  );
  return total;
}
