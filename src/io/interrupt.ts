/** The signals that stop a run: Ctrl-C in a terminal, and a polite kill. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Exit code of a run stopped by a signal, as a shell reports it: 128 + the signal's number. */
export const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * A run stopped by a signal: not an error of the input nor of the program. It travels up like an
 * exception so that every `finally` on the way removes what the run had started to write.
 */
export class Interrupted extends Error {
  readonly signal: StopSignal;
  constructor(signal: StopSignal) {
    super(`stopped by ${signal}`);
    this.name = 'Interrupted';
    this.signal = signal;
  }
}

/**
 * Lets the event loop turn once (so a signal's handler can run), then throws the signal's
 * reason if the run was asked to stop. Long loops await it between blocks of work; it changes no
 * result, only when the work can be stopped.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => {
    setImmediate(resolve);
  });
  signal?.throwIfAborted();
}
