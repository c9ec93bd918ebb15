import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { decodeUtf8 } from './parseDocument.js';

/** Reads a UTF-8 text file, with a located error when it is missing or not UTF-8. */
export function readText(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      code: 'E_NOT_FOUND',
      message: code === 'EISDIR' ? 'is a folder, not a file' : 'cannot read the file',
      location: { file },
      expected: 'a readable file',
      found: code === 'ENOENT' ? 'no such file' : String(code ?? e),
    });
  }
  return decodeUtf8(bytes, file);
}
