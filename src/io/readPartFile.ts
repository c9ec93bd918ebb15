import { PartialResult } from '../schema/partial.js';
import { InputError } from './errors.js';
import { shownPath } from './loadPlan.js';
import { validate, type SourceDoc } from './parseDocument.js';
import { readText } from './readText.js';

/** A partial-result file and where it came from. */
export interface PartFile {
  readonly file: string;
  readonly part: PartialResult;
}

/**
 * Reads a partial-result file (`ladder run … --shard i/n`). Parsed with JSON.parse, not the YAML
 * parser: a part of a large run holds many histogram buckets. Errors give the file and field path.
 */
export function readPartFile(file: string): PartFile {
  const shown = shownPath(file);
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError({
      code: 'E_SYNTAX',
      message: `not valid JSON: ${(e as Error).message}`,
      location: { file: shown },
      expected: 'a partial result written by `ladder run … --shard i/n`',
    });
  }
  const doc: SourceDoc = { file: shown, data, locate: () => undefined };
  return { file: shown, part: validate(doc, PartialResult) };
}
