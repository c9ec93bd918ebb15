import type { Argv } from 'yargs';
import { goalSeekCommand } from '../../app/goalSeekLever.js';
import { LEVER_REF_FORMS } from '../../io/leverRef.js';
import { formatGoalSeek } from '../formatGoalSeek.js';
import type { Io } from '../io.js';
import { parseNumberOption } from '../leverOptions.js';
import { parseLang, parseRuns, parseSeed, parseWorkers } from '../options.js';
import { progressBar } from '../progressBar.js';
import { withReportOptions, withWorkersOption } from '../sharedOptions.js';

/**
 * `ladder goal-seek <scenario> --goal G --lever L --probability 0.8 [--min A --max B]
 * [--workers K] [--lang zh|en|both] [--png]`
 */
export function goalSeekCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'goal-seek <target>',
    'The smallest lever value with P(goal) ≥ a probability',
    (c) =>
      withReportOptions(withWorkersOption(c))
        .positional('target', { type: 'string', demandOption: true, describe: 'plan id or scenario file' })
        .option('goal', { type: 'string', demandOption: true, describe: 'goal id (see `ladder plans`)' })
        .option('lever', { type: 'string', demandOption: true, describe: `what to vary: ${LEVER_REF_FORMS}` })
        .option('probability', { type: 'string', default: '0.8', describe: 'P(goal) to reach' })
        .option('min', {
          type: 'string',
          describe: 'lowest value searched (default 0, or the prior’s lower bound)',
        })
        .option('max', {
          type: 'string',
          describe: 'highest value searched (default 10 × the scenario’s value; 1 for a share)',
        })
        .option('tolerance', {
          type: 'string',
          describe: 'stop when the bracket is this narrow (default range/500)',
        })
        .option('runs', { type: 'string', describe: 'trajectories at each value (default: the scenario’s)' })
        .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s)' })
        .option('set', {
          type: 'string',
          array: true,
          describe: 'override a scenario field first: --set path=value',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON on stdout' })
        .option('out', {
          type: 'string',
          describe: 'report folder (default: reports/goal-seek-<scenario>--<goal>--<lever>)',
        })
        .example(
          '$0 goal-seek jiangmen-2021 --goal revenue500m-120 --lever first-cert-reward',
          'reward for P ≥ 0.8',
        ),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const outcome = await goalSeekCommand({
        onProgress: bar.update,
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        target: args.target,
        goal: args.goal,
        lever: args.lever,
        probability: parseNumberOption(args.probability, '--probability', 'a probability between 0 and 1'),
        ...(args.min !== undefined ? { min: parseNumberOption(args.min, '--min') } : {}),
        ...(args.max !== undefined ? { max: parseNumberOption(args.max, '--max') } : {}),
        ...(args.tolerance !== undefined
          ? { tolerance: parseNumberOption(args.tolerance, '--tolerance') }
          : {}),
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
        ...(args.set !== undefined ? { sets: args.set } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        langs: parseLang(args.lang),
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.result, null, 2)}\n` : formatGoalSeek(outcome));
    },
  );
}
