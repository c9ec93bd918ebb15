import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  classifyMeasure,
  expectedKind,
  ObsKind,
  OBSERVED_COLUMNS,
  observedMeasureNames,
  Qualifier,
  RegionId,
  REQUIRED_COLUMNS,
  yearLabel,
  type Observation,
  type ObservedColumn,
  type YearSpanObs,
} from '../schema/observed.js';
import { MAX_COUNT } from '../schema/common.js';
import { InputError, InputErrors } from './errors.js';
import { numberFromText } from './numberText.js';
import { shownPath } from './loadPlan.js';
import { SEEDS_DIR } from './paths.js';
import { readText } from './readText.js';
import { suggest } from './suggest.js';

/** Years an observation may describe. */
const YEAR_MIN = 1949;
const YEAR_MAX = 2100;

/** What csv-parse returns with `info` and `raw` (its typings do not describe this form). */
const RawRecords = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }), raw: z.string() }),
);
type RawRecord = z.output<typeof RawRecords>[number];

/** The observed counts that ship with the package. */
export const SHIPPED_OBSERVED = join(SEEDS_DIR, 'data', 'observed_counts.csv');

/** Reads and validates an observed-counts CSV file (see {@link parseObserved}). */
export function loadObserved(file: string): Observation[] {
  return parseObserved(readText(file), shownPath(file));
}

/**
 * Parses the text of an observed-counts CSV file (RFC 4180 quoting: fields with commas, quotes or
 * line breaks are quoted; `""` is a quote; lines may end in CRLF, LF or a mix). Every problem is collected with its location (file,
 * line, column name), what was expected and what was found; any problem throws
 * {@link InputErrors}. Checks: the header names known columns and has the required ones; every row
 * has as many fields as the header; a known measure (a typo gets a suggestion); a year (`YYYY`, or
 * `YYYY-YYYY` for a cumulative measure); a number for the value (negative only for a net
 * increase); a known kind that fits the measure; a known qualifier; no two rows with the same
 * (region, measure, year, kind) and different values.
 */
