/** Where a command writes: injected so tests run the CLI in-process and capture both streams. */
export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** whether stderr is a terminal (progress bars only then) */
  readonly stderrIsTTY?: boolean;
  /** aborted when the process is asked to stop (SIGINT, SIGTERM): long work stops between blocks */
  readonly signal?: AbortSignal;
  /** print the stack trace of an internal error (also `--debug`) */
  readonly debug?: boolean;
}
