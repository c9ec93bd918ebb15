import type { Argv } from 'yargs';
import { projectWithReport } from '../../app/regionReports.js';
import { writeChart } from '../../io/writeChart.js';
import { fitChartSpec } from '../../report/fitChart.js';
import { formatProjection } from '../formatProjection.js';
import { formatReportLine } from '../formatReportLine.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { withReportOptions } from '../sharedOptions.js';
import { progressBar } from '../progressBar.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/**
 * `ladder project --region R --until YEAR --to YEAR [--observed FILE] [--break YEAR] [--json]
 * [--chart F] [--report DIR] [--lang zh|en|both] [--png]`
 */
export function projectCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'project',
    'Calibrate a region on its counts up to a year, then project every measure with no plan attached; writes reports/projection-<region>/',
    (c) =>
      withReportOptions(regionOptions(c))
        .option('until', {
          type: 'string',
          demandOption: true,
          describe: 'fit the figures up to and including this year',
        })
        .option('to', { type: 'string', demandOption: true, describe: 'project to this year' })
        .option('chart', {
          type: 'string',
          describe: 'write the observed figures over the fitted fan as a chart (.svg, or a vega-lite .json)',
        })
        .option('report', {
          type: 'string',
          describe: 'report folder (default: reports/projection-<region>)',
        })
        .example(
          '$0 project --region hunan --until 2018 --to 2024 --json',
          'Hunan, fitted to 2018, projected to 2024',
        ),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const langs = parseLang(args.lang);
      const outcome = await projectWithReport({
        onProgress: bar.update,
        ...regionFitArgs(args),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        until: parseYearOption(args.until, '--until'),
        to: parseYearOption(args.to, '--to'),
        ...(args.report !== undefined ? { report: args.report } : {}),
        langs,
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.projection, null, 2)}\n` : formatProjection(outcome));
      if (args.json) for (const w of outcome.warnings) io.stderr(`warning: ${w}\n`);
      if (args.chart !== undefined) {
        const chartWarnings = await writeChart(args.chart, fitChartSpec(outcome.projection, outcome.rows));
        for (const w of chartWarnings) io.stderr(`warning (chart): ${w}\n`);
        if (!args.json) io.stdout(`Chart: ${args.chart}\n`);
      }
      if (!args.json) io.stdout(formatReportLine(outcome.reportDir, outcome.reportFiles));
    },
  );
}
