/** Languages a report is written in. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each report language. */
export type Localized = Readonly<Record<Lang, string>>;
