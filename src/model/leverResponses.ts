import type { ParamName } from '../schema/params.js';
import type { LeverType } from '../schema/plan.js';

/** The rate a lever moves. */
export type ResponseTarget =
  | 'applications'
  | 'firstPass'
  | 'recertKeep'
  | 'moveIn'
  | 'tsmeEntries'
  | 'tsmeLeave'
  | 'srdiPromote'
  | 'listing'
  | 'iuCentre'
  | 'none';

/**
 * How a lever's strength is computed:
 * - `reward`: a per-firm amount a, response ∝ (a / reference)^rewardElasticity (diminishing
 *   returns), with a novelty impulse that fades (first-time reward) or without (others);
 * - `rd-subsidy`: a share of the extra deduction, rationed by its budget, through the R&D user-cost
 *   elasticity;
 * - `count`: a number of units (incubators, centres) times a per-unit output;
 * - `on-off`: a programme without a figure acts while it runs.
 */
export type ResponseForm = 'reward' | 'rd-subsidy' | 'count' | 'on-off' | 'money-only';

/** Whether a response's strength rests on evidence (S/D-tagged priors) or only on inference. */
export type Evidence = 'sourced' | 'partly-sourced' | 'none';

export interface LeverResponse {
  readonly target: ResponseTarget;
  readonly form: ResponseForm;
  /** parameter giving the strength of the response */
  readonly strength: ParamName | null;
  /** reference amount (yuan per firm) at which `strength` is stated, for `reward` */
  readonly reference: number;
  readonly evidence: Evidence;
  readonly note: string;
}

/**
 * Every lever type and the rate it moves (docs/model.md, "Levers"). Levers of one type act once,
 * however many the plan lists: their effects are not stacked.
 */
export const LEVER_RESPONSES: Readonly<Record<LeverType, LeverResponse>> = {
  'first-cert-reward': {
    target: 'applications',
    form: 'reward',
    strength: 'rewardPeak',
    reference: 200_000,
    evidence: 'partly-sourced',
    note: 'first-time applications × 1 + (rewardPeak − 1)·φ(k)·(a/200k)^ε; evidence confounded with the 2016 rule change',
  },
  'recert-reward': {
    target: 'recertKeep',
    form: 'reward',
    strength: 'recertRewardEffect',
    reference: 100_000,
    evidence: 'none',
    note: 'a share of the certificates that would lapse is renewed',
  },
  'move-in-bonus': {
    target: 'moveIn',
    form: 'reward',
    strength: 'moveInBonusEffect',
    reference: 300_000,
    evidence: 'none',
    note: 'whole-firm moves in of valid 高企 rise; a bonus buys certified firms, not new certifications',
  },
  'rd-subsidy': {
    target: 'applications',
    form: 'rd-subsidy',
    strength: 'rdToApplications',
    reference: 0,
    evidence: 'partly-sourced',
    note: 'R&D rises by rdElasticity × the cost cut (sourced); applications follow by rdToApplications (inference)',
  },
  'tax-incentive': {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'national tax policies carried out locally; their national effect is in the baseline rates',
  },
  'cultivation-programme': {
    target: 'applications',
    form: 'on-off',
    strength: 'programmeEffect',
    reference: 0,
    evidence: 'none',
    note: 'cultivation pools and "doubling" programmes raise first-time applications',
  },
  incubators: {
    target: 'tsmeEntries',
    form: 'count',
    strength: 'incubatorOutput',
    reference: 0,
    evidence: 'partly-sourced',
    note: 'each incubator or maker space adds registered tech SMEs a year; without a count, entries × (1 + programmeEffect)',
  },
  platforms: {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'R&D platforms and institutions',
  },
  'listing-support': {
    target: 'listing',
    form: 'on-off',
    strength: 'listingSupportEffect',
    reference: 0,
    evidence: 'none',
    note: 'pre-listing pools raise listing rates',
  },
  'srdi-cultivation': {
    target: 'srdiPromote',
    form: 'on-off',
    strength: 'srdiCultivationEffect',
    reference: 0,
    evidence: 'none',
    note: '专精特新 cultivation raises promotion from 高企',
  },
  'tech-finance': {
    target: 'tsmeLeave',
    form: 'on-off',
    strength: 'financeEffect',
    reference: 0,
    evidence: 'none',
    note: 'risk reserves and loan subsidies lower tech-SME exits',
  },
  talent: {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'talent programmes',
  },
  'technical-upgrade': {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'technical upgrades (技改) of industrial firms',
  },
  'iu-centres': {
    target: 'iuCentre',
    form: 'count',
    strength: 'iuCentreTakeUp',
    reference: 0,
    evidence: 'none',
    note: 'the plan’s centres, spread over its years, each set up by a 高企 without one with probability iuCentreTakeUp',
  },
  'ip-support': {
    target: 'firstPass',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'IP subsidies help applicants meet the core-IP criterion',
  },
  'recognition-award': {
    target: 'none',
    form: 'money-only',
    strength: null,
    reference: 0,
    evidence: 'none',
    note: 'an award to existing 高企: money is spent, no count moves',
  },
  'agent-blacklist': {
    target: 'applications',
    form: 'on-off',
    strength: 'blacklistEffect',
    reference: 0,
    evidence: 'none',
    note: 'fewer fraudulent applications (a negative effect on applications)',
  },
  'investment-fund': {
    target: 'listing',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'investment funds',
  },
  'rd-spending': {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'city R&D spending targets',
  },
  'zone-evaluation': {
    target: 'applications',
    form: 'on-off',
    strength: 'supportEffect',
    reference: 0,
    evidence: 'none',
    note: 'performance evaluation of high-tech zones',
  },
};
