import type { MessagePort } from 'node:worker_threads';
import { CONTROL, type JobMessage, type PartMessage } from './blockJob.js';
import type { AnyWorkKind } from './workKind.js';

/** A model a worker holds: its spec, compiled when a piece of it is first taken. */
interface Held {
  readonly spec: unknown;
  model?: unknown;
}

/** A worker thread's job loop, as its entry script sees it. */
export interface JobServer {
  /**
   * Answers, with an error saying `reason`, the job this thread took pieces of and has not
   * answered (none: does nothing). For the thread's exit handler: a thread that ends mid-job
   * (process.exit, an error outside the job's try) must not leave the main thread waiting. A
   * thread killed outright, as by running out of memory, runs no handler.
   */
  readonly answerPending: (reason: string) => void;
}

/**
 * The loop of a pool's worker thread (see blockJob.ts): for each job message, takes pieces from
 * the job's shared queue, runs them with the job's kind, and posts one message if it took any:
 * the results by piece index (or, for a kind that folds, its part), or the error that stopped it.
 */
export function serveJobs(port: MessagePort, kinds: Readonly<Record<string, AnyWorkKind>>): JobServer {
  let held = new Map<number, Held>();
  /**
   * The job this thread took pieces of and has not answered yet. The main thread waits for one
   * message per thread that took a piece: if this thread ends first, `answerPending` answers for
   * it, so the main thread is not left waiting for ever.
   */
  let unanswered: { readonly jobId: number; readonly control: Int32Array } | undefined;

  const answer = (message: PartMessage, control: Int32Array, transfer: ArrayBuffer[]): void => {
    unanswered = undefined;
    port.postMessage(message, transfer);
    Atomics.add(control, CONTROL.POSTED, 1);
    Atomics.notify(control, CONTROL.POSTED);
  };

  const runJob = (job: JobMessage): void => {
    // the models of this job, and only those, from now on (the sending thread assumes the same)
    const next = new Map<number, Held>();
    for (const m of job.models) {
      const had = held.get(m.key);
      next.set(m.key, m.spec !== undefined ? { spec: m.spec } : (had ?? { spec: undefined }));
    }
    held = next;
    const control = new Int32Array(job.control);
    const kind = kinds[job.kind];
    let took = false;
    let part: unknown;
    const indices: number[] = [];
    const results: unknown[] = [];
    let message: PartMessage | undefined;
    let transfer: ArrayBuffer[] = [];
    try {
      for (;;) {
        const i = Atomics.add(control, CONTROL.NEXT, 1);
        const piece = job.pieces[i];
        if (piece === undefined) break;
        if (!took) {
          // counted before anything can fail: the main thread then waits for this part's message
          Atomics.add(control, CONTROL.PARTS, 1);
          took = true;
          unanswered = { jobId: job.jobId, control };
        }
        if (kind === undefined) throw new Error(`no work kind ${JSON.stringify(job.kind)}`);
        const entry = held.get(job.models[piece.m]?.key ?? -1);
        if (entry === undefined || entry.spec === undefined)
          throw new Error('a job arrived before its model');
        entry.model ??= kind.compile(entry.spec);
        const fold = kind.fold;
        if (fold !== undefined) {
          part ??= fold.empty(entry.model);
          fold.runInto(entry.model, job.input, piece.p, part);
        } else {
          indices.push(i);
          results.push(kind.run(entry.model, job.input, piece.p));
        }
        Atomics.add(control, CONTROL.DONE, 1);
        Atomics.add(control, CONTROL.WORK, kind.weight(piece.p));
      }
      if (took && kind !== undefined) {
        if (kind.fold !== undefined) {
          message = { kind: 'folded', jobId: job.jobId, part };
        } else {
          message = { kind: 'results', jobId: job.jobId, indices, results };
          const buffers = new Set<ArrayBuffer>();
          for (const r of results) for (const b of kind.transfer?.(r) ?? []) buffers.add(b);
          transfer = [...buffers];
        }
      }
    } catch (e) {
      message = {
        kind: 'error',
        jobId: job.jobId,
        message: e instanceof Error ? (e.stack ?? e.message) : String(e),
      };
      transfer = [];
    }
    if (message !== undefined) answer(message, control, transfer);
  };

  port.on('message', runJob);
  return {
    answerPending(reason) {
      if (unanswered === undefined) return;
      const { jobId, control } = unanswered;
      answer({ kind: 'error', jobId, message: reason }, control, []);
    },
  };
}
