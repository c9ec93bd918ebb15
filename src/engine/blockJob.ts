import type { ResolvedScenario } from '../schema/scenario.js';
import type { Accumulator } from './accumulator.js';
import type { Block } from './blocks.js';

/**
 * The block queue shared by the threads of a job: an Int32Array over a SharedArrayBuffer.
 * A thread takes block `Atomics.add(control, NEXT, 1)` until the index runs past the list.
 */
export const CONTROL = {
  /** the next block to take */
  NEXT: 0,
  /** blocks finished */
  DONE: 1,
  /** messages posted by worker threads (results and errors); waited on by the main thread */
  POSTED: 2,
  /** worker threads that took at least one block: each posts exactly one message */
  PARTS: 3,
  LENGTH: 4,
} as const;

/** Main thread → worker: run blocks of this job from the shared queue. */
export interface JobMessage {
  readonly jobId: number;
  /** present when the worker's compiled model must change */
  readonly scenario: ResolvedScenario | undefined;
  /** compile the scenario with its status-quo counterfactual (as `compileRunModel` does) */
  readonly counterfactual: boolean;
  readonly seed: string;
  readonly blocks: readonly Block[];
  readonly control: SharedArrayBuffer;
}

/** Worker → main thread: the accumulator of the blocks it ran, or why it stopped. */
export type PartMessage =
  | { readonly kind: 'result'; readonly jobId: number; readonly acc: Accumulator }
  | { readonly kind: 'error'; readonly jobId: number; readonly message: string };
