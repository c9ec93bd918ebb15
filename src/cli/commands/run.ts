import type { Argv } from 'yargs';
import { runCommand } from '../../app/runScenario.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';
import { parseLang, parseRuns, parseSeed } from '../options.js';
import { progressBar } from '../progressBar.js';

/** `ladder run <plan-id | scenario-file> [--runs N] [--seed S] [--json] [--out DIR] [--lang zh|en|both] [--png]` */
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
        .option('set', {
          type: 'string',
          array: true,
          describe:
            'override a scenario field: --set path=value (repeatable), e.g. --set budgets.hnte-cultivation.amount=3.33e8',
        })
        .option('lang', {
          type: 'string',
          default: 'zh',
          describe: 'report language: zh, en, or both (report.html in Chinese + report.en.html)',
        })
        .option('png', {
          type: 'boolean',
          default: false,
          describe: 'also write each chart as PNG (about 1 s a chart)',
        })
        .option('posterior', {
          type: 'string',
          describe:
            'draw parameters from a posterior file (ladder calibrate --out), or "auto": fit the plan’s region to the shipped counts first',
        })
        .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
        // examples kept short: yargs breaks the command column at half the width, mid-word
        .example('$0 run jiangmen-2021 --runs 20000 --seed 7', '20,000 trajectories, seed 7')
        .example('$0 run scenarios/jiangmen-2021.yaml --json', 'a scenario file, JSON output'),
    async (args) => {
      const langs = parseLang(args.lang);
      const bar = progressBar(io, () => performance.now());
      let outcome;
      try {
        outcome = await runCommand({
          target: args.target,
          ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
          ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
          ...(args.out !== undefined ? { out: args.out } : {}),
          ...(args.set !== undefined ? { sets: args.set } : {}),
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
      if (!args.json && outcome.parameterNote !== undefined)
        io.stdout(`Parameters: ${outcome.parameterNote}\n`);
    },
  );
}
