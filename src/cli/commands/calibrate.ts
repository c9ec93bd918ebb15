import type { Argv } from 'yargs';
import { calibrateWithReport } from '../../app/regionReports.js';
import { summaryOf } from '../../schema/posterior.js';
import { formatCalibration } from '../formatCalibration.js';
import { formatReportLine } from '../formatReportLine.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { withReportOptions } from '../sharedOptions.js';
import { progressBar } from '../progressBar.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/**
 * `ladder calibrate --region R [--observed FILE] [--until YEAR] [--break YEAR] [--out posterior.json]
 * [--json] [--report DIR] [--lang zh|en|both] [--png]`
 */
export function calibrateCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'calibrate',
    'Fit the model’s parameters and a region’s unobserved base state to its observed yearly counts; print the fit table and diagnostics, write the posterior and reports/calibration-<region>/',
    (c) =>
      withReportOptions(regionOptions(c))
        .option('until', { type: 'string', describe: 'fit the figures up to and including this year' })
        .option('out', {
          type: 'string',
          describe: 'write the posterior (weighted samples and diagnostics) to this JSON file',
        })
        .option('report', {
          type: 'string',
          describe: 'report folder (default: reports/calibration-<region>)',
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
      const langs = parseLang(args.lang);
      const outcome = await calibrateWithReport({
        onProgress: bar.update,
        ...regionFitArgs(args),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        ...(args.until !== undefined ? { until: parseYearOption(args.until, '--until') } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        ...(args.report !== undefined ? { report: args.report } : {}),
        langs,
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      const summary = summaryOf(outcome.posterior);
      io.stdout(
        args.json
          ? `${JSON.stringify(summary, null, 2)}\n`
          : `${formatCalibration(summary, outcome.written)}${formatReportLine(outcome.reportDir, outcome.reportFiles)}`,
      );
    },
  );
}
