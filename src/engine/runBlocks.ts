import { receiveMessageOnPort } from 'node:worker_threads';
import type { CompiledModel } from '../model/compile.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { createAccumulator, mergeAccumulators, type Accumulator } from './accumulator.js';
import { CONTROL, type JobMessage, type PartMessage } from './blockJob.js';
import { rangeBlocks, type Block } from './blocks.js';
import { runRangeInto } from './runner.js';
import { ensureWorkers, type PoolWorker, type WorkerPool } from './workerPool.js';

/** A model as the pool runs it: compiled for this thread, and its source for the worker threads. */
export interface PoolModel {
  readonly scenario: ResolvedScenario;
  /** `compileModel(scenario)` */
  readonly model: CompiledModel;
}

/**
 * Trajectories per piece of the shared queue. Smaller than a block, so that the threads finish
 * together: the last piece a thread takes (and the first, on a worker thread whose code is not
 * yet optimised) is short. The pieces change nothing in the result.
 */
const QUEUE_PIECE = 250;

/** Blocks cut into pieces of at most `size` trajectories, in order. */
function splitBlocks(blocks: readonly Block[], size: number): Block[] {
  return blocks.flatMap((b) => rangeBlocks(b.start, b.count, size));
}

/** How long the main thread sleeps between checks of the queue when nothing is posted (ms). */
const WAIT_MS = 1000;

/**
 * Runs a list of blocks and returns their merged accumulator. Without a pool (or with one of a
 * single thread) the blocks run here, in order. With a pool, this thread and the pool's worker
 * threads take blocks from one shared queue (`Atomics.add` on a SharedArrayBuffer) until it is
 * empty; each worker posts the accumulator of the blocks it ran and the parts are merged with
 * {@link mergeAccumulators}. Every trajectory's draws depend only on (seed, index) and the merge
 * adds integer counts, so the result is identical whichever thread ran which block.
 *
 * This thread starts on the queue at once; worker threads join as soon as they are up, so a
 * job shorter than a thread's start-up is simply run here. A pool starts its worker threads with
 * its first job of `pool.startRuns` trajectories or more (see workerPool.ts). Synchronous: the caller blocks
 * until the job is done.
 *
 * @throws Error if a worker thread reports an error (the message carries its stack).
 */
export function runBlocks(
  pool: WorkerPool | undefined,
  source: PoolModel,
  seed: string,
  blocks: readonly Block[],
): Accumulator {
  const { model } = source;
  const total = createAccumulator(model);
  const runs = blocks.reduce((n, b) => n + b.count, 0);
  const useWorkers =
    pool !== undefined && blocks.length > 1 && (pool.workers.length > 0 || runs >= pool.startRuns);
  const workers = useWorkers ? ensureWorkers(pool, blocks.length - 1) : [];
  if (pool === undefined || workers.length === 0) {
    for (const b of blocks) runRangeInto(model, seed, b.start, b.count, total);
    return total;
  }
  const queue = splitBlocks(blocks, QUEUE_PIECE);
  pool.jobs += 1;
  const jobId = pool.jobs;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.LENGTH * Int32Array.BYTES_PER_ELEMENT));
  const counterfactual = model.counterfactual !== undefined;
  for (const w of workers) {
    post(w, source.scenario, { jobId, seed, blocks: queue, control: control.buffer, counterfactual });
  }

  const stop = (): void => {
    Atomics.store(control, CONTROL.NEXT, queue.length);
  };
  let received = 0;
  /** Merges the parts the worker threads have posted; throws the first error one reports. */
  const collect = (): void => {
    for (const w of workers) {
      for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) {
        const msg = m.message as PartMessage;
        if (msg.jobId !== jobId) continue; // left over from a job that stopped on an error
        if (msg.kind === 'error') {
          stop();
          w.lastScenario = undefined; // send the scenario again with its next job
          throw new Error(`a worker thread failed: ${msg.message}`);
        }
        mergeAccumulators(total, msg.acc);
        received += 1;
      }
    }
  };
  let here = 0;
  try {
    for (;;) {
      const block = queue[Atomics.add(control, CONTROL.NEXT, 1)];
      if (block === undefined) break;
      runRangeInto(model, seed, block.start, block.count, total);
      Atomics.add(control, CONTROL.DONE, 1);
      here += 1;
      // a worker thread that failed has posted its error: stop now, not at the end of the queue
      if (Atomics.load(control, CONTROL.POSTED) > received) collect();
    }
  } catch (e) {
    stop();
    throw e;
  }

  for (;;) {
    const posted = Atomics.load(control, CONTROL.POSTED);
    collect();
    if (
      Atomics.load(control, CONTROL.DONE) >= queue.length &&
      received === Atomics.load(control, CONTROL.PARTS)
    ) {
      pool.stats.pieces += queue.length;
      pool.stats.piecesOnWorkers += queue.length - here;
      return total;
    }
    Atomics.wait(control, CONTROL.POSTED, posted, WAIT_MS);
  }
}

function post(w: PoolWorker, scenario: ResolvedScenario, job: Omit<JobMessage, 'scenario'>): void {
  // the scenario object, and how it is compiled, decide whether the worker recompiles
  const send = w.lastScenario !== scenario || w.lastCounterfactual !== job.counterfactual;
  w.lastCounterfactual = job.counterfactual;
  const message: JobMessage = { ...job, scenario: send ? scenario : undefined };
  w.port.postMessage(message);
  w.lastScenario = scenario;
}

/**
 * Runs trajectories [start, start + count) of a model on the pool (or here without one) and
 * returns their merged accumulator: the engine entry point for runs and analyses. The result is
 * identical to `runSerial` over the same indices, whatever the pool.
 */
export function runTrajectories(
  pool: WorkerPool | undefined,
  source: PoolModel,
  range: { readonly seed: string; readonly start: number; readonly count: number },
): Accumulator {
  return runBlocks(pool, source, range.seed, rangeBlocks(range.start, range.count));
}
