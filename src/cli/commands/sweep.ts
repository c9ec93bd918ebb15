import type { Argv } from 'yargs';
import { sweepCommand } from '../../app/sweepLever.js';
import { LEVER_REF_FORMS } from '../../io/leverRef.js';
import { formatSweepTable } from '../formatSweep.js';
import type { Io } from '../io.js';
import { sweepValues } from '../leverOptions.js';
import { parseLang, parseRuns, parseSeed, parseWorkers } from '../options.js';
import { progressBar } from '../progressBar.js';
import { withReportOptions, withWorkersOption } from '../sharedOptions.js';

/**
 * `ladder sweep <scenario> --lever L (--values a,b,c | --from A --to B --steps N) [--goal G]
 * [--workers K] [--lang zh|en|both] [--png]`
 */
export function sweepCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'sweep <target>',
    'P(goal) and spend as one lever varies (common random numbers)',
    (c) =>
      withReportOptions(withWorkersOption(c))
        .positional('target', { type: 'string', demandOption: true, describe: 'plan id or scenario file' })
        .option('lever', { type: 'string', demandOption: true, describe: `what to vary: ${LEVER_REF_FORMS}` })
        .option('values', { type: 'string', describe: 'comma-separated values, e.g. 0,150000,300000,600000' })
        .option('from', { type: 'string', describe: 'first value (with --to, --steps)' })
        .option('to', { type: 'string', describe: 'last value' })
        .option('steps', { type: 'string', describe: 'number of values from --from to --to (default 5)' })
        .option('goal', { type: 'string', describe: 'one goal id (default: every goal the model projects)' })
        .option('runs', { type: 'string', describe: 'trajectories at each value (default: the scenario’s)' })
        .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s)' })
        .option('set', {
          type: 'string',
          array: true,
          describe: 'override a scenario field first: --set path=value',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the sweep as JSON on stdout' })
        .option('out', {
          type: 'string',
          describe: 'report folder (default: reports/sweep-<scenario>--<lever>)',
        })
        .example('$0 sweep jiangmen-2021 --lever first-cert-reward --values 0,300000,600000', 'the reward')
        .example('$0 sweep jiangmen-2021 --lever budget:hnte-cultivation --from 2e8 --to 8e8', 'the budget'),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const outcome = await sweepCommand({
        onProgress: bar.update,
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        target: args.target,
        lever: args.lever,
        values: sweepValues(args),
        ...(args.goal !== undefined ? { goal: args.goal } : {}),
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
        ...(args.set !== undefined ? { sets: args.set } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        langs: parseLang(args.lang),
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.result, null, 2)}\n` : formatSweepTable(outcome));
    },
  );
}
