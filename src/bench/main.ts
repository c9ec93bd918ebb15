/**
 * `npm run bench`: the benchmark of the engine on this machine. For each of the five plans:
 * trajectories/s on one thread and on all cores (wall time), CPU ns per exact draw of the full
 * model next to the bare sampler loop's (measured just before, in the same process; CPU time, so a
 * busy machine's waits do not count), peak memory at 10⁴, 10⁵ and 10⁶ runs (a child process
 * each, on one thread and with `--workers` all cores), and the wall time of
 * `ladder run <plan> --runs 10000` from a cold start (a new process each time). Every time is the
 * median of --reps repetitions. Prints Markdown (docs/benchmarks.md keeps a copy).
 *
 * Then the analyses as their commands run them, pool start-up included, on one thread and on
 * all cores (wall time, median of --analysis-reps, alternating), checking that both print the same:
 * `compare` of Jiangmen's plan, its status quo and its budget cut (--compare-runs each), a `sweep`
 * of its cultivation budget over four values and a `goal-seek` of it (--sweep-runs per value), and
 * `sensitivity` of zhanjiang-2023's hnte-700 at its default settings (--sensitivity-runs as the
 * plain sample; 0 leaves it out). `npm run bench:calibrate` does the same for calibration.
 *
 * Then, for docs/scale.md: a batch of --scale-jobs whole-scenario runs (`--runs 10000
 * --workers 1`, cold starts, as many at once as cores), and the part size and merge time of a
 * run in 7 shards.
 *
 * Options: --reps N (5), --runs N trajectories per throughput measurement (40000),
 * --plans a,b (the five), --memory-runs 10000,100000,1000000, --scale-jobs N (40),
 * --analysis-reps N (3), --compare-runs N (20000), --sweep-runs N (10000),
 * --sensitivity-runs N (10000).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTrajectories, type SpecModel } from '../engine/runBlocks.js';
import { stream } from '../engine/rng.js';
import { bareSamplerLoop } from '../engine/samplerLoop.js';
import { closeWorkerPool, createWorkerPool, POOL_START_RUNS } from '../engine/workerPool.js';
import { engineWorkerPath } from '../io/engineWorker.js';
import { loadTarget } from '../io/loadScenario.js';
import { compileModel } from '../model/compile.js';
import { compareCommand } from '../app/compareScenarios.js';
import { goalSeekCommand } from '../app/goalSeekLever.js';
import { sensitivityCommand } from '../app/sensitivity.js';
import { sweepCommand } from '../app/sweepLever.js';
import { analysisTable, timeAnalysis, type AnalysisTiming } from './analyses.js';
import { drawsPerTrajectory } from './countDraws.js';
import { scenarioBatch, shardCost } from './scale.js';
import { measureRuns, median, timeRuns } from './stats.js';

const PLANS = ['zhanjiang-2023', 'jieyang-2024', 'jiangmen-2021', 'yueyang-2022', 'hunan-zones-2017'];
const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./memoryProbe.js', import.meta.url));

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const REPS = Number(option('reps', '5'));
const RUNS = Number(option('runs', '40000'));
const plans = option('plans', PLANS.join(',')).split(',');
const memoryRuns = option('memory-runs', '10000,100000,1000000').split(',').map(Number);
const scaleJobs = Number(option('scale-jobs', '40'));
const analysisReps = Number(option('analysis-reps', '3'));
const compareRuns = Number(option('compare-runs', '20000'));
const sweepRuns = Number(option('sweep-runs', '10000'));
const sensitivityRuns = Number(option('sensitivity-runs', '10000'));
const cores = availableParallelism();

const say = (s: string): void => {
  process.stdout.write(s);
};
const progress = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

/** CPU ns per draw of the bare sampler loop: median of REPS passes of 2·10⁶ draws. */
function bareNsPerDraw(): number {
  const u = stream('bench', 0, 'bare');
  const draws = 2_000_000;
  bareSamplerLoop(u, 200_000);
  return (median(measureRuns(REPS, () => bareSamplerLoop(u, draws)).cpuMs) * 1e6) / draws;
}

interface PlanResult {
  plan: string;
  oneThread: number;
  allCores: number;
  drawsPerTraj: number;
  nsPerDraw: number;
  bareNs: number;
  /** peak MB by run count, on one thread and on all cores */
  memoryOne: number[];
  memoryAll: number[];
  /** the same on all cores with the worker threads started at every size */
  memoryStarted: number[];
  coldMs: number;
}

