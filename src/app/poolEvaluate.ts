import type { Evaluate } from '../analysis/designRuns.js';
import type { RowBatch, RowBatchResult } from '../engine/rowBatch.js';
import { specModel, type SpecModel } from '../engine/runBlocks.js';
import { runOrdered } from '../engine/runJob.js';
import { BLOCK_SIZE } from '../engine/runner.js';
import { DESIGN_ROWS, packRowBatch } from '../engine/workKinds.js';
import type { WorkerPool } from '../engine/workerPool.js';
import { checkpoint } from '../io/interrupt.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { WorkMeter } from './workProgress.js';

/** Trajectories of design rows run on the pool between two turns of the event loop. */
const CHUNK = 20 * BLOCK_SIZE;

interface Request {
  readonly scenario: ResolvedScenario;
  readonly batch: RowBatch;
  readonly resolve: (r: RowBatchResult) => void;
  readonly reject: (e: unknown) => void;
}

const turn = (): Promise<void> =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

export interface PoolEvaluateOptions {
  /** threads to run on (app/pool.ts); none: this thread */
  readonly pool?: WorkerPool | undefined;
  /** stops the designs between two chunks of batches */
  readonly signal?: AbortSignal | undefined;
  /** told the trajectories done as pieces finish */
  readonly meter?: WorkMeter | undefined;
}

/**
 * The evaluator of sensitivity designs (analysis/designRuns.ts) on a pool. The batches asked for
 * in one turn of the event loop — a design asks for all of its batches at once, and several
 * designs run side by side — are gathered and run as jobs of the pool, each batch a piece on its
 * own scenario's model, in chunks of about CHUNK trajectories with a turn of the event loop (and
 * the signal's check) before each. A batch's result depends only on (scenario, batch), so the
 * numbers are those of `serialEvaluate` on any number of threads.
 */
export function poolEvaluate(opts: PoolEvaluateOptions = {}): Evaluate {
  const handles = new WeakMap<ResolvedScenario, SpecModel>();
  const handleOf = (scenario: ResolvedScenario): SpecModel => {
    let h = handles.get(scenario);
    if (h === undefined) {
      h = specModel({ scenario });
      handles.set(scenario, h);
    }
    return h;
  };

  /** Runs one chunk of requests as one job and settles them. */
  const runChunk = async (chunk: readonly Request[]): Promise<void> => {
    await checkpoint(opts.signal);
    const models: SpecModel[] = [];
    const index = new Map<SpecModel, number>();
    const pieces = chunk.map((r) => {
      const h = handleOf(r.scenario);
      let m = index.get(h);
      if (m === undefined) {
        m = models.length;
        models.push(h);
        index.set(h, m);
      }
      return { m, p: packRowBatch(r.batch) };
    });
    const results = runOrdered(
      opts.pool,
      DESIGN_ROWS,
      { models, input: null, pieces },
      { onWork: opts.meter?.job() },
    );
    opts.meter?.add(pieces.reduce((a, p) => a + DESIGN_ROWS.weight(p.p), 0));
    chunk.forEach((r, i) => {
      const res = results[i];
      if (res === undefined) r.reject(new Error('poolEvaluate: a batch has no result'));
      else r.resolve(res);
    });
  };

  /** Runs requests in chunks; on an error (or a signal) every request not yet settled fails with it. */
  const run = async (requests: readonly Request[]): Promise<void> => {
    let next = 0;
    try {
      while (next < requests.length) {
        const chunk: Request[] = [];
        let size = 0;
        while (next < requests.length) {
          const r = requests[next];
          if (r === undefined) break;
          const n = r.batch.rows.reduce((a, row) => a + row.count, 0);
          if (chunk.length > 0 && size + n > CHUNK) break;
          chunk.push(r);
          size += n;
          next += 1;
        }
        await runChunk(chunk);
      }
    } catch (e) {
      for (const r of requests) r.reject(e); // settled ones ignore it
    }
  };

  let pending: Request[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
      while (pending.length > 0) {
        const requests = pending;
        pending = [];
        await run(requests);
        // what the results let the analysis ask for next is gathered in one turn
        await turn();
      }
    } finally {
      draining = false;
    }
  };
  return (scenario, batch) =>
    new Promise<RowBatchResult>((resolve, reject) => {
      pending.push({ scenario, batch, resolve, reject });
      if (pending.length === 1) setImmediate(() => void drain());
    });
}
