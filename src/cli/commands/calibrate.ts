import type { Argv } from 'yargs';
import { calibrateCommand } from '../../app/calibrateRegion.js';
import { summaryOf } from '../../schema/posterior.js';
import { formatCalibration } from '../formatCalibration.js';
import type { Io } from '../io.js';
import { progressBar } from '../progressBar.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/** `ladder calibrate --region R [--observed FILE] [--until YEAR] [--break YEAR] [--out posterior.json] [--json]` */
export function calibrateCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'calibrate',
    'Fit the model’s parameters and a region’s unobserved base state to its observed yearly counts; print the fit table and diagnostics, write the posterior',
    (c) =>
      regionOptions(c)
        .option('until', { type: 'string', describe: 'fit the figures up to and including this year' })
        .option('out', {
          type: 'string',
          describe: 'write the posterior (weighted samples and diagnostics) to this JSON file',
        })
        .example(
          '$0 calibrate --region zhanjiang --out zhanjiang-posterior.json',
          'fit Zhanjiang to the shipped counts',
        )
        .example(
          '$0 calibrate --region hunan --break 2016 --json',
          'Hunan with the 2016 rule change as a regime break',
        ),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const outcome = await calibrateCommand({
        onProgress: bar.update,
        ...regionFitArgs(args),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        ...(args.until !== undefined ? { until: parseYearOption(args.until, '--until') } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
      }).finally(bar.finish);
      const summary = summaryOf(outcome.posterior);
      io.stdout(
        args.json ? `${JSON.stringify(summary, null, 2)}\n` : formatCalibration(summary, outcome.written),
      );
    },
  );
}
