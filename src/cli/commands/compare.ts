import type { Argv } from 'yargs';
import { compareCommand } from '../../app/compareScenarios.js';
import { formatCompareTable } from '../formatCompare.js';
import type { Io } from '../io.js';
import { parseLang, parseRuns, parseSeed, parseWorkers } from '../options.js';
import { progressBar } from '../progressBar.js';
import { withReportOptions, withWorkersOption } from '../sharedOptions.js';

/** `ladder compare <scenario> <scenario…> [--runs N] [--seed S] [--json] [--out DIR] [--workers K] [--lang zh|en|both] [--png]` */
export function compareCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'compare <scenarios..>',
    'Scenarios side by side, with paired differences from the first',
    (c) =>
      withReportOptions(withWorkersOption(c))
        .positional('scenarios', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'two or more plan ids or scenario files; the first is the reference',
        })
        .option('runs', {
          type: 'string',
          describe: 'trajectories per scenario (default: the first scenario’s)',
        })
        .option('seed', {
          type: 'string',
          describe: 'random seed shared by all (default: the first scenario’s)',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'print the comparison as JSON on stdout',
        })
        .option('out', { type: 'string', describe: 'report folder (default: reports/compare-<ids>)' })
        .example('$0 compare jiangmen-2021 scenarios/jiangmen-2021.status-quo.yaml', 'what the plan buys'),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const outcome = await compareCommand({
        onProgress: bar.update,
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        targets: args.scenarios,
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        langs: parseLang(args.lang),
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.result, null, 2)}\n` : formatCompareTable(outcome));
    },
  );
}
