/**
 * Benchmark of `ladder sensitivity` at default settings on each plan's baseline scenario and its
 * first simulated goal, on one thread: wall time, trajectories, and the Monte Carlo error the
 * report states (`npm run bench` times it on all cores too).
 * Not a test: run `npm run build && node dist/bench/sensitivity.js [plan-id …]`.
 */
import { availableParallelism } from 'node:os';
import { sensitivityCommand, simulatedGoalIds } from '../app/sensitivity.js';
import { loadTarget } from '../io/loadScenario.js';
import { table } from '../report/text.js';

const PLANS = ['zhanjiang-2023', 'jieyang-2024', 'jiangmen-2021', 'yueyang-2022', 'hunan-zones-2017'];

async function main(): Promise<void> {
  const plans = process.argv.slice(2).length > 0 ? process.argv.slice(2) : PLANS;
  const rows: string[][] = [];
  process.stdout.write(
    `ladder sensitivity, default settings, serial evaluation · node ${process.version} · ${availableParallelism()} cores available\n\n`,
  );
  for (const plan of plans) {
    const goal = simulatedGoalIds(loadTarget(plan).scenario)[0];
    if (goal === undefined) continue;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { report: r } = await sensitivityCommand({ target: plan, goal, noWrite: true, workers: 1 });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const e = r.monteCarloError;
    rows.push([
      plan,
      goal,
      `${r.factors.filter((f) => !f.inert).length}/${r.factors.length}`,
      r.trajectories.toLocaleString('en-US'),
      seconds.toFixed(1),
      cpuSeconds.toFixed(1),
      Math.round(r.trajectories / cpuSeconds).toLocaleString('en-US'),
      `${r.probability.value.toFixed(3)} ± ${r.probability.se.toFixed(3)}`,
      e.tornadoMaxDPSe.toFixed(4),
      e.sobolWidestInterval === null ? '—' : e.sobolWidestInterval.toFixed(3),
      `${(100 * (r.sobol?.noiseShare ?? 0)).toFixed(1)}%`,
      e.voiMaxSe.toFixed(4),
      r.drivers
        .slice(0, 3)
        .map((d) => d.factor)
        .join(', '),
    ]);
    process.stderr.write(`${plan}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU\n`);
  }
  process.stdout.write(
    table(
      [
        'plan',
        'goal',
        'active/inputs',
        'trajectories',
        'wall s',
        'CPU s',
        'traj/CPU s',
        'P(goal) ± s.e.',
        'max s.e. ΔP',
        'Sobol widest',
        'noise',
        'VOI s.e.',
        'top drivers',
      ],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ) + '\n',
  );
}

await main();
