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
  if (message !== undefined) {
    port.postMessage(message);
    Atomics.add(control, CONTROL.POSTED, 1);
    Atomics.notify(control, CONTROL.POSTED);
  }
}

port.on('message', runJob);
