import type { Argv } from 'yargs';
import { runCommand } from '../../app/runScenario.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';
import { parseRuns } from '../options.js';

/** `ladder run <plan-id | scenario-file> [--runs N] [--seed S] [--json] [--out DIR]` */
export function runCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'run <target>',
    'Simulate a plan (by id: runs its baseline scenario) or a scenario file; print each goal with P(met) and write reports/<scenario>/',
    (c) =>
      c
        .positional('target', {
          type: 'string',
          demandOption: true,
          describe: 'plan id (see `ladder plans`) or scenario file (.yaml/.json)',
        })
        .option('runs', {
          type: 'string',
          describe: 'number of trajectories (default: the scenario’s, else 10000)',
        })
        .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s, else "1")' })
        .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout' })
        .option('out', { type: 'string', describe: 'report folder (default: reports/<scenario>)' })
        .option('posterior', {
          type: 'string',
          describe:
            'draw parameters from a posterior file (ladder calibrate --out), or "auto": fit the plan’s region to the shipped counts first',
        })
        .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
        .example(
          '$0 run scenarios/jiangmen-2021.yaml --runs 20000 --seed 7 --json',
          'a scenario file, JSON output',
        ),
    (args) => {
      const outcome = runCommand({
        target: args.target,
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: args.seed } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        ...(args.posterior !== undefined ? { posterior: args.posterior } : {}),
      });
      io.stdout(args.json ? `${JSON.stringify(outcome.summary, null, 2)}\n` : formatRunTable(outcome));
      if (!args.json && outcome.parameterNote !== undefined)
        io.stdout(`Parameters: ${outcome.parameterNote}\n`);
    },
  );
}
