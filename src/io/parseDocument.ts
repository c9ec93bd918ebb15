import { extname } from 'node:path';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { InputError, InputErrors } from './errors.js';
import { jsonSyntaxProblem } from './jsonSyntax.js';
import { numberHint } from './numberText.js';
import { suggest } from './suggest.js';

/** A parsed YAML/JSON text that can say where each field came from. */
export interface SourceDoc {
  readonly file: string;
  readonly data: unknown;
  /**
   * line/column (1-based) of the field at `path`, or of its nearest existing parent; `file` when
   * the field was written in another file than `file` (a scenario it `extends`)
   */
  locate(path: readonly PropertyKey[], key?: string): SourcePosition | undefined;
}

/** Where a field of a document was written. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly file?: string;
}

/** Deepest nesting of `[ ]` and `{ }` a document may have: far beyond any plan or scenario. */
export const MAX_NESTING = 64;

/** Decodes bytes as UTF-8 (a UTF-8 BOM is dropped), refusing anything else with its location. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new InputError({
      code: 'E_ENCODING',
      message: 'the file is UTF-16; save it as UTF-8',
      location: { file, line: 1 },
      expected: 'UTF-8 text',
      found: 'a UTF-16 byte-order mark',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError({
      code: 'E_ENCODING',
      message:
        'the file holds NUL bytes: UTF-16 without a byte-order mark, or not a text file; save it as UTF-8',
      location: { file, line },
      expected: 'UTF-8 text',
      found: `a NUL byte at offset ${nul}`,
    });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    // find the first bad byte for the location
    let line = 1;
    let offset = 0;
    for (let i = 0; i < bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, i + 1));
      } catch {
        // may be an incomplete sequence: look ahead up to 3 bytes
        let ok = false;
        for (let k = 1; k <= 3 && i + k < bytes.length; k++) {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, i + 1 + k));
            ok = true;
            break;
          } catch {
            /* keep looking */
          }
        }
        if (!ok) {
          throw new InputError({
            code: 'E_ENCODING',
            message: 'the file is not valid UTF-8 (GBK or another legacy encoding?); save it as UTF-8',
            location: { file, line },
            expected: 'UTF-8 text',
            found: `byte 0x${(bytes[i] ?? 0).toString(16)} at offset ${i}`,
          });
        }
      }
      if (bytes[i] === 0x0a) {
        line++;
        offset = i + 1;
      }
    }
    throw new InputError({
      code: 'E_ENCODING',
      message: 'the file is not valid UTF-8',
      location: { file },
      expected: 'UTF-8 text',
      found: 'an incomplete character at the end',
    });
  }
}

/** Parses YAML (or JSON, a subset of YAML 1.2), refusing syntax errors and duplicate keys. */
export function parseSource(text: string, file: string): SourceDoc {
  if (text.trim() === '') {
    throw new InputError({
      code: 'E_EMPTY',
      message: 'the file is empty',
      location: { file, line: 1 },
      expected: 'a YAML or JSON document',
      found: 'nothing',
    });
  }
  const lineCounter = new LineCounter();
  const json = extname(file).toLowerCase() === '.json';
  // YAML accepts what JSON refuses (trailing commas, comments, bare words): a .json file is JSON
  checkNesting(text, file, json);
  if (json) checkJson(text, file);
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new InputErrors(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const dup = e.code === 'DUPLICATE_KEY';
        const lineText = pos !== undefined ? lineAt(text, pos.line) : undefined;
        const key = dup ? /^\s*["']?([^"':]+)/.exec(text.slice(e.pos[0]))?.[1]?.trim() : undefined;
        return new InputError({
          code: 'E_SYNTAX',
          message: dup
            ? 'a key appears twice in the same mapping'
            : `syntax error: ${(e.message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '')}`,
          location: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
          ...(dup
            ? {
                expected: 'each key once',
                found: key !== undefined ? `the key ${JSON.stringify(key)} again` : 'a duplicate key',
              }
            : {
                expected: `valid ${json ? 'JSON' : 'YAML'}`,
                ...(lineText !== undefined ? { found: JSON.stringify(lineText) } : {}),
              }),
        });
      }),
    );
  }
  if (doc.contents === null) {
    throw new InputError({
      code: 'E_EMPTY',
      message: 'the file has no content',
      location: { file, line: 1 },
      expected: 'a YAML or JSON document',
      found: 'only comments',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // the yaml library refuses an alias that expands too far ("billion laughs"); a structure too
    // deep for the stack slipped past checkNesting (block indentation)
    if (e instanceof ReferenceError) {
      throw new InputError({
        code: 'E_SYNTAX',
        message: 'aliases (*name) expand the document too far',
        location: { file, line: 1 },
        expected: `at most ${MAX_ALIAS_COUNT} expansions of aliases`,
        found: 'more',
      });
    }
    if (e instanceof RangeError) {
      throw new InputError({
        code: 'E_SYNTAX',
        message: 'the document nests too deeply',
        location: { file, line: 1 },
        expected: `at most ${MAX_NESTING} levels of nesting`,
        found: 'more',
      });
    }
    throw e;
  }
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return {
    file,
    data,
    locate(path, key) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | null | undefined;
        if (node === undefined || node === null) continue;
        if (key !== undefined && n === path.length && isMap(node)) {
          const pair = node.items.find(
            (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key,
          );
          const range = pair !== undefined && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return pos(range[0]);
        }
        const range = (node as { range?: [number, number, number] | null }).range;
        if (range) return pos(range[0]);
      }
      return undefined;
    },
  };
}

