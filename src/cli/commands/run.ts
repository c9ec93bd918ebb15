import type { Argv } from 'yargs';
import { runCommand } from '../../app/runScenario.js';
import { runShardCommand } from '../../app/runShard.js';
import { InputError } from '../../io/errors.js';
import { parseSetOverride } from '../../io/setOverrides.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';
import { parseLang, parsePrecision, parseRuns, parseSeed, parseShard, parseWorkers } from '../options.js';
import { progressBar } from '../progressBar.js';
import { withReportOptions, withWorkersOption } from '../sharedOptions.js';

/**
 * `ladder run <plan-id | scenario-file> [--runs N | --precision SE] [--seed S] [--workers K]
 * [--shard i/n] [--set path=value …] [--posterior FILE|auto] [--json] [--out PATH]
 * [--lang zh|en|both] [--png]`
 */
export function runCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'run <target>',
    'Simulate a plan (by id: runs its baseline scenario) or a scenario file; print each goal with P(met) and write reports/<scenario>/',
    (c) =>
      withReportOptions(withWorkersOption(c))
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
        .option('set', {
          type: 'string',
          array: true,
          describe:
            'override a scenario field: --set path=value (repeatable), e.g. --set budgets.hnte-cultivation.amount=3.33e8',
        })
        .option('posterior', {
          type: 'string',
          describe:
            'draw parameters from a posterior file (ladder calibrate --out), or "auto": fit the plan’s region to the shipped counts first',
        })
        .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
        // examples kept short: yargs breaks the command column at half the width, mid-word
        .example('$0 run jiangmen-2021 --runs 20000 --seed 7', '20,000 trajectories, seed 7')
        .example('$0 run scenarios/jiangmen-2021.yaml --json', 'a scenario file, JSON output')
        .example('$0 run zhanjiang-2023 --precision 0.005', 'as many runs as ±0.005 needs')
        .example('$0 run zhanjiang-2023 --shard 0/4', 'the first of four machines'),
    async (args) => {
      const common = {
        target: args.target,
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        ...(args.set !== undefined ? { sets: args.set } : {}),
      };
      if (args.shard !== undefined) {
        if (args.precision !== undefined) {
          throw new InputError({
            code: 'E_USAGE',
            message: '--precision and --shard do not combine: a shard cannot see the other shards’ results',
            location: { path: '--precision' },
            expected: 'either --precision or --shard',
            found: 'both',
            hint: 'give the shards a fixed --runs',
          });
        }
        if (args.posterior !== undefined) {
          throw new InputError({
            code: 'E_USAGE',
            message: '--posterior and --shard do not combine yet: shards run the scenario’s priors',
            location: { path: '--posterior' },
            expected: 'either --posterior or --shard',
            found: 'both',
          });
        }
        const o = await runShardCommand({
          ...common,
          shard: parseShard(args.shard),
          sets: (args.set ?? []).map(parseSetOverride),
          ...(io.signal !== undefined ? { signal: io.signal } : {}),
        });
        const { index, count } = o.part.shard;
        io.stdout(
          args.json
            ? `${JSON.stringify({ file: o.file, shard: o.part.shard, runs: o.part.accumulator.runs, of: o.scenario.runs }, null, 2)}\n`
            : `shard ${index}/${count} of ${o.scenario.id}: ${o.part.accumulator.runs} of ${o.scenario.runs} runs → ${o.file}\n`,
        );
        return;
      }
      const langs = parseLang(args.lang);
      const bar = progressBar(io, () => performance.now());
      let outcome;
      try {
        outcome = await runCommand({
          ...common,
          ...(args.precision !== undefined ? { precision: parsePrecision(args.precision) } : {}),
          ...(args.posterior !== undefined ? { posterior: args.posterior } : {}),
          langs,
          png: args.png,
          onProgress: bar.update,
          ...(io.signal !== undefined ? { signal: io.signal } : {}),
        });
      } finally {
        bar.finish();
      }
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.summary, null, 2)}\n` : formatRunTable(outcome));
    },
  );
}
