/**
 * The protocol between the threads of a pool. A job is a list of pieces, taken from one shared
 * queue (an Int32Array over a SharedArrayBuffer): a thread takes piece `Atomics.add(control, NEXT,
 * 1)` until the index runs past the list. Each worker thread that took a piece posts exactly one
 * message for the job: its results (or its folded part), or the error that stopped it.
 *
 * Models: a job lists the keys of its models; the spec of a model travels only to a worker that
 * does not hold that key. After a job a worker holds exactly the job's models (it keeps their
 * compiled form for the next job and drops the rest), and the sending thread keeps the same list
 * (`PoolWorker.held`), so both sides agree without further messages.
 */
export const CONTROL = {
  /** the next piece to take */
  NEXT: 0,
  /** pieces finished */
  DONE: 1,
  /** messages posted by worker threads (results and errors); waited on by the main thread */
  POSTED: 2,
  /** worker threads that took at least one piece: each posts exactly one message */
  PARTS: 3,
  /** trajectories finished (the sum of the finished pieces' weights): progress */
  WORK: 4,
  LENGTH: 5,
} as const;

/** Main thread → worker: run pieces of this job from the shared queue. */
export interface JobMessage {
  readonly jobId: number;
  /** the work kind's name (workKinds.ts) */
  readonly kind: string;
  /** the job's models: key, and the spec when the worker does not hold the key */
  readonly models: readonly { readonly key: number; readonly spec?: unknown }[];
  /** what every piece shares */
  readonly input: unknown;
  readonly pieces: readonly { readonly m: number; readonly p: unknown }[];
  readonly control: SharedArrayBuffer;
}

/** Worker → main thread: the results of the pieces it ran, or why it stopped. */
export type PartMessage =
  | {
      readonly kind: 'results';
      readonly jobId: number;
      /** piece indices, and their results in the same order */
      readonly indices: readonly number[];
      readonly results: readonly unknown[];
    }
  | { readonly kind: 'folded'; readonly jobId: number; readonly part: unknown }
  | { readonly kind: 'error'; readonly jobId: number; readonly message: string };