/** Expansions of YAML aliases (`*name`) a document may make. */
const MAX_ALIAS_COUNT = 100;

/**
 * Refuses `[ ]`/`{ }` nested deeper than MAX_NESTING (outside quoted strings and comments) before
 * a parser recurses into it: a deep enough text would overflow the stack.
 */
function checkNesting(text: string, file: string, json: boolean): void {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"' || (c === "'" && !json)) {
      // skip the quoted string (JSON and YAML double quotes escape with \, YAML single quotes with '')
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\' && c === '"') i++;
        else if (text[i] === '\n') line++;
      }
    } else if (c === '#' && !json) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING) {
        throw new InputError({
          code: 'E_SYNTAX',
          message: 'the document nests too deeply',
          location: { file, line },
          expected: `at most ${MAX_NESTING} levels of [ ] and { }`,
          found: `more than ${MAX_NESTING}`,
        });
      }
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
}

/** The text of a line (1-based), trimmed and shortened for a message. */
function lineAt(text: string, line: number): string | undefined {
  const t = text.split('\n')[line - 1]?.trim();
  if (t === undefined) return undefined;
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

/** Refuses text that is not strict JSON, locating the first character that breaks it. */
function checkJson(text: string, file: string): void {
  const problem = jsonSyntaxProblem(text);
  if (problem === undefined) return;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  const ch = text[problem.offset];
  throw new InputError({
    code: 'E_SYNTAX',
    message: 'syntax error: not valid JSON',
    location: { file, line, column },
    expected: problem.expected,
    found:
      ch === undefined
        ? 'the end of the file'
        : `${JSON.stringify(ch)} in ${JSON.stringify(lineAt(text, line))}`,
  });
}

/** All object keys that appear anywhere in a zod schema (for "did you mean" suggestions). */
export function schemaKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (s === null || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (def === undefined) return;
    const shape = def['shape'];
    if (shape !== null && typeof shape === 'object') {
      for (const [k, v] of Object.entries(shape)) {
        keys.add(k);
        walk(v);
      }
    }
    for (const field of ['element', 'innerType', 'valueType', 'keyType', 'in', 'out', 'schema'])
      walk(def[field]);
    const options = def['options'];
    if (Array.isArray(options)) options.forEach(walk);
    const entries = def['entries'];
    if (entries !== null && typeof entries === 'object') for (const k of Object.keys(entries)) keys.add(k);
  };
  walk(schema);
  return keys;
}

/** Words people write for yes and no, which YAML 1.2 reads as text. */
const YES_NO: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  on: true,
  true: true,
  是: true,
  开: true,
  no: false,
  n: false,
  off: false,
  false: false,
  否: false,
  关: false,
};

/** "did you mean false?" for `"no"` where true or false is expected. */
function booleanHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const b = YES_NO[value.trim().toLowerCase()];
  return b === undefined ? undefined : `did you mean ${String(b)}? (write true or false)`;
}

/** A value as a message names it: `the string "x"`, `the number 5`, `a list`, `null`. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/**
 * Validates a parsed document against a zod schema. Every issue becomes an InputError with the
 * file, line and field path, what was expected and what was found, and for an unknown key the
 * nearest known one.
 */
