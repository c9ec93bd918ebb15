import type { Argv } from 'yargs';
import { runCommand } from '../../app/runScenario.js';
import { runShardCommand } from '../../app/runShard.js';
import { InputError } from '../../io/errors.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';
import { parsePrecision, parseRuns, parseShard, parseWorkers } from '../options.js';

/**
 * `ladder run <plan-id | scenario-file> [--runs N | --precision SE] [--seed S] [--workers K]
 * [--shard i/n] [--json] [--out PATH]`
 */
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
          describe: 'trajectories (default: the scenario’s, else 10000); with --precision, the most',
        })
        .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s, else "1")' })
        .option('workers', {
          type: 'string',
          describe: 'threads to run on (default: all cores); the results do not depend on it',
        })
        .option('precision', {
          type: 'string',
          describe: 'run until every goal’s P(met) has a standard error ≤ this (e.g. 0.005)',
        })
        .option('shard', {
          type: 'string',
          describe: 'run shard i/n (i from 0) and write a part file for `ladder merge`',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout' })
        .option('out', {
          type: 'string',
          describe: 'report folder (default: reports/<scenario>); with --shard, the part file',
        })
        .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
        .example(
          '$0 run scenarios/jiangmen-2021.yaml --runs 20000 --seed 7 --json',
          'a scenario file, JSON output',
        )
        .example('$0 run zhanjiang-2023 --precision 0.005', 'as many runs as a ±0.005 P(met) needs')
        .example('$0 run zhanjiang-2023 --runs 1000000 --shard 0/4', 'the first of four machines'),
    (args) => {
      const common = {
        target: args.target,
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: args.seed } : {}),
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
      };
      if (args.shard !== undefined) {
        if (args.precision !== undefined) {
          throw new InputError({
            code: 'E_USAGE',
            message: '--precision and --shard do not combine: a shard cannot see the other shards’ results',
            location: { path: '--precision' },
            hint: 'give the shards a fixed --runs',
          });
        }
        const o = runShardCommand({ ...common, shard: parseShard(args.shard) });
        const { index, count } = o.part.shard;
        io.stdout(
          args.json
            ? `${JSON.stringify({ file: o.file, shard: o.part.shard, runs: o.part.accumulator.runs, of: o.scenario.runs }, null, 2)}\n`
            : `shard ${index}/${count} of ${o.scenario.id}: ${o.part.accumulator.runs} of ${o.scenario.runs} runs → ${o.file}\n`,
        );
        return;
      }
      const outcome = runCommand({
        ...common,
        ...(args.precision !== undefined ? { precision: parsePrecision(args.precision) } : {}),
      });
      io.stdout(args.json ? `${JSON.stringify(outcome.summary, null, 2)}\n` : formatRunTable(outcome));
    },
  );
}
