import { z } from 'zod';
import { FLOWS, Tier } from './measure.js';

/**
 * Observed yearly counts: the CSV layout of `seeds/data/observed_counts.csv` (its README
 * describes every column). One row is one published figure.
 */
export const OBSERVED_COLUMNS = [
  'region',
  'measure',
  'year',
  'value',
  'kind',
  'qualifier',
  'description',
  'source_title',
  'source_url',
  'quote',
] as const;
export type ObservedColumn = (typeof OBSERVED_COLUMNS)[number];

/** Columns every file must have; the others may be left out (they describe the figure). */
export const REQUIRED_COLUMNS: readonly ObservedColumn[] = ['region', 'measure', 'year', 'value', 'kind'];

/** What the number counts: a year-end stock, a flow in the year, a change on the previous year, a goal. */
export const ObsKind = z.enum(['stock', 'new', 'net_increase', 'target']);
export type ObsKind = z.output<typeof ObsKind>;

/**
 * How the figure is stated: `exact`; `approximate` (近, "neared", an estimate); `lower_bound`
 * (超, 突破, "exceeded"); `low_reliability` (a secondary source of doubtful quality).
 */
export const Qualifier = z.enum(['exact', 'approximate', 'lower_bound', 'low_reliability']);
export type Qualifier = z.output<typeof Qualifier>;

/** Region ids, as plans name them (`zhanjiang`, `hunan_hightech_zones`, …). */
export const RegionId = z.string().regex(/^[a-z][a-z_]*$/, 'lower-case letters and underscores');

/** A year or, for cumulative measures, an inclusive span of years. */
export const YearSpanObs = z.strictObject({ from: z.number().int(), to: z.number().int() });
export type YearSpanObs = z.output<typeof YearSpanObs>;

/** One validated row of an observed-counts file. */
export const Observation = z.strictObject({
  /** line of the file the row starts on (the header is line 1) */
  line: z.number().int().positive(),
  region: RegionId,
  measure: z.string().min(1),
  year: YearSpanObs,
  value: z.number(),
  kind: ObsKind,
  qualifier: Qualifier,
  description: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string(),
  quote: z.string(),
});
export type Observation = z.output<typeof Observation>;

/**
 * How the model reads a measure name:
 * - `stock`: a tier's year-end count (`hnte`);
 * - `flow`: a yearly flow the model reports (`hnte_new`, `srdi_new`, …);
 * - `net`: a tier's change on the previous year-end (`hnte_net`);
 * - `cumulative`: a tier's new flow summed over a span of years (`hnte_new_cumulative`);
 * - `other`: a figure the model has no counterpart for (kept, not fitted), with the reason;
 * - `target`: a plan's goal (`*_target`), not an observation.
 */
export type MeasureClass =
  | { readonly type: 'stock'; readonly tier: Tier }
  | { readonly type: 'flow'; readonly flow: (typeof FLOWS)[number] }
  | { readonly type: 'net'; readonly tier: Tier }
  | { readonly type: 'cumulative'; readonly tier: Tier; readonly flow: (typeof FLOWS)[number] }
  | { readonly type: 'other'; readonly reason: string }
  | { readonly type: 'target' };

/** Measures the model has no counterpart for, with why they are kept but not fitted. */
export const OTHER_MEASURES: Readonly<Record<string, string>> = {
  srdi_listed:
    'new titles plus passed reviews on one list: the model reports new titles (srdi_new) but no review-pass flow',
  srdi_review_pass_pct: 'a pass rate, not a count (it informs the srdiReviewPass prior)',
  zone_count: 'the number of high-tech zones, not a tier of firms',
};

const isTier = (s: string): s is Tier => (Tier.options as readonly string[]).includes(s);
const isFlow = (s: string): s is (typeof FLOWS)[number] => (FLOWS as readonly string[]).includes(s);

/** Classifies a measure name; `undefined` for a name the model does not know. */
export function classifyMeasure(measure: string): MeasureClass | undefined {
  if (isTier(measure)) return { type: 'stock', tier: measure };
  if (isFlow(measure)) return { type: 'flow', flow: measure };
  const other = OTHER_MEASURES[measure];
  if (other !== undefined) return { type: 'other', reason: other };
  if (/^[a-z][a-z_]*_target$/.test(measure)) return { type: 'target' };
  const net = /^([a-z]+)_net$/.exec(measure);
  if (net?.[1] !== undefined && isTier(net[1])) return { type: 'net', tier: net[1] };
  const cum = /^([a-z]+)_new_cumulative$/.exec(measure);
  const flow = `${cum?.[1] ?? ''}_new`;
  if (cum?.[1] !== undefined && isTier(cum[1]) && isFlow(flow)) {
    return { type: 'cumulative', tier: cum[1], flow };
  }
  return undefined;
}

/** Every measure name a file may use, for messages (`*_target` stands for any goal). */
export function observedMeasureNames(): string[] {
  return [
    ...Tier.options,
    ...FLOWS,
    ...Tier.options.map((t) => `${t}_net`),
    ...Tier.options.filter((t) => isFlow(`${t}_new`)).map((t) => `${t}_new_cumulative`),
    ...Object.keys(OTHER_MEASURES),
    '*_target',
  ];
}

/** The kind a measure's rows must have (targets and `other` measures may have any). */
export function expectedKind(c: MeasureClass): ObsKind | undefined {
  switch (c.type) {
    case 'stock':
      return 'stock';
    case 'flow':
    case 'cumulative':
      return 'new';
    case 'net':
      return 'net_increase';
    case 'other':
    case 'target':
      return undefined;
  }
}

/** "2017" or "2017-2021". */
export function yearLabel(y: YearSpanObs): string {
  return y.from === y.to ? String(y.from) : `${y.from}-${y.to}`;
}

/** A year-end count of one measure that a report can draw next to the projection. */
export interface ObservedPoint {
  readonly measure: string;
  readonly year: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly source: string;
}

/** The single-year year-end counts (`kind: stock`) published for a region, for the charts. */
export function observedStocks(observations: readonly Observation[], region: string): ObservedPoint[] {
  return observations
    .filter((o) => o.region === region && o.kind === 'stock' && o.year.from === o.year.to)
    .map((o) => ({
      measure: o.measure,
      year: o.year.from,
      value: o.value,
      qualifier: o.qualifier,
      source: o.sourceTitle,
    }));
}
