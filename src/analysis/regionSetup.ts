import { calibrationPriors } from '../model/calibrationPriors.js';
import { priorQuantile, type Quantile } from '../model/priorQuantile.js';
import { classifyMeasure, yearLabel, type Observation } from '../schema/observed.js';
import { PARAM_NAMES } from '../schema/params.js';
import type { Prior } from '../schema/prior.js';

/** What happens to one row of the region's observations in a fit. */
export interface ObservationUse {
  readonly obs: Observation;
  /** fitted; held out (after `until`: what a backtest scores); or not fitted, with the reason */
  readonly status: 'fitted' | 'held-out' | 'not-fitted';
  readonly reason: string;
}

/** One coordinate of the calibrated vector: a model parameter, a base count, or an observation parameter. */
export interface CalibrationDim {
  readonly name: string;
  readonly group: 'param' | 'base' | 'observation' | 'break';
  readonly prior: Prior;
  readonly quantile: Quantile;
}

/**
 * A region prepared for calibration: its observations sorted into fitted / held out / not fitted,
 * the base year, the observation that anchors the base 高企 count, and the calibrated coordinates
 * with their priors.
 */
export interface RegionSetup {
  readonly region: string;
  readonly until: number | null;
  readonly baseYear: number;
  /** last year a fitted observation describes */
  readonly lastYear: number;
  readonly anchor: Observation;
  readonly uses: readonly ObservationUse[];
  readonly fitted: readonly Observation[];
  readonly dims: readonly CalibrationDim[];
  readonly breakYear: number | null;
}

/** Expected failures of setting up a region, as values. */
export type RegionSetupResult =
  | { readonly status: 'ok'; readonly setup: RegionSetup }
  | { readonly status: 'no-observations'; readonly message: string }
  | { readonly status: 'no-anchor'; readonly message: string }
  | { readonly status: 'bad-break'; readonly message: string };

/** Index of the first base coordinate in the calibrated vector (after the model parameters). */
export const BASE_DIM0 = PARAM_NAMES.length;

/**
 * Base coordinates, in order: the base 高企 count, then the other tiers as ratios to it. The
 * 高企 range is set from the anchor observation by {@link regionSetup}.
 */
const BASE_RATIO_PRIORS: readonly { readonly name: string; readonly prior: Prior }[] = [
  {
    name: 'base.tsmePerHnte',
    prior: {
      dist: 'loguniform',
      low: 0.5,
      high: 4,
      tag: 'I',
      source:
        'Registered tech SMEs per 高企 in the base year: the plans’ bases put it at 1–2.5 (seeds/*.yaml); wide, flat in log.',
    },
  },
  {
    name: 'base.srdiPerHnte',
    prior: {
      dist: 'uniform',
      low: 0,
      high: 0.3,
      tag: 'I',
      source:
        'Provincial 专精特新 per 高企 in the base year: 0.08–0.33 in the plans’ bases; 0 before the titles existed.',
    },
  },
  {
    name: 'base.giantPerHnte',
    prior: {
      dist: 'uniform',
      low: 0,
      high: 0.03,
      tag: 'I',
      source: 'National 小巨人 per 高企 in the base year: 0–1% in the plans’ bases; 0 before 2019.',
    },
  },
  {
    name: 'base.listedPerHnte',
    prior: {
      dist: 'uniform',
      low: 0,
      high: 0.03,
      tag: 'I',
      source: 'Listed firms from the ladder per 高企 in the base year: 0.5% in the plans’ bases; wide.',
    },
  },
];

const RECERT_PRIOR: Prior = {
  dist: 'uniform',
  low: 0,
  high: 1,
  tag: 'I',
  source:
    'Share of re-certifications inside a published count of "new" 高企: a yearly list names first and repeat certifications together, and reports do not always say which they count (Zhanjiang 2020: "may include re-certifications").',
};

const BREAK_PRIOR: Prior = {
  dist: 'loguniform',
  low: 0.25,
  high: 4,
  tag: 'I',
  source:
    'Multiplier of first-certification applications from the break year on (2016: criteria relaxed, 国科发火〔2016〕32号), flat in log between a quarter and four times the earlier rate.',
};

/** Names of the coordinates after the base ones. */
export const RECERT_DIM = 'observation.recertInNew';
export const BREAK_DIM = 'break.applicationShift';

/** The first year of the model a fitted observation needs: the year before a flow, net or span. */
function neededFrom(o: Observation): number {
  const cls = classifyMeasure(o.measure);
  return cls?.type === 'stock' ? o.year.from : o.year.from - 1;
}

/**
 * Sorts a region's observations and sets up its calibration:
 * - fitted: stocks, yearly flows, net increases and spans of new ones, of a tier the model
 *   carries, up to `until`; held out: the same after `until`; not fitted: goals (`target`
 *   rows, `*_target`), figures without a model counterpart, repeats of a row;
 * - the base year: the earliest year a fitted figure needs (a flow or a net increase needs the
 *   year before it);
 * - the base 高企 count: flat in log on [v·⅔·½^d, v·1.5·1.1^d] around the earliest fitted
 *   高企 stock v, d years after the base year (a stock may have halved each year before it, or
 *   shrunk by a tenth); the likelihood then weighs it with its qualifier like any figure;
 * - the other tiers' base counts: ratios to it ({@link BASE_RATIO_PRIORS});
 * - the calibrated coordinates: every model parameter (calibration priors), the five base
 *   coordinates, the re-certification share of "new" figures, and with a break year the
 *   multiplier of first-certification applications.
 */