function benchPlan(plan: string): PlanResult {
  const scenario = loadTarget(plan).scenario;
  const source: SpecModel = { spec: { scenario }, model: compileModel(scenario) };
  const range = { seed: 'bench', start: 0, count: RUNS };
  progress(`${plan}: one thread`);
  runTrajectories(undefined, source, { ...range, count: 5_000 });
  const bareNs = bareNsPerDraw();
  const one = measureRuns(REPS, () => runTrajectories(undefined, source, range));
  const oneMs = median(one.wallMs);
  progress(`${plan}: ${cores} threads`);
  const pool = createWorkerPool({ threads: cores, entry: engineWorkerPath(), startRuns: 0 });
  for (let k = 0; k < 3; k++) runTrajectories(pool, source, range); // start and warm the workers
  const allMs = median(timeRuns(REPS, () => runTrajectories(pool, source, range)));
  void closeWorkerPool(pool);
  const drawsPerTraj = drawsPerTrajectory(source.model, 'bench', 2_000);
  const nsPerDraw = (median(one.cpuMs) * 1e6) / RUNS / drawsPerTraj;

  const peakMb = (runs: number, threads: number, started = false): number => {
    progress(`${plan}: peak memory at ${runs} runs, ${threads} thread(s)${started ? ', started' : ''}`);
    const args = [PROBE, plan, String(runs), String(threads), ...(started ? ['started'] : [])];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`memory probe failed: ${r.stderr}`);
    return (JSON.parse(r.stdout) as { peakRssMb: number }).peakRssMb;
  };
  const memoryOne = memoryRuns.map((runs) => peakMb(runs, 1));
  const memoryAll = memoryRuns.map((runs) => peakMb(runs, cores));
  const memoryStarted = memoryRuns.map((runs) => peakMb(runs, cores, true));

  progress(`${plan}: cold start`);
  const out = mkdtempSync(join(tmpdir(), 'ladder-bench-'));
  const coldMs = median(
    timeRuns(REPS, () => {
      const r = spawnSync(process.execPath, [CLI, 'run', plan, '--runs', '10000', '--out', join(out, 'r')], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`ladder run failed: ${r.stderr}`);
    }),
  );
  rmSync(out, { recursive: true, force: true });
  return {
    plan,
    oneThread: RUNS / (oneMs / 1000),
    allCores: RUNS / (allMs / 1000),
    drawsPerTraj,
    nsPerDraw,
    bareNs,
    memoryOne,
    memoryAll,
    memoryStarted,
    coldMs,
  };
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The analyses on one thread and on all cores (see the header). */
async function benchAnalyses(): Promise<AnalysisTiming[]> {
  const jiangmen = ['jiangmen-2021', 'jiangmen-2021.status-quo', 'jiangmen-2021.budget-cut'];
  const lever = { target: 'jiangmen-2021', lever: 'budget:hnte-cultivation', runs: sweepRuns, noWrite: true };
  const rows: AnalysisTiming[] = [];
  progress('analyses: compare');
  rows.push(
    await timeAnalysis(
      `compare, 3 scenarios × ${fmt(compareRuns)} runs`,
      analysisReps,
      cores,
      async (workers) =>
        JSON.stringify(
          (await compareCommand({ targets: jiangmen, runs: compareRuns, noWrite: true, workers })).result,
        ),
    ),
  );
  progress('analyses: sweep');
  rows.push(
    await timeAnalysis(`sweep, 4 values × ${fmt(sweepRuns)} runs`, analysisReps, cores, async (workers) =>
      JSON.stringify((await sweepCommand({ ...lever, values: [2e8, 3.33e8, 5e8, 8e8], workers })).result),
    ),
  );
  progress('analyses: goal-seek');
  rows.push(
    await timeAnalysis(
      `goal-seek, ${fmt(sweepRuns)} runs per value`,
      analysisReps,
      cores,
      async (workers) => {
        const o = await goalSeekCommand({ ...lever, goal: 'hnte-2200', probability: 0.9, workers });
        return JSON.stringify(o.result);
      },
    ),
  );
  if (sensitivityRuns > 0) {
    progress('analyses: sensitivity');
    rows.push(
      await timeAnalysis(
        `sensitivity zhanjiang-2023 hnte-700, --runs ${fmt(sensitivityRuns)}`,
        Math.min(analysisReps, 1),
        cores,
        async (workers) => {
          const o = await sensitivityCommand({
            target: 'zhanjiang-2023',
            goal: 'hnte-700',
            runs: sensitivityRuns,
            noWrite: true,
            workers,
          });
          return JSON.stringify(o.report);
        },
        false,
      ),
    );
  }
  return rows;
}

