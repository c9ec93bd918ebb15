import yargs from 'yargs';
import { runCommand } from '../app/runScenario.js';
import { listPlans } from '../app/listPlans.js';
import { formatInputError, InputError, InputErrors } from '../io/errors.js';
import { packageVersion } from '../io/version.js';
import { MAX_RUNS } from '../schema/scenario.js';
import { formatRunTable } from './formatRun.js';
import { formatPlans } from './formatPlans.js';

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/** Exit codes: 0 done, 1 internal error, 2 bad input or usage. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

class UsageError extends Error {}

function parseRuns(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUNS) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --runs',
      location: { path: '--runs' },
      expected: `a whole number from 1 to ${MAX_RUNS}`,
      found: JSON.stringify(v),
    });
  }
  return n;
}

/**
 * Parses argv and runs a command. The only code that decides what goes to stdout and stderr;
 * returns the exit code instead of exiting, so tests can call it in-process.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const parser = yargs([...argv])
    .scriptName('ladder')
    .usage(
      '$0 <command> [options]\n\nMonte Carlo simulator of the ladder of innovative firms: 科技型中小企业 → 高企 → 专精特新 → listed.',
    )
    .version(packageVersion())
    .strict()
    .recommendCommands()
    .demandCommand(1, 'Name a command: plans, run.')
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs passes the thrown error, or only a message for a usage problem
      throw (err as Error | undefined) ?? new UsageError(msg);
    })
    .command(
      'plans',
      'List the plans shipped in seeds/ with their goals',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
      (args) => {
        const plans = listPlans();
        io.stdout(args.json ? `${JSON.stringify(plans, null, 2)}\n` : formatPlans(plans));
      },
    )
    .command(
      'run <target>',
      'Simulate a plan (by id: runs its baseline scenario) or a scenario file; print each goal with P(met) and write reports/<scenario>/',
      (y) =>
        y
          .positional('target', {
            type: 'string',
            demandOption: true,
            describe: 'plan id (see `ladder plans`) or scenario file (.yaml/.json)',
          })
          .option('runs', {
            type: 'string',
            describe: 'number of trajectories (default: the scenario’s, else 10000)',
          })
          .option('seed', { type: 'string', describe: 'random seed (default: the scenario’s, else "1")' })
          .option('json', {
            type: 'boolean',
            default: false,
            describe: 'print the summary as JSON on stdout',
          })
          .option('out', { type: 'string', describe: 'report folder (default: reports/<scenario>)' })
          .example('$0 run zhanjiang-2023', 'the Zhanjiang plan, baseline scenario')
          .example(
            '$0 run scenarios/jiangmen-2021.yaml --runs 20000 --seed 7 --json',
            'a scenario file, JSON output',
          ),
      (args) => {
        const outcome = runCommand({
          target: args.target,
          ...(args.runs !== undefined ? { runs: parseRuns(args.runs) } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(args.out !== undefined ? { out: args.out } : {}),
        });
        if (args.json) io.stdout(`${JSON.stringify(outcome.summary, null, 2)}\n`);
        else io.stdout(formatRunTable(outcome));
      },
    )
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100));
  try {
    let failure: Error | undefined;
    await parser.parseAsync([...argv], {}, (err: unknown, _argv, output) => {
      if (err instanceof Error) failure = err;
      else if (err !== undefined && err !== null) failure = new UsageError(JSON.stringify(err));
      else if (output !== '') io.stdout(`${output}\n`);
    });
    if (failure !== undefined) throw failure;
  } catch (e) {
    code = reportError(e, io);
  }
  return code;
}

function reportError(e: unknown, io: Io): number {
  if (e instanceof InputErrors) {
    for (const err of e.errors) io.stderr(`${formatInputError(err)}\n`);
    return EXIT.input;
  }
  if (e instanceof InputError) {
    io.stderr(`${formatInputError(e)}\n`);
    return EXIT.input;
  }
  if (e instanceof UsageError || (e instanceof Error && e.name === 'YError')) {
    io.stderr(`error[E_USAGE] ${e.message}\nRun \`ladder --help\` for the commands and options.\n`);
    return EXIT.input;
  }
  io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.internal;
}
