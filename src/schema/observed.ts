import { z } from 'zod';

/** How a published figure is to be read (see seeds/data/README.md). */
export const ObservedQualifier = z.enum(['exact', 'approximate', 'lower_bound', 'low_reliability']);
export type ObservedQualifier = z.output<typeof ObservedQualifier>;

/**
 * One row of `observed_counts.csv`: a published yearly figure with its source. `year` is a
 * single year, or a span `2017-2021` for counts over several years.
 */
export const ObservedRow = z.strictObject({
  region: z.string().regex(/^[a-z][a-z_]*$/),
  measure: z.string().regex(/^[a-z][a-z_:]*$/),
  year: z.string().regex(/^\d{4}(-\d{4})?$/, 'a year (2020) or a span (2017-2021)'),
  value: z.coerce.number().nonnegative(),
  kind: z.enum(['stock', 'new', 'net_increase', 'target']),
  qualifier: ObservedQualifier,
  description: z.string(),
  source_title: z.string(),
  source_url: z.string(),
  quote: z.string(),
});
export type ObservedRow = z.output<typeof ObservedRow>;

/** A year-end count of one measure that a report can draw next to the projection. */
export interface ObservedPoint {
  readonly measure: string;
  readonly year: number;
  readonly value: number;
  readonly qualifier: ObservedQualifier;
  readonly source: string;
}
