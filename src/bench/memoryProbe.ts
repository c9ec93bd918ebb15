/**
 * Child process of the benchmark: runs one plan like `ladder run` (without writing a report) and
 * prints the process's peak resident memory, main thread and worker threads together.
 * Usage: node dist/bench/memoryProbe.js <plan> <runs> <workers> [started]
 * With `started`, worker threads start whatever the run's size (as for a run of POOL_START_RUNS or
 * more), so that runs of different sizes are compared on the same threads.
 */
import { withPoolAsync } from '../app/pool.js';
import { POOL_START_RUNS } from '../engine/workerPool.js';
import { simulateScenario } from '../app/runScenario.js';
import { loadTarget } from '../io/loadScenario.js';

const [target = 'zhanjiang-2023', runs = '10000', workers = '1', started] = process.argv.slice(2);
const scenario = { ...loadTarget(target).scenario, runs: Number(runs) };
const t0 = performance.now();
// the pool as `ladder run` opens it: worker threads start when the run plans enough trajectories
const summary = await withPoolAsync(
  Number(workers),
  (pool) => simulateScenario(scenario, { pool }),
  started === 'started' ? Math.max(scenario.runs, POOL_START_RUNS) : scenario.runs,
);
const seconds = (performance.now() - t0) / 1000;
// maxRSS is in kilobytes
process.stdout.write(
  `${JSON.stringify({ runs: summary.runs, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