const started = new Date();
const loadBefore = loadavg();
const results = plans.map(benchPlan);
const analyses = await benchAnalyses();
progress(`batch of ${scaleJobs} scenario runs`);
const batchSeconds = await scenarioBatch(CLI, plans, { jobs: scaleJobs, concurrency: cores, runs: 10_000 });
progress('7 shards and a merge');
const shards = shardCost(CLI, plans[0] ?? PLANS[0] ?? '', 7, 70_000);
const loadAfter = loadavg();

say(`## Results\n\n`);
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores available, ${fmt(totalmem() / 2 ** 30, 1)} GiB; ` +
    `Node ${process.version} on ${process.platform}. ${started.toISOString().slice(0, 16)}Z; ` +
    `load average ${fmt(loadBefore[0] ?? 0, 2)} before, ${fmt(loadAfter[0] ?? 0, 2)} after. ` +
    `Medians of ${REPS} repetitions; ${fmt(RUNS)} trajectories per throughput measurement.\n\n`,
);
say(
  `| plan | traj/s, 1 thread | traj/s, ${cores} threads | speed-up | draws/traj | CPU ns/draw, model | ` +
    `CPU ns/draw, bare | ratio | cold \`run --runs 10000\` |\n`,
);
say(`|${' --- |'.repeat(9)}\n`);
for (const r of results) {
  say(
    `| ${r.plan} | ${fmt(r.oneThread)} | ${fmt(r.allCores)} | ${fmt(r.allCores / r.oneThread, 2)}× | ${fmt(r.drawsPerTraj, 0)} | ` +
      `${fmt(r.nsPerDraw, 1)} | ${fmt(r.bareNs, 1)} | ${fmt(r.nsPerDraw / r.bareNs, 2)}× | ${fmt(r.coldMs / 1000, 2)} s |\n`,
  );
}
const ratio = (mb: readonly number[]): number => (mb[mb.length - 1] ?? 0) / (mb[0] ?? 1);
say(
  `\nPeak resident memory (MB) of a process running the plan like \`ladder run\` (no report written); ` +
    `"${cores}, started": worker threads started at every size (\`ladder run\` starts them from ` +
    `${fmt(POOL_START_RUNS)} runs), so that the sizes are compared on the same threads:\n\n`,
);
const sizes = memoryRuns.map((r) => fmt(r)).join(' | ');
say(`| plan | threads | ${sizes} | ratio, largest/smallest |\n`);
say(`|${' --- |'.repeat(3 + memoryRuns.length)}\n`);
for (const r of results) {
  for (const [threads, mb] of [
    ['1', r.memoryOne],
    [String(cores), r.memoryAll],
    [`${cores}, started`, r.memoryStarted],
  ] as const) {
    say(`| ${r.plan} | ${threads} | ${mb.map((m) => fmt(m, 0)).join(' | ')} | ${fmt(ratio(mb), 2)}× |\n`);
  }
}

say(
  `\nThe analyses as their commands run them (no report written; pool start-up included), wall time, ` +
    `median of ${analysisReps} (sensitivity: one run each), one thread and ${cores} alternating:\n\n`,
);
say(`${analysisTable(analyses)}\n`);

say(
  `\nBatch of ${scaleJobs} whole-scenario runs (\`ladder run <plan> --runs 10000 --workers 1\`, the plans in turn, ` +
    `${cores} at a time, each a new process): ${fmt(batchSeconds, 1)} s wall, ` +
    `${fmt(batchSeconds / scaleJobs, 3)} s per scenario run on this machine.\n`,
);
say(
  `${shards.parts} shards of a ${fmt(shards.runs)}-run ${plans[0] ?? ''} run: parts of ${fmt(shards.partBytes / 1024, 0)} KiB on average; ` +
    `\`ladder merge\` over them ${fmt(shards.mergeSeconds, 2)} s wall (a new process).\n`,
);
