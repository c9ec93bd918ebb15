import type { Argv } from 'yargs';
import { backtestCommand } from '../../app/backtestRegion.js';
import { writeChart } from '../../io/writeChart.js';
import { backtestChartSpec } from '../../report/fitChart.js';
import { formatBacktest } from '../formatBacktest.js';
import type { Io } from '../io.js';
import { progressBar } from '../progressBar.js';
import { parseYearOption, regionFitArgs, regionOptions } from '../regionOptions.js';

/** `ladder backtest --region R [--origin YEAR] [--observed FILE] [--break YEAR] [--json]` */
export function backtestCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'backtest',
    'Fit up to an origin, forecast the later figures and score them beside a naive linear trend; origins roll forward while figures remain',
    (c) =>
      regionOptions(c)
        .option('origin', {
          type: 'string',
          describe:
            'first origin year (default: the earliest with a 高企 stock before it and a figure after it)',
        })
        .option('chart', {
          type: 'string',
          describe: 'write the forecasts beside the figures as a chart (.svg, or a vega-lite .json)',
        })
        .example(
          '$0 backtest --region zhanjiang --origin 2017',
          'forecast Zhanjiang’s 2020–2023 figures from 2017, then from each later year',
        ),
    async (args) => {
      const bar = progressBar(io, () => performance.now());
      const result = await backtestCommand({
        onProgress: bar.update,
        ...regionFitArgs(args),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        ...(args.origin !== undefined ? { origin: parseYearOption(args.origin, '--origin') } : {}),
      }).finally(bar.finish);
      io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktest(result));
      if (args.chart !== undefined) {
        const chartWarnings = await writeChart(args.chart, backtestChartSpec(result));
        for (const w of chartWarnings) io.stderr(`warning (chart): ${w}\n`);
        if (!args.json) io.stdout(`Chart: ${args.chart}\n`);
      }
    },
  );
}
