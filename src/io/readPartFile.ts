import { PARTIAL_FORMAT, PartialResult } from '../schema/partial.js';
import { InputError } from './errors.js';
import { jsonSyntaxProblem } from './jsonSyntax.js';
import { shownPath } from './loadPlan.js';
import { describeFound, parseSource, validate, type SourceDoc } from './parseDocument.js';
import { readText } from './readText.js';

/** A partial-result file and where it came from. */
export interface PartFile {
  readonly file: string;
  readonly part: PartialResult;
}

/** Line and column (1-based) of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads a partial-result file (`ladder run … --shard i/n`). Parsed with JSON.parse, not the YAML
 * parser: a part of a large run holds many histogram buckets. Only when something is wrong is the
 * text read again to say where: the first character that breaks JSON, or the line of a field.
 */
export function readPartFile(file: string): PartFile {
  const shown = shownPath(file);
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    let problem;
    try {
      problem = jsonSyntaxProblem(text);
    } catch {
      problem = undefined; // nested too deeply to walk: say what JSON.parse said
    }
    const at = problem !== undefined ? position(text, problem.offset) : undefined;
    const ch = problem !== undefined ? text[problem.offset] : undefined;
    throw new InputError({
      code: 'E_SYNTAX',
      message: 'not valid JSON: not a part file, or one cut short',
      location: { file: shown, ...at },
      expected: `a partial result written by \`ladder run … --shard i/n\`${problem !== undefined ? ` (${problem.expected})` : ''}`,
      found:
        problem === undefined
          ? (e as Error).message
          : ch === undefined
            ? 'the end of the file'
            : JSON.stringify(ch),
    });
  }
  let source: SourceDoc | undefined;
  const doc: SourceDoc = {
    file: shown,
    data,
    locate(path, key) {
      try {
        source ??= parseSource(text, shown);
        return source.locate(path, key);
      } catch {
        return undefined;
      }
    },
  };
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== PARTIAL_FORMAT) {
    // another kind of file (a scenario, a summary): one message, not one per missing field
    throw new InputError({
      code: 'E_SCHEMA',
      message: 'not a part file of `ladder run … --shard i/n`',
      location: { file: shown, ...doc.locate(['format']), path: 'format' },
      expected: JSON.stringify(PARTIAL_FORMAT),
      found: describeFound(format),
    });
  }
  return { file: shown, part: validate(doc, PartialResult) };
}