export function validate<S extends z.ZodType>(
  doc: SourceDoc,
  schema: S,
  pathPrefix: readonly PropertyKey[] = [],
): z.output<S> {
  const result = schema.safeParse(valueAt(doc.data, pathPrefix));
  if (result.success) return result.data;
  const known = schemaKeys(schema);
  const errors: InputError[] = [];
  for (const issue of tightestBounds(result.error.issues)) {
    const path = [...pathPrefix, ...issue.path];
    const dotted = path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = suggest(key, known);
        const loc = doc.locate(path, key);
        errors.push(
          new InputError({
            code: 'E_SCHEMA',
            message: `unknown key ${JSON.stringify(key)}`,
            location: { file: doc.file, ...loc, path: [...path, key].map(String).join('.') },
            expected: 'a known key',
            found: JSON.stringify(key),
            ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
          }),
        );
      }
      continue;
    }
    const found = valueAt(doc.data, path);
    const loc = doc.locate(path);
    let expected: string | undefined;
    let message = issue.message;
    let near: string | undefined;
    let hint: string | undefined;
    if (issue.code === 'invalid_type') {
      expected = issue.expected;
      message = found === undefined ? 'missing field' : 'wrong type';
      if (issue.expected === 'number') hint = numberHint(found);
      if (issue.expected === 'boolean') hint = booleanHint(found);
    } else if (issue.code === 'invalid_key') {
      // a record's key of the wrong form (`moveInBonus` where ids are `move-in-bonus`)
      const key = String(issue.path[issue.path.length - 1] ?? '');
      const inner = issue.issues[0];
      const own =
        inner?.message !== undefined && !inner.message.startsWith('Invalid') ? inner.message : undefined;
      expected = `a key of ${own ?? 'the allowed form'}`;
      message = `bad key ${JSON.stringify(key)}`;
      const kebab = key
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .replace(/[_\s]+/g, '-')
        .toLowerCase();
      if (kebab !== key) hint = `did you mean \`${kebab}\`?`;
      errors.push(
        new InputError({
          code: 'E_SCHEMA',
          message,
          location: { file: doc.file, ...doc.locate(path.slice(0, -1), key), path: dotted },
          expected,
          found: JSON.stringify(key),
          ...(hint !== undefined ? { hint } : {}),
        }),
      );
      continue;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const incl = issue.inclusive === false ? '' : '=';
      const sized = issue.origin === 'array' || issue.origin === 'string';
      const unit = `${issue.origin === 'array' ? 'item' : 'character'}${Number(bound) === 1 ? '' : 's'}`;
      expected = sized
        ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} ${unit}`
        : `a number ${issue.code === 'too_small' ? '>' : '<'}${incl} ${String(bound)}`;
      message = sized ? `too ${issue.code === 'too_small' ? 'short' : 'long'}` : 'value out of range';
    } else if (issue.code === 'invalid_value') {
      expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      message = 'value not allowed';
      if (typeof found === 'string') near = suggest(found, issue.values.map(String));
    } else if (issue.code === 'invalid_format') {
      // a schema's own wording ("lower-case letters, digits and dashes") reads better than its regex
      const own = issue.message.startsWith('Invalid') ? undefined : issue.message;
      expected =
        issue.format === 'regex'
          ? `${own ?? 'text'} (matching ${String((issue as { pattern?: unknown }).pattern)})`
          : issue.format;
      message = 'badly formed text';
    } else if (issue.code === 'invalid_union') {
      // a discriminated union names its allowed tags; a plain union, the type of each branch
      const options = (issue as { options?: unknown }).options;
      const types = issue.errors.map((branch) => {
        const first = branch[0];
        return branch.length === 1 && first?.code === 'invalid_type' ? first.expected : undefined;
      });
      if (Array.isArray(options)) {
        expected = `one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
        message = 'value not allowed';
        if (typeof found === 'string') near = suggest(found, options.map(String));
      } else if (types.length > 0 && types.every((t) => t !== undefined)) {
        expected = [...new Set(types)].join(' or ');
        message = 'wrong type';
      } else {
        expected = 'one of the allowed forms';
        message = 'no allowed form matches';
      }
    }
    // custom checks already say what was expected and found in their message
    const custom = issue.code === 'custom';
    errors.push(
      new InputError({
        code: 'E_SCHEMA',
        message,
        location: { file: doc.file, ...loc, path: dotted },
        ...(expected !== undefined && !custom ? { expected } : {}),
        ...(custom ? {} : { found: describeFound(found) }),
        ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : hint !== undefined ? { hint } : {}),
      }),
    );
  }
  throw new InputErrors(errors);
}

/**
 * The issues with, at each path, only the tightest of several bounds: `runs: 1e20` breaks both
 * `max(10000000)` and int()'s safe-integer bound, and only the first is worth saying.
 */
function tightestBounds(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const bound = (i: z.core.$ZodIssue): number | undefined =>
    i.code === 'too_big' ? Number(i.maximum) : i.code === 'too_small' ? Number(i.minimum) : undefined;
  return issues.filter((issue) => {
    const b = bound(issue);
    if (b === undefined) return true;
    const key = issue.path.map(String).join('.');
    return !issues.some((other) => {
      const o = bound(other);
      if (other === issue || o === undefined || other.code !== issue.code) return false;
      if (other.path.map(String).join('.') !== key) return false;
      return issue.code === 'too_big' ? o < b : o > b;
    });
  });
}
