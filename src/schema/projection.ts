import { z } from 'zod';
import { SeriesRow } from './result.js';

/**
 * What `ladder project --json` prints: every measure of a region by year, from the base year of
 * the fit to `--to`, with no plan attached (measure names as in `ladder run`).
 */
export const Projection = z.strictObject({
  region: z.string(),
  until: z.number().int(),
  series: z.array(SeriesRow),
});
export type Projection = z.output<typeof Projection>;
