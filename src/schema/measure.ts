import { z } from 'zod';

/** Tiers of the ladder, by the names every output uses. */
export const Tier = z.enum(['tsme', 'hnte', 'srdi', 'giant', 'listed']);
export type Tier = z.output<typeof Tier>;

/** Sector strata the model can carry; a plan lists the ones its goals need. */
export const Sector = z.enum(['manufacturing', 'agri', 'other']);
export type Sector = z.output<typeof Sector>;

/**
 * Marks: attributes of a 高企 that do not partition the stock by sector (size, R&D, revenue,
 * a research centre). Each is tracked as a subset of the 高企 count.
 */
export const Mark = z.enum(['aboveScale', 'rd50m', 'revenue500m', 'iuCentre']);
export type Mark = z.output<typeof Mark>;

/** Yearly flows a goal or an observation may count. */
export const FLOWS = [
  'tsme_new',
  'hnte_new',
  'hnte_recert',
  'hnte_movein',
  'srdi_new',
  'giant_new',
  'listed_new',
] as const;
export type Flow = (typeof FLOWS)[number];

/**
 * The measures a plan with these sectors and marks reports: the tiers (`tsme`, `hnte`, `srdi`,
 * `giant`, `listed`), strata of the 高企 count (`hnte:agri`, `hnte:aboveScale`, …) and yearly
 * flows (`hnte_new`, …).
 */
export function measuresOf(sectors: readonly string[], marks: readonly string[]): string[] {
  return [...Tier.options, ...sectors.map((s) => `hnte:${s}`), ...marks.map((m) => `hnte:${m}`), ...FLOWS];
}

/** Every measure name any plan may use. */
export function knownMeasures(): readonly string[] {
  return measuresOf(Sector.options, Mark.options);
}
