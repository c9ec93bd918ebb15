import type { Argv } from 'yargs';
import { runCommand } from '../../app/runScenario.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';
import { parseLang, parseRuns } from '../options.js';
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
        .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
        .example(
          '$0 run scenarios/jiangmen-2021.yaml --runs 20000 --seed 7 --json',
          'a scenario file, JSON output',
        ),
    async (args) => {
      const langs = parseLang(args.lang);
      const bar = progressBar(io, () => performance.now());
      let outcome;
      try {
        outcome = await runCommand({
          target: args.target,
          ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(args.out !== undefined ? { out: args.out } : {}),
          langs,
          png: args.png,
          onProgress: bar.update,
        });
      } finally {
        bar.finish();
      }
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.summary, null, 2)}\n` : formatRunTable(outcome));
    },
  );
}
