import type { Argv } from 'yargs';

/**
 * Options every command that writes an HTML report takes, declared once so that they read the
 * same everywhere: `--lang zh|en|both` and `--png`. Parse `--lang` with `parseLang`.
 */
export function withReportOptions<T>(c: Argv<T>): Argv<T & { lang: string; png: boolean }> {
  return c
    .option('lang', {
      type: 'string',
      default: 'zh',
      describe: 'report language: zh, en, or both (report.html in Chinese + report.en.html)',
    })
    .option('png', {
      type: 'boolean',
      default: false,
      describe: 'also write each chart as PNG (about 1 s a chart)',
    });
}

/**
 * `--workers K`, for every command that simulates: threads to run on. Parse it with
 * `parseWorkers`; results never depend on it.
 */
export function withWorkersOption<T>(c: Argv<T>): Argv<T & { workers: string | undefined }> {
  return c.option('workers', {
    type: 'string',
    describe: 'threads to run on (default: all cores); the results do not depend on it',
  });
}
