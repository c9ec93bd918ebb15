import type { Argv } from 'yargs';
import { sensitivityCommand } from '../../app/sensitivity.js';
import { InputError } from '../../io/errors.js';
import { formatSensitivity } from '../formatSensitivity.js';
import type { Io } from '../io.js';
import { hintFor, parseLang, parseRuns, parseSeed, parseWorkers } from '../options.js';
import { progressBar } from '../progressBar.js';
import { withReportOptions, withWorkersOption } from '../sharedOptions.js';

/** Parses a whole-number option within [min, max]. */
function parseWhole(v: unknown, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError({
      code: 'E_USAGE',
      message: `bad ${flag}`,
      location: { path: flag },
      expected: `a whole number from ${min} to ${max}`,
      found: JSON.stringify(v),
      ...hintFor(v),
    });
  }
  return n;
}

/**
 * `ladder sensitivity <plan-id | scenario-file> --goal G [--runs N] [--seed S] [--json] [--out DIR]
 * [--tornado-runs N] [--sobol-rows N] [--sobol-reps N] [--set path=value] [--workers K] [--lang zh|en|both] [--png]`
 */
export function sensitivityCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'sensitivity <target>',
    'What drives one goal’s verdict: one-way effects of every uncertain input and lever, Sobol’ indices, value of information, and where the plan fails; writes reports/sensitivity/<scenario>/<goal>/',
    (c) =>
      withReportOptions(withWorkersOption(c))
        .positional('target', {
          type: 'string',
          demandOption: true,
          describe: 'plan id (see `ladder plans`) or scenario file (.yaml/.json)',
        })
        .option('goal', { type: 'string', demandOption: true, describe: 'goal id (see `ladder run`)' })
        .option('runs', {
          type: 'string',
          describe: 'plain Monte Carlo sample (default: the scenario’s runs, else 10000)',
        })
        .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s, else "1")' })
        .option('tornado-runs', {
          type: 'string',
          describe: 'trajectories per one-way and lever arm (default 2000)',
        })
        .option('sobol-rows', { type: 'string', describe: 'rows of each Saltelli matrix (default 2048)' })
        .option('sobol-reps', {
          type: 'string',
          describe: 'trajectories averaged per Saltelli row (default 2)',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON on stdout' })
        .option('out', {
          type: 'string',
          describe: 'report folder (default: reports/sensitivity/<scenario>/<goal>)',
        })
        .option('set', {
          type: 'string',
          array: true,
          describe: 'override a scenario field: --set path=value (repeatable)',
        })
        .example('$0 sensitivity zhanjiang-2023 --goal hnte-700', 'what drives the 700 高企 goal')
        .example('$0 sensitivity jiangmen-2021 --goal hnte-2200 --json', 'JSON output'),
    async (args) => {
      const langs = parseLang(args.lang);
      const bar = progressBar(io, () => performance.now());
      const outcome = await sensitivityCommand({
        onProgress: bar.update,
        ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
        target: args.target,
        goal: args.goal,
        ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
        ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
        ...(args['tornado-runs'] !== undefined
          ? { tornadoRuns: parseWhole(args['tornado-runs'], '--tornado-runs', 10, 1_000_000) }
          : {}),
        ...(args['sobol-rows'] !== undefined
          ? { sobolRows: parseWhole(args['sobol-rows'], '--sobol-rows', 16, 1_000_000) }
          : {}),
        ...(args['sobol-reps'] !== undefined
          ? { sobolReps: parseWhole(args['sobol-reps'], '--sobol-reps', 1, 1000) }
          : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        ...(args.set !== undefined ? { sets: args.set } : {}),
        ...(io.signal !== undefined ? { signal: io.signal } : {}),
        langs,
        png: args.png,
      }).finally(bar.finish);
      for (const note of outcome.notes ?? []) io.stderr(`note: ${note}\n`);
      io.stdout(args.json ? `${JSON.stringify(outcome.report, null, 2)}\n` : formatSensitivity(outcome));
    },
  );
}
