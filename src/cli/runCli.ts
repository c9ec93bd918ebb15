import yargs, { type Argv } from 'yargs';
import { formatInputError, InputError, InputErrors } from '../io/errors.js';
import { packageVersion } from '../io/version.js';
import { backtestCommandSpec } from './commands/backtest.js';
import { calibrateCommandSpec } from './commands/calibrate.js';
import { compareCommandSpec } from './commands/compare.js';
import { goalSeekCommandSpec } from './commands/goalSeek.js';
import { initCommandSpec } from './commands/init.js';
import { mergeCommandSpec } from './commands/merge.js';
import { plansCommand } from './commands/plans.js';
import { projectCommandSpec } from './commands/project.js';
import { runCommandSpec } from './commands/run.js';
import { sensitivityCommandSpec } from './commands/sensitivity.js';
import { sweepCommandSpec } from './commands/sweep.js';
import type { Io } from './io.js';

export type { Io } from './io.js';

/** Exit codes: 0 done, 1 internal error, 2 bad input or usage. */
export const EXIT = { ok: 0, internal: 1, input: 2 } as const;

class UsageError extends Error {}

/** Every command: each registers itself on the parser (one file per command in commands/). */
const COMMANDS: readonly ((y: Argv, io: Io) => Argv)[] = [
  plansCommand,
  runCommandSpec,
  compareCommandSpec,
  sweepCommandSpec,
  goalSeekCommandSpec,
  initCommandSpec,
  sensitivityCommandSpec,
  calibrateCommandSpec,
  projectCommandSpec,
  backtestCommandSpec,
  mergeCommandSpec,
];

/**
 * Parses argv and runs a command. The only code that decides what goes to stdout and stderr;
 * returns the exit code instead of exiting, so tests can call it in-process.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let parser = yargs([...argv])
    .scriptName('ladder')
    .usage(
      '$0 <command> [options]\n\nMonte Carlo simulator of the ladder of innovative firms: 科技型中小企业 → 高企 → 专精特新 → listed.',
    )
    .version(packageVersion())
    .strict()
    .recommendCommands()
    .demandCommand(1, 'Name a command (see the list above).')
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs passes the thrown error, or only a message for a usage problem
      throw (err as Error | undefined) ?? new UsageError(usageMessage(msg, argv));
    });
  for (const add of COMMANDS) parser = add(parser, io);
  parser = parser
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
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

/** yargs' "Did you mean X?" for an unknown command, said with what was found. */
function usageMessage(msg: string, argv: readonly string[]): string {
  const near = /^Did you mean (\S+)\?$/.exec(msg)?.[1];
  const command = argv.find((a) => !a.startsWith('-'));
  return near !== undefined && command !== undefined
    ? `unknown command ${JSON.stringify(command)}; did you mean \`${near}\`?`
    : msg;
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
