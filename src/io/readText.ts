import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';
import { decodeUtf8 } from './parseDocument.js';
import { shownPath } from './paths.js';
import { suggest } from './suggest.js';

/**
 * Reads a UTF-8 text file, with a located error when it is missing (naming the nearest file of
 * its folder) or not UTF-8.
 */
export function readText(file: string): string {
  const shown = shownPath(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const folder = dirname(file);
    const near =
      code === 'ENOENT' && existsSync(folder) ? suggest(basename(file), readdirSync(folder)) : undefined;
    throw new InputError({
      code: 'E_NOT_FOUND',
      message: code === 'EISDIR' ? 'is a folder, not a file' : 'cannot read the file',
      location: { file: shown },
      expected: 'a readable file',
      found: code === 'ENOENT' ? 'no such file' : String(code ?? e),
      ...(near !== undefined ? { hint: `did you mean \`${shownPath(join(folder, near))}\`?` } : {}),
    });
  }
  return decodeUtf8(bytes, shown);
}
