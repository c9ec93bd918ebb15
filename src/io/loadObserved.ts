import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ObservedRow, type ObservedPoint } from '../schema/observed.js';
import { InputError, InputErrors } from './errors.js';
import { shownPath } from './loadPlan.js';
import { SEEDS_DIR } from './paths.js';
import { readText } from './readText.js';

/** The shipped observed counts. */
export const OBSERVED_FILE = join(SEEDS_DIR, 'data', 'observed_counts.csv');

/** Reads and validates an observed-counts CSV; errors name the file, line and column. */
export function readObservedRows(file = OBSERVED_FILE): ObservedRow[] {
  const shown = shownPath(file);
  let records: Record<string, string>[];
  try {
    records = parse(readText(file), { columns: true, bom: true, skip_empty_lines: true });
  } catch (e) {
    throw new InputError({
      code: 'E_SYNTAX',
      message: `not a valid CSV file: ${(e as Error).message}`,
      location: { file: shown },
    });
  }
  const errors: InputError[] = [];
  const rows: ObservedRow[] = [];
  records.forEach((record, i) => {
    const r = ObservedRow.safeParse(record);
    if (r.success) rows.push(r.data);
    else {
      for (const issue of r.error.issues) {
        errors.push(
          new InputError({
            code: 'E_SCHEMA',
            message: issue.message,
            // line 1 is the header
            location: { file: shown, line: i + 2, path: issue.path.map(String).join('.') },
          }),
        );
      }
    }
  });
  if (errors.length > 0) throw new InputErrors(errors);
  return rows;
}

/** The single-year year-end counts (`kind: stock`) published for a region. */
export function observedStocks(rows: readonly ObservedRow[], region: string): ObservedPoint[] {
  return rows
    .filter((r) => r.region === region && r.kind === 'stock' && /^\d{4}$/.test(r.year))
    .map((r) => ({
      measure: r.measure,
      year: Number(r.year),
      value: r.value,
      qualifier: r.qualifier,
      source: r.source_title,
    }));
}