export function parseObserved(text: string, file: string): Observation[] {
  let records: RawRecord[];
  try {
    // one kind of line end: a file saved by Excel (CRLF) and extended in another editor (LF)
    // would otherwise fail at the first line that ends differently
    const parsed: unknown = parse(text.replace(/\r\n?/g, '\n'), {
      info: true,
      raw: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
    records = RawRecords.parse(parsed);
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new InputError({
        code: 'E_SYNTAX',
        message: 'the file is not valid CSV',
        location: { file, ...(line !== undefined ? { line } : {}) },
        expected: 'CSV as RFC 4180 writes it (a quoted field ends with a quote)',
        // csv-parse names the character it stopped at, a line break among them: one line
        found: e.message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'),
      });
    }
    throw e;
  }
  const header = records[0];
  if (header === undefined) {
    throw new InputError({
      code: 'E_EMPTY',
      message: 'the file has no header row',
      location: { file, line: 1 },
      expected: OBSERVED_COLUMNS.join(','),
      found: 'an empty file',
    });
  }
  const errors: InputError[] = [];
  const at = (
    line: number,
    column: string | undefined,
    message: string,
    expected: string,
    found: string,
    hint?: string,
  ): void => {
    errors.push(
      new InputError({
        code: 'E_SCHEMA',
        message,
        location: { file, line, ...(column !== undefined ? { path: column } : {}) },
        expected,
        found,
        ...(hint !== undefined ? { hint } : {}),
      }),
    );
  };

  const columns = header.record.map((c) => c.trim());
  const known = new Set<string>(OBSERVED_COLUMNS);
  columns.forEach((c, i) => {
    if (!known.has(c)) {
      const near = suggest(c, OBSERVED_COLUMNS);
      at(
        1,
        c === '' ? `column ${i + 1}` : c,
        'unknown column',
        `one of ${OBSERVED_COLUMNS.join(', ')}`,
        JSON.stringify(c),
        near !== undefined ? `did you mean \`${near}\`?` : undefined,
      );
    } else if (columns.indexOf(c) !== i) {
      at(
        1,
        c,
        'column named twice',
        'each column once',
        `${c} in columns ${columns.indexOf(c) + 1} and ${i + 1}`,
      );
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c))
      at(1, c, 'missing column', `a column named ${c}`, `columns ${columns.join(', ')}`);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  const col = (r: readonly string[], name: ObservedColumn): string => {
    const i = columns.indexOf(name);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };

  const out: Observation[] = [];
  const seen = new Map<string, Observation>();
  for (const rec of records.slice(1)) {
    // the record ends on info.lines; it starts as many lines earlier as it holds line breaks
    const body = rec.raw.replace(/\r?\n$/, '');
    const line = rec.info.lines - (body.match(/\n/g)?.length ?? 0);
    const r = rec.record;
    if (r.length !== columns.length) {
      at(
        line,
        undefined,
        'wrong number of fields',
        `${columns.length} fields (${columns.join(',')})`,
        `${r.length} fields`,
        'quote a field that holds a comma',
      );
      continue;
    }
    const before = errors.length;

    const region = col(r, 'region');
    if (!RegionId.safeParse(region).success) {
      at(
        line,
        'region',
        'bad region id',
        'lower-case letters and underscores (zhanjiang, hunan_hightech_zones, …)',
        JSON.stringify(region),
      );
    }

    const measure = col(r, 'measure');
    const cls = classifyMeasure(measure);
    if (cls === undefined) {
      const names = observedMeasureNames();
      const near = suggest(measure, names);
      at(
        line,
        'measure',
        'unknown measure',
        `one of ${names.join(', ')}`,
        JSON.stringify(measure),
        near !== undefined ? `did you mean \`${near}\`?` : undefined,
      );
    }

    const yearText = col(r, 'year');
    const year = parseYearText(yearText);
    const isCumulative = cls?.type === 'cumulative';
    if (year === undefined) {
      at(
        line,
        'year',
        'not a year',
        isCumulative
          ? `a span of years YYYY-YYYY within ${YEAR_MIN}–${YEAR_MAX}`
          : `a year YYYY within ${YEAR_MIN}–${YEAR_MAX}`,
        JSON.stringify(yearText),
      );
    } else if (year.from !== year.to && !isCumulative) {
      at(
        line,
        'year',
        'a span of years is only allowed for a cumulative measure (`*_new_cumulative`)',
        'a single year YYYY',
        JSON.stringify(yearText),
      );
    } else if (year.from === year.to && isCumulative) {
      at(
        line,
        'year',
        'a cumulative measure needs the span of years it sums',
        'YYYY-YYYY',
        JSON.stringify(yearText),
      );
    }

    const valueText = col(r, 'value');
    const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(valueText) ? Number(valueText) : Number.NaN;
    if (!Number.isFinite(value)) {
      // "约300" (about), "超300" (more than): the figure, with the qualifier that says so
      const worded = /^(约|大约|近|超过|超|逾|突破)\s*(.+)$/.exec(valueText);
      const qualifier =
        worded?.[1] !== undefined && /^(约|大约|近)$/.test(worded[1]) ? 'approximate' : 'lower_bound';
      const rest = worded?.[2]?.trim();
      const figure =
        rest === undefined ? undefined : /^\d+(\.\d+)?$/.test(rest) ? Number(rest) : numberFromText(rest);
      const meant = numberFromText(valueText);
      at(
        line,
        'value',
        'not a number',
        'a number written with digits (no thousands separators or units)',
        JSON.stringify(valueText),
        figure !== undefined
          ? `did you mean ${String(figure)}, with qualifier ${qualifier}?`
          : meant !== undefined
            ? `did you mean ${String(meant)}?`
            : undefined,
      );
    } else if (Math.abs(value) > MAX_COUNT) {
      at(line, 'value', 'too large a count', `a count of at most ${MAX_COUNT}`, valueText);
    } else if (value < 0 && cls?.type !== 'net') {
      at(line, 'value', 'a negative count', 'a number ≥ 0 (only a net increase may be negative)', valueText);
    }

    const kindText = col(r, 'kind');
    const kind = ObsKind.safeParse(kindText);
    if (!kind.success) {
      const near = suggest(kindText, ObsKind.options);
      at(
        line,
        'kind',
        'unknown kind',
        `one of ${ObsKind.options.join(', ')}`,
        JSON.stringify(kindText),
        near !== undefined ? `did you mean \`${near}\`?` : undefined,
      );
    } else if (cls !== undefined && kind.data !== 'target') {
      const want = expectedKind(cls);
      if (want !== undefined && want !== kind.data) {
        at(line, 'kind', `the kind does not fit the measure ${measure}`, `${want} (or target)`, kind.data);
      }
    }

    const qualText = columns.includes('qualifier') ? col(r, 'qualifier') : 'exact';
    const qualifier = Qualifier.safeParse(qualText);
    if (!qualifier.success) {
      const near = suggest(qualText, Qualifier.options);
      at(
        line,
        'qualifier',
        'unknown qualifier',
        `one of ${Qualifier.options.join(', ')}`,
        JSON.stringify(qualText),
        near !== undefined ? `did you mean \`${near}\`?` : undefined,
      );
    }

    if (errors.length > before || year === undefined || !kind.success || !qualifier.success) continue;
    const obs: Observation = {
      line,
      region,
      measure,
      year,
      value,
      kind: kind.data,
      qualifier: qualifier.data,
      description: col(r, 'description'),
      sourceTitle: col(r, 'source_title'),
      sourceUrl: col(r, 'source_url'),
      quote: col(r, 'quote'),
    };
    const key = `${region}\u001f${measure}\u001f${yearLabel(year)}\u001f${kind.data}`;
    const first = seen.get(key);
    if (first !== undefined && first.value !== value) {
      at(
        line,
        'value',
        `duplicate of line ${first.line} (${region}, ${measure}, ${yearLabel(year)}, ${kind.data}) with a different value`,
        String(first.value),
        valueText,
        'keep one row per figure, or correct the year or kind',
      );
      continue;
    }
    if (first === undefined) seen.set(key, obs);
    out.push(obs);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return out;
}

/** "2017" → {2017, 2017}; "2017-2021" → {2017, 2021}; anything else (or out of range) → undefined. */
function parseYearText(s: string): YearSpanObs | undefined {
  const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(s);
  if (m === null) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  const ok = (y: number): boolean => y >= YEAR_MIN && y <= YEAR_MAX;
  if (!ok(from) || !ok(to) || to < from) return undefined;
  return { from, to };
}
