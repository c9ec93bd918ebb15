import { z } from 'zod';

/** Text in both languages of the reports. */
export const LocalizedText = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.output<typeof LocalizedText>;

/**
 * Largest count of firms an input may state (a base count, a count amount): ten million, above
 * the whole country's registered tech SMEs. A larger number is a typo, not a plan.
 */
export const MAX_COUNT = 10_000_000;

/** Largest sum of money an input may state, in yuan: 10 trillion (10万亿元). */
export const MAX_YUAN = 1e13;

/** A calendar year the model can handle. */
export const Year = z.number().int().min(1990).max(2100);

/** Identifier: lower-case letters, digits and dashes. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

/** Where a sentence of a plan comes from: the seed file and the quoted original. */
export const SourceQuote = z.strictObject({
  file: z.string().min(1),
  quote: z.string().min(1),
});
export type SourceQuote = z.output<typeof SourceQuote>;

/**
 * Evidence tags of MODEL.md: S sourced, D derived from sourced numbers, I inference,
 * W weak source. Combinations such as "S+I" are written as listed there.
 */
export const EvidenceTag = z.enum(['S', 'D', 'I', 'S+I', 'D+I', 'W+I', 'S/D', 'S/W+I', 'S (confounded)+I']);
export type EvidenceTag = z.output<typeof EvidenceTag>;
