import type { Argv } from 'yargs';
import { backtestWithReport } from '../../app/regionReports.js';
import { writeChart } from '../../io/writeChart.js';
import { backtestChartSpec } from '../../report/fitChart.js';
import { formatBacktest } from '../formatBacktest.js';
import { formatReportLine } from '../formatReportLine.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { withReportOptions } from '../sharedOptions.js';
import { progressBar } from '../progressBar.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/**
 * `ladder backtest --region R [--origin YEAR] [--observed FILE] [--break YEAR] [--json] [--chart F]
 * [--report DIR] [--lang zh|en|both] [--png]`
 */
export function backtestCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'backtest',
    'Fit up to an origin, forecast the later figures and score them beside a naive linear trend; origins roll forward while figures remain; writes reports/backtest-<region>/',
    (c) =>
      withReportOptions(regionOptions(c))
        .option('origin', {
          type: 'string',
          describe:
            'first origin year (default: the earliest with a 高企 stock before it and a figure after it)',
        })
        .option('chart', {
          type: 'string',
          describe: 'write the forecasts beside the figures as a chart (.svg, or a vega-lite .json)',
        })
        .option('report', {
          type: 'string',
          describe: 'report folder (default: reports/backtest-<region>)',
        })
        .example(
          '$0 backtest --region zhanjiang --origin 2017',
          'forecast Zhanjiang’s 2020–2023 figures from 2017, then from each later year',
        ),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const langs = parseLang(args.lang);
      const { backtest: result, ...report } = await backtestWithReport({
        onProgress: bar.update,
        ...regionFitArgs(args),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        ...(args.origin !== undefined ? { origin: parseYearOption(args.origin, '--origin') } : {}),
        ...(args.report !== undefined ? { report: args.report } : {}),
        langs,
        png: args.png,
      }).finally(bar.finish);
      for (const note of report.notes) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktest(result));
      if (args.chart !== undefined) {
        const chartWarnings = await writeChart(args.chart, backtestChartSpec(result));
        for (const w of chartWarnings) io.stderr(`warning (chart): ${w}\n`);
        if (!args.json) io.stdout(`Chart: ${args.chart}\n`);
      }
      if (!args.json) io.stdout(formatReportLine(report.reportDir, report.reportFiles));
    },
  );
}
