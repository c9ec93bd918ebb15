/**
 * The worker thread of a pool (see workerPool.ts, runJob.ts and blockJob.ts): serves the jobs of
 * every work kind of workKinds.ts. Loaded as compiled JavaScript (dist/engine/blockWorker.js).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { serveJobs } from './serveJobs.js';
import { WORK_KINDS } from './workKinds.js';

const { port } = workerData as { port: MessagePort };
const server = serveJobs(port, WORK_KINDS);
// a thread that ends mid-job answers for it, so the main thread is not left waiting for ever
process.on('exit', (code) => {
  server.answerPending(`the worker thread stopped (exit code ${code})`);
});
