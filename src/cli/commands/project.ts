import type { Argv } from 'yargs';
import { projectCommand } from '../../app/projectRegion.js';
import { formatProjection } from '../formatProjection.js';
import type { Io } from '../io.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/** `ladder project --region R --until YEAR --to YEAR [--observed FILE] [--break YEAR] [--json]` */
export function projectCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'project',
    'Calibrate a region on its counts up to a year, then project every measure with no plan attached',
    (c) =>
      regionOptions(c)
        .option('until', {
          type: 'string',
          demandOption: true,
          describe: 'fit the figures up to and including this year',
        })
        .option('to', { type: 'string', demandOption: true, describe: 'project to this year' })
        .example(
          '$0 project --region hunan --until 2018 --to 2024 --json',
          'Hunan, fitted to 2018, projected to 2024',
        ),
    (args) => {
      const outcome = projectCommand({
        ...regionFitArgs(args),
        until: parseYearOption(args.until, '--until'),
        to: parseYearOption(args.to, '--to'),
      });
      io.stdout(args.json ? `${JSON.stringify(outcome.projection, null, 2)}\n` : formatProjection(outcome));
      if (args.json) for (const w of outcome.warnings) io.stderr(`warning: ${w}\n`);
    },
  );
}
