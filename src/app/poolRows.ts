import { ROW_BLOCK, type CalibrateOptions, type RowRunner } from '../analysis/calibrate.js';
import { rangeBlocks } from '../engine/blocks.js';
import { runOrdered } from '../engine/runJob.js';
import { BLOCK_SIZE } from '../engine/runner.js';
import { SAMPLED_ROWS } from '../engine/workKinds.js';
import type { WorkerPool } from '../engine/workerPool.js';
import { checkpoint } from '../io/interrupt.js';
import type { WorkMeter } from './workProgress.js';

/** Rows run on the pool between two turns of the event loop. */
const CHUNK = 20 * BLOCK_SIZE;

export interface PoolRowsOptions {
  /** threads to run on (app/pool.ts); none: this thread */
  readonly pool?: WorkerPool | undefined;
  /** stops a fit between two chunks of rows (the promise rejects with its reason) */
  readonly signal?: AbortSignal | undefined;
  /** told the trajectories done as pieces finish */
  readonly meter?: WorkMeter | undefined;
}

/**
 * A calibration's row runner (analysis/calibrate.ts) on a pool: the rows in chunks, each chunk a
 * job of blocks of ROW_BLOCK rows, the blocks' buffers laid end to end in row order. A row's
 * numbers depend only on its parameters and stream, so the result is the serial runner's on any
 * number of threads.
 */
export function poolRowRunner(opts: PoolRowsOptions = {}): RowRunner {
  return async (source, rows, count) => {
    const { model } = source;
    const width = model.measures.length * model.years.length;
    const out = new Float64Array(count * width);
    for (let start = 0; start < count; start += CHUNK) {
      if (start > 0) await checkpoint(opts.signal);
      const n = Math.min(CHUNK, count - start);
      const pieces = rangeBlocks(start, n, ROW_BLOCK).map((p) => ({ m: 0, p }));
      const parts = runOrdered(
        opts.pool,
        SAMPLED_ROWS,
        { models: [source], input: rows, pieces },
        { onWork: opts.meter?.job() },
      );
      parts.forEach((part, i) => {
        out.set(part, (pieces[i]?.p.start ?? 0) * width);
      });
      opts.meter?.add(n);
    }
    return out;
  };
}

/**
 * What a fit run by a command takes: the pool's row runner, the signal's check between batches,
 * and the meter's estimate of the total (the fit's trajectories plus `after`, what the command
 * runs once the fit is done).
 */
export function fitOnPool(
  opts: PoolRowsOptions & { readonly after?: number },
): Pick<CalibrateOptions, 'runRows' | 'checkpoint' | 'expect'> {
  const { meter } = opts;
  return {
    runRows: poolRowRunner(opts),
    checkpoint: () => checkpoint(opts.signal),
    ...(meter !== undefined
      ? {
          expect: (t: number) => {
            meter.expect(t + (opts.after ?? 0), true);
          },
        }
      : {}),
  };
}
