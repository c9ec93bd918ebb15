import yargs, { type Argv } from 'yargs';
import { formatInputError, InputError, InputErrors } from '../io/errors.js';
import { Interrupted, SIGNAL_EXIT } from '../io/interrupt.js';
import { suggest } from '../io/suggest.js';
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

/** Exit codes: 0 done, 1 internal error, 2 bad input or usage; 130 / 143 stopped by SIGINT / SIGTERM. */
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
  let parser: Argv = yargs([...argv])
    .scriptName('ladder')
    .usage(
      '$0 <command> [options]\n\nMonte Carlo simulator of the ladder of innovative firms: 科技型中小企业 → 高企 → 专精特新 → listed.',
    )
    .version(packageVersion())
    .strict()
    .recommendCommands()
    .demandCommand(1, 'Name a command (see the list above).')
    .exitProcess(false)
    .option('debug', {
      type: 'boolean',
      default: false,
      describe: 'on an internal error, print where it happened (the stack trace)',
    })
    .fail((msg, err, usage: unknown) => {
      // yargs passes the thrown error, or only a message for a usage problem
      throw (err as Error | undefined) ?? usageError(msg, argv, optionNames(usage));
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
    return reportError(e, { ...io, debug: io.debug === true || argv.includes('--debug') });
  }
}

/** The options of the command yargs was parsing (its usage object lists them), for suggestions. */
function optionNames(usage: unknown): string[] {
  const get = (usage as { getDescriptions?: unknown } | null)?.getDescriptions;
  if (typeof get !== 'function') return [];
  const described: unknown = get.call(usage);
  return described !== null && typeof described === 'object'
    ? Object.keys(described).filter((k) => !['help', 'version', 'debug'].includes(k))
    : [];
}

/**
 * A yargs usage message as a located error: an unknown option or command with the nearest known
 * one, a missing option with its name; anything else as yargs says it.
 */
function usageError(msg: string, argv: readonly string[], options: readonly string[]): Error {
  const flag = (o: string): string => `${o.length === 1 ? '-' : '--'}${o}`;
  const near = /^Did you mean (\S+)\?$/.exec(msg)?.[1];
  const command = argv.find((a) => !a.startsWith('-'));
  if (near !== undefined && command !== undefined) {
    return new InputError({
      code: 'E_USAGE',
      message: `unknown command ${JSON.stringify(command)}`,
      location: { path: command },
      expected: 'a command (see `ladder --help`)',
      found: JSON.stringify(command),
      hint: `did you mean \`${near}\`?`,
    });
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(msg)?.[1];
  if (unknown !== undefined) {
    const name = unknown.split(', ')[0] ?? unknown;
    const close = suggest(name, options);
    return new InputError({
      code: 'E_USAGE',
      message: `unknown option ${flag(name)}`,
      location: { path: flag(name) },
      expected:
        options.length > 0 ? `an option of this command: ${options.map(flag).join(', ')}` : 'no option',
      found: unknown.split(', ').map(flag).join(', '),
      ...(close !== undefined ? { hint: `did you mean \`${flag(close)}\`?` } : {}),
    });
  }
  const missing = /^Missing required arguments?: (.+)$/.exec(msg)?.[1];
  if (missing !== undefined) {
    const names = missing.split(', ');
    return new InputError({
      code: 'E_USAGE',
      message: `missing ${names.map(flag).join(', ')}`,
      location: { path: flag(names[0] ?? missing) },
      expected: names.map((n) => `${flag(n)} <value>`).join(' '),
      found: 'nothing',
    });
  }
  return new UsageError(msg);
}

function reportError(e: unknown, io: Io): number {
  const reason: unknown = io.signal?.aborted === true ? io.signal.reason : undefined;
  const stopped = e instanceof Interrupted ? e : reason instanceof Interrupted ? reason : undefined;
  if (stopped !== undefined) {
    io.stderr(`stopped by ${stopped.signal}: nothing was written (a previous report is left as it was)\n`);
    return SIGNAL_EXIT[stopped.signal];
  }
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
  // a fault of the program, not of the input: one line (a worker thread's error carries its
  // stack in the message), and the stack trace only when asked for
  const text = e instanceof Error ? e.message : String(e);
  if (io.debug === true) {
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? text) : text}\n`);
  } else {
    io.stderr(
      `internal error: ${text.split('\n')[0] ?? ''}\n` +
        '(a fault in ladder rather than in the input; run again with --debug to see where it happened)\n',
    );
  }
  return EXIT.internal;
}