export function regionSetup(
  all: readonly Observation[],
  opts: { readonly region: string; readonly until?: number; readonly breakYear?: number },
): RegionSetupResult {
  const rows = all.filter((o) => o.region === opts.region);
  if (rows.length === 0) {
    const regions = [...new Set(all.map((o) => o.region))].sort();
    return {
      status: 'no-observations',
      message: `no observations for region ${JSON.stringify(opts.region)} (regions in the file: ${regions.join(', ')})`,
    };
  }
  const until = opts.until ?? null;
  const uses: ObservationUse[] = [];
  const seen = new Map<string, Observation>();
  for (const o of rows) {
    const cls = classifyMeasure(o.measure);
    const key = `${o.measure}\u001f${yearLabel(o.year)}\u001f${o.kind}`;
    const first = seen.get(key);
    if (o.kind === 'target' || cls?.type === 'target') {
      uses.push({ obs: o, status: 'not-fitted', reason: 'a goal, not an observation' });
    } else if (cls === undefined || cls.type === 'other') {
      uses.push({ obs: o, status: 'not-fitted', reason: cls?.reason ?? 'no model counterpart' });
    } else if (first !== undefined) {
      uses.push({ obs: o, status: 'not-fitted', reason: `the same figure as line ${first.line}` });
    } else {
      seen.set(key, o);
      if (until !== null && o.year.to > until) {
        uses.push({ obs: o, status: 'held-out', reason: `after ${until}` });
      } else {
        uses.push({ obs: o, status: 'fitted', reason: '' });
      }
    }
  }
  const fitted = uses.filter((u) => u.status === 'fitted').map((u) => u.obs);
  if (fitted.length === 0) {
    return {
      status: 'no-observations',
      message: `region ${opts.region} has no observation the model can fit${until !== null ? ` up to ${until}` : ''}`,
    };
  }
  const stocks = fitted
    .filter((o) => o.measure === 'hnte')
    .sort((a, b) => a.year.from - b.year.from || a.line - b.line);
  const anchor = stocks[0];
  if (anchor === undefined) {
    return {
      status: 'no-anchor',
      message: `region ${opts.region} has no 高企 stock (measure hnte) ${until !== null ? `up to ${until} ` : ''}to anchor the base year; the fit needs one`,
    };
  }
  const baseYear = Math.min(...fitted.map(neededFrom));
  const lastYear = Math.max(...fitted.map((o) => o.year.to));
  const breakYear = opts.breakYear ?? null;
  if (breakYear !== null && breakYear <= baseYear) {
    return {
      status: 'bad-break',
      message: `the break year ${breakYear} is not after the base year ${baseYear} of the fit`,
    };
  }
  const d = anchor.year.from - baseYear;
  const v = Math.max(1, anchor.value);
  const hntePrior: Prior = {
    dist: 'loguniform',
    low: Math.max(1, (v * (2 / 3)) / 2 ** d),
    high: Math.max(2, v * 1.5 * 1.1 ** d),
    tag: 'D',
    source: `Base 高企 count in ${baseYear}, around observed_counts.csv line ${anchor.line} (${opts.region}, hnte, ${anchor.year.from}: ${anchor.value}, ${anchor.qualifier}).`,
  };
  const priors = calibrationPriors();
  const dims: CalibrationDim[] = [
    ...PARAM_NAMES.map((n) => ({ name: n, group: 'param' as const, prior: priors[n] })),
    { name: 'base.hnte', group: 'base' as const, prior: hntePrior },
    ...BASE_RATIO_PRIORS.map((b) => ({ name: b.name, group: 'base' as const, prior: b.prior })),
    { name: RECERT_DIM, group: 'observation' as const, prior: RECERT_PRIOR },
    ...(breakYear !== null ? [{ name: BREAK_DIM, group: 'break' as const, prior: BREAK_PRIOR }] : []),
  ].map((x) => ({ ...x, quantile: priorQuantile(x.prior) }));
  return {
    status: 'ok',
    setup: { region: opts.region, until, baseYear, lastYear, anchor, uses, fitted, dims, breakYear },
  };
}

/**
 * Base counts (SAMPLE_BASE_TIERS order: tsme, hnte, srdi, giant, listed) from the five base
 * coordinates' values (高企 count, then ratios to it).
 */
export function baseCounts(
  values: ArrayLike<number>,
  offset: number,
): [number, number, number, number, number] {
  const hnte = values[offset] ?? 0;
  const r = (k: number): number => hnte * (values[offset + k] ?? 0);
  return [r(1), hnte, r(2), r(3), r(4)];
}
