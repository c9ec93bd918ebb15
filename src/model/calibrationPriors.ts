import type { ParamName } from '../schema/params.js';
import type { Prior } from '../schema/prior.js';
import { DEFAULT_PRIORS } from './priors.js';

/**
 * Where calibration starts from a wider prior than the plans' defaults, and why. The defaults
 * describe a mature region (certifications ≈ a third of the stock, MODEL.md); with them the
 * 高企 stock is nearly stationary. The observed series grow much faster (Hunan 2,212 in 2016 →
 * 4,660 in 2018; Zhanjiang 125 in 2017 → 301 in 2020; Guangdong 11,000 in 2015 → 33,000 in
 * 2017), and a fit can only learn a region's rates inside the prior's range.
 */
export const CALIBRATION_PRIOR_OVERRIDES: Readonly<Partial<Record<ParamName, Prior>>> = {
  directApply: {
    dist: 'loguniform',
    low: 0.02,
    high: 2,
    tag: 'D+I',
    source:
      'Calibration prior: first-certificate applications from outside the register as a share of the stock, flat in log from the default low end (mature regions) to 2. Growth years need first certifications of 0.4–1 times the stock (Hunan 2016: 870 new on 2,212; 2018: net +1,400 on 3,260; Guangdong 2015–17: the stock tripled in two years, observed_counts.csv), out of reach of the default 0.02–0.15.',
  },
  srdiPromote: {
    dist: 'loguniform',
    low: 0.02,
    high: 0.3,
    tag: 'D+I',
    source:
      'Calibration prior: 高企 → provincial 专精特新 a year, flat in log up to 0.3. Provincial lists grew fast under the 2022 gradient rules: Zhanjiang named 66 new titles in 2022 and 64 in 2023 (observed_counts.csv) against a 高企 stock of a few hundred (301 in 2020), roughly 0.15–0.2 a year, above the default 0.03–0.08.',
  },
  tsmeEntryGrowth: {
    dist: 'uniform',
    low: 0,
    high: 0.4,
    tag: 'I',
    source:
      'Calibration prior: yearly growth of new tech-SME registrations up to 40%, so the register can keep pace with a 高企 stock that grows 30–70% a year in boom years (observed_counts.csv); the default 0–10% is for the plans’ years.',
  },
};

/** The calibration priors: DEFAULT_PRIORS with {@link CALIBRATION_PRIOR_OVERRIDES}. */
export function calibrationPriors(): Readonly<Record<ParamName, Prior>> {
  return { ...DEFAULT_PRIORS, ...CALIBRATION_PRIOR_OVERRIDES };
}
