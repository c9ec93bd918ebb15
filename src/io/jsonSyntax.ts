/** Where a text stops being strict JSON, and what would have been valid there. */
export interface JsonSyntaxProblem {
  /** offset (0-based, UTF-16 units) of the first character that cannot continue the text */
  readonly offset: number;
  readonly expected: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

/**
 * Finds the first place where `text` breaks the JSON grammar (RFC 8259), by recursive descent.
 * `JSON.parse` says whether a text is JSON but, for some errors, not where; YAML, which reads
 * JSON too, accepts what JSON refuses (trailing commas, comments, single quotes, bare words).
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  let comma = 0;
  const stop = (expected: string): JsonSyntaxProblem => ({ offset: i, expected });
  // `[1, 2,]`: the comma is the mistake, so point at it
  const trailingComma = (): JsonSyntaxProblem => ({
    offset: comma,
    expected: `another entry after the comma, or no comma before "${text.charAt(i)}" (JSON allows no trailing comma)`,
  });
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (what: string): JsonSyntaxProblem | undefined => {
    if (text[i] !== '"') return stop(what);
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return stop('a closing "');
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < ' ') return stop('no control character inside a string (write \\n, \\t)');
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === undefined || !ESCAPES.includes(e))
          return stop(`an escape (one of \\${ESCAPES.split('').join(' \\')})`);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return stop('four hex digits after \\u');
          i += 4;
        }
      }
      i++;
    }
  };
  const value = (): JsonSyntaxProblem | undefined => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return undefined;
      }
      for (;;) {
        space();
        if (text[i] === '}') return trailingComma();
        const k = string('a double-quoted key');
        if (k !== undefined) return k;
        space();
        if (text[i] !== ':') return stop('":"');
        i++;
        const v = value();
        if (v !== undefined) return v;
        space();
        if (text[i] === '}') {
          i++;
          return undefined;
        }
        if (text[i] !== ',') return stop('"," or "}"');
        comma = i;
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return undefined;
      }
      for (;;) {
        space();
        if (text[i] === ']') return trailingComma();
        const v = value();
        if (v !== undefined) return v;
        space();
        if (text[i] === ']') {
          i++;
          return undefined;
        }
        if (text[i] !== ',') return stop('"," or "]"');
        comma = i;
        i++;
      }
    }
    if (c === '"') return string('a string');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m === null) return stop('a number');
      i += m[0].length;
      return undefined;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    return stop('a value (object, array, double-quoted string, number, true, false or null)');
  };
  const problem = value();
  if (problem !== undefined) return problem;
  space();
  return i < text.length ? stop('the end of the document') : undefined;
}
