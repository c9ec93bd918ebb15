/** Stable error codes: what kind of problem, for tests and scripts. */
export type ErrorCode =
  | 'E_SYNTAX'
  | 'E_SCHEMA'
  | 'E_NOT_FOUND'
  | 'E_USAGE'
  | 'E_ENCODING'
  | 'E_EMPTY'
  | 'E_WRITE'
  /** partial results that do not belong together (merge) */
  | 'E_MERGE'
  /** the compiled JavaScript the worker threads run is missing */
  | 'E_NOT_BUILT';

export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** field path, dotted (`goals.2.target`) */
  readonly path?: string;
}

/**
 * An input problem a person can fix: where (file, line, field path), what was expected and what
 * was found. The CLI prints it and exits with code 2.
 */
export class InputError extends Error {
  readonly code: ErrorCode;
  readonly location: Location;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  readonly hint: string | undefined;

  constructor(args: {
    code: ErrorCode;
    message: string;
    location?: Location;
    expected?: string;
    found?: string;
    hint?: string;
  }) {
    super(args.message);
    this.name = 'InputError';
    this.code = args.code;
    this.location = args.location ?? {};
    this.expected = args.expected;
    this.found = args.found;
    this.hint = args.hint;
  }
}

/** Several input problems at once (all schema issues of a file). */
export class InputErrors extends Error {
  readonly errors: readonly InputError[];
  constructor(errors: readonly InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/** "file:line:column: path: message (expected …, found …)" for people. */
export function formatInputError(e: InputError): string {
  const { file, line, column, path } = e.location;
  let where = file ?? '';
  if (line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ''}`;
  const parts = [where, path !== undefined && path !== '' ? `at ${path}` : ''].filter((x) => x !== '');
  let msg = `${parts.join(' ')}${parts.length > 0 ? ': ' : ''}${e.message}`;
  if (e.expected !== undefined || e.found !== undefined) {
    msg += ` (expected ${e.expected ?? '?'}, found ${e.found ?? '?'})`;
  }
  if (e.hint !== undefined) msg += `; ${e.hint}`;
  return `error[${e.code}] ${msg}`;
}
