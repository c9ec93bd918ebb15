/** Where a command writes: injected so tests run the CLI in-process and capture both streams. */
export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}
