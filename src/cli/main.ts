#!/usr/bin/env node
import { Interrupted, SIGNAL_EXIT, type StopSignal } from '../io/interrupt.js';
import { runCli } from './runCli.js';

// The only code that touches the process. A first SIGINT (Ctrl-C) or SIGTERM asks the run to
// stop: long loops stop at their next block, every temporary file or folder is removed on the
// way out, and the exit code is 130 / 143. A second one exits at once.
const stop = new AbortController();
let stoppedBy: StopSignal | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppedBy !== undefined) process.exit(SIGNAL_EXIT[signal]);
    stoppedBy = signal;
    stop.abort(new Interrupted(signal));
  });
}
// output piped into a command that has stopped reading (`ladder plans | head`): not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY && process.env['CI'] === undefined,
  signal: stop.signal,
  debug: process.env['LADDER_DEBUG'] === '1',
});
process.exitCode = stoppedBy !== undefined ? SIGNAL_EXIT[stoppedBy] : code;
