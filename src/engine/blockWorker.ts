/**
 * The worker thread of a pool (see workerPool.ts and runBlocks.ts): takes blocks from a job's
 * shared queue and posts one message per job in which it took a block: the accumulator of its
 * blocks, or the error that stopped it. Loaded as compiled JavaScript (dist/engine/blockWorker.js).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { compileModel, compileRunModel, type CompiledModel } from '../model/compile.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { createAccumulator, type Accumulator } from './accumulator.js';
import { CONTROL, type JobMessage, type PartMessage } from './blockJob.js';
import { runRangeInto } from './runner.js';

const { port } = workerData as { port: MessagePort };
/** the scenario of the latest job, compiled when a block of it is first taken */
let scenario: ResolvedScenario | undefined;
let model: CompiledModel | undefined;
let withCounterfactual = false;
/**
 * The job this thread took blocks of and has not answered yet. The main thread waits for one
 * message per thread that took a block: if this thread ends first (process.exit, an error
 * outside the job's try), the exit handler answers for it, so the main thread is not left
 * waiting for ever. (A thread killed outright, as by running out of memory, runs no handler.)
 */
let unanswered: { readonly jobId: number; readonly control: Int32Array } | undefined;

/** Posts a job's answer and wakes the main thread. */
function answer(message: PartMessage, control: Int32Array): void {
  unanswered = undefined;
  port.postMessage(message);
  Atomics.add(control, CONTROL.POSTED, 1);
  Atomics.notify(control, CONTROL.POSTED);
}

process.on('exit', (code) => {
  if (unanswered !== undefined) {
    const { jobId, control } = unanswered;
    answer({ kind: 'error', jobId, message: `the worker thread stopped (exit code ${code})` }, control);
  }
});

function runJob(job: JobMessage): void {
  if (job.scenario !== undefined) {
    scenario = job.scenario;
    withCounterfactual = job.counterfactual;
    model = undefined;
  }
  const control = new Int32Array(job.control);
  let acc: Accumulator | undefined;
  let current: CompiledModel | undefined;
  let message: PartMessage | undefined;
  try {
    for (;;) {
      const block = job.blocks[Atomics.add(control, CONTROL.NEXT, 1)];
      if (block === undefined) break;
      if (acc === undefined) {
        // counted before anything can fail: the main thread then waits for this part's message
        Atomics.add(control, CONTROL.PARTS, 1);
        unanswered = { jobId: job.jobId, control };
        if (scenario === undefined) throw new Error('a job arrived before any scenario');
        model ??= withCounterfactual ? compileRunModel(scenario) : compileModel(scenario);
        current = model;
        acc = createAccumulator(current);
      }
      if (current === undefined) throw new Error('no model');
      runRangeInto(current, job.seed, block.start, block.count, acc);
      Atomics.add(control, CONTROL.DONE, 1);
    }
    if (acc !== undefined) message = { kind: 'result', jobId: job.jobId, acc };
  } catch (e) {
    message = {
      kind: 'error',
      jobId: job.jobId,
      message: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
  if (message !== undefined) answer(message, control);
}

port.on('message', runJob);
