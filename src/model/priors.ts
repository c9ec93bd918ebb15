import type { Prior } from '../schema/prior.js';
import type { ParamName } from '../schema/params.js';

/**
 * Default priors, with the evidence tag and source of MODEL.md ("../shared/MODEL.md", table
 * "Priors"). `pert` = Beta-PERT(low, mode, high); `uniform` = flat.
 */
export const DEFAULT_PRIORS: Readonly<Record<ParamName, Prior>> = {
  tsmeEntryRate: {
    dist: 'pert',
    low: 0.15,
    mode: 0.3,
    high: 0.5,
    tag: 'I',
    source:
      'New tech-SME registrations a year as a share of the base-year register. No direct source; chosen so the register neither collapses nor explodes given the leave and certification rates.',
  },
  tsmeEntryGrowth: {
    dist: 'uniform',
    low: 0,
    high: 0.1,
    tag: 'I',
    source: 'Yearly growth of new registrations (the national register grew fast 2017–2023). Inference.',
  },
  tsmeLeave: {
    dist: 'pert',
    low: 0.08,
    mode: 0.12,
    high: 0.2,
    tag: 'I',
    source:
      'A registered non-高企 tech SME leaves the register in a year: exit 4–8% (MODEL.md "tech SME exit") plus not re-registering (status lasts to year end, 入库 every year).',
  },
  hnteShareOfTsme: {
    dist: 'uniform',
    low: 0.45,
    high: 0.5,
    tag: 'S',
    source:
      'Share of registered tech SMEs already 高企: Anhui 2,051 of 4,303 (2018); Henan 290 of 633 (2020).',
  },
  applyRate: {
    dist: 'pert',
    low: 0.12,
    mode: 0.21,
    high: 0.35,
    tag: 'D+I',
    source:
      'Share of non-高企 registered tech SMEs applying for a first certificate in a year: MODEL.md first-高企 transition 0.08–0.25 (0.15) divided by the first-pass rate (0.70).',
  },
  directApply: {
    dist: 'uniform',
    low: 0.02,
    high: 0.15,
    tag: 'I',
    source:
      'First-certificate applications a year from firms not on the tech-SME register (the register began in 2017 and not every applicant joins it), as a share of the local 高企 stock. Inference; brings first certifications to ≈ 0.1–0.25 of the stock, between the mature rate (≈ 0.33 of all certifications, Shanghai 2023) and growth years (Hunan 2016: 870 new on 2,212).',
  },
  firstPass: {
    dist: 'pert',
    low: 0.45,
    mode: 0.7,
    high: 0.9,
    tag: 'S/W+I',
    source:
      'First-time 高企 application passes: Shenzhen > 80% (2016–17) → ≈ 50% (2018) → 32% (first 2019 batch); Guangxi 89–96%; national spot-check 85–99.9%.',
  },
  surgeDrop: {
    dist: 'uniform',
    low: 0.1,
    high: 0.4,
    tag: 'W+I',
    source:
      'Pass-rate drop (points) when applications jump by more than 50% on the previous year: Shenzhen 2016–19.',
  },
  recertKeep: {
    dist: 'pert',
    low: 0.55,
    mode: 0.68,
    high: 0.8,
    tag: 'I',
    source: '高企 kept at expiry (re-applies and passes): no direct source; 小巨人 review rates as analogue.',
  },
  lapsedToPool: {
    dist: 'uniform',
    low: 0.3,
    high: 0.7,
    tag: 'I',
    source: 'Share of firms whose 高企 certificate lapsed that stay on the tech-SME register. Inference.',
  },
  hnteExit: {
    dist: 'uniform',
    low: 0.01,
    high: 0.04,
    tag: 'I',
    source:
      '高企 exit (closure, merger) while the certificate is valid: innovating firms ≈ 12% lower hazard than SMEs (MODEL.md "tech SME exit / 高企 exit").',
  },
  hnteRevoke: {
    dist: 'pert',
    low: 0.001,
    mode: 0.003,
    high: 0.01,
    tag: 'S+I',
    source:
      '高企 revoked while valid: Art. 19 of 国科发火〔2016〕32号; Guangdong revoked 21 firms against a stock in the tens of thousands.',
  },
  moveIn: {
    dist: 'uniform',
    low: 0.002,
    high: 0.01,
    tag: 'I',
    source:
      'Whole-firm moves in of valid 高企, as a share of the local stock a year: 0.2–1% (bonuses of 200k–1M yuan exist; no rate data).',
  },
  moveOut: {
    dist: 'uniform',
    low: 0.002,
    high: 0.01,
    tag: 'I',
    source: 'Whole-firm moves out of valid 高企: same range as moves in (MODEL.md).',
  },
  baseCertGrowth: {
    dist: 'uniform',
    low: 0,
    high: 0.3,
    tag: 'I',
    source:
      'Growth of yearly certifications before the base year; sets the split of the base 高企 stock by certificate age (younger cohorts larger when certifications grew).',
  },
  srdiPromote: {
    dist: 'pert',
    low: 0.03,
    mode: 0.05,
    high: 0.08,
    tag: 'I',
    source:
      '高企 → provincial 专精特新: 25–40k new provincial titles a year nationally, against a national 高企 stock several times larger.',
  },
  srdiReviewPass: {
    dist: 'pert',
    low: 0.6,
    mode: 0.76,
    high: 0.9,
    tag: 'D',
    source:
      'Provincial 专精特新 passing the 3-year review: Zhanjiang 2023, 13 of 17 (76.4%, observed_counts.csv); 小巨人 review rates 57–87% as a range.',
  },
  srdiExit: {
    dist: 'uniform',
    low: 0.01,
    high: 0.03,
    tag: 'I',
    source: 'Provincial 专精特新 firm closes or leaves between reviews; same range as 高企 exit, lower end.',
  },
  giantPromote: {
    dist: 'pert',
    low: 0.02,
    mode: 0.035,
    high: 0.06,
    tag: 'S/D',
    source: 'Provincial 专精特新 → national 小巨人: national batches of 3–4.4k a year on a 70–140k pool.',
  },
  giantReviewPass: {
    dist: 'pert',
    low: 0.57,
    mode: 0.85,
    high: 0.9,
    tag: 'S',
    source: '小巨人 3-year review pass shares: batches 1–3 about 57%, 62%, 83%; later reviews ≈ 83–87%.',
  },
  giantExit: {
    dist: 'uniform',
    low: 0.005,
    high: 0.02,
    tag: 'I',
    source: '小巨人 firm closes or leaves between reviews. Inference (large, established firms).',
  },
  giantList: {
    dist: 'pert',
    low: 0.004,
    mode: 0.008,
    high: 0.015,
    tag: 'D',
    source: '小巨人 lists (IPO) in a year: 64 of 14.6k (2024); ≈ 150 of 12k (2023).',
  },
  hnteList: {
    dist: 'uniform',
    low: 0.0002,
    high: 0.001,
    tag: 'D+I',
    source: 'Other 高企 list in a year: A-share IPO counts against the 高企 stock (0.02–0.1%).',
  },
  delist: {
    dist: 'uniform',
    low: 0,
    high: 0.01,
    tag: 'I',
    source: 'Listed firm delisted or moved away in a year. Inference (rare).',
  },
  sectorEntryTilt: {
    dist: 'uniform',
    low: 0.7,
    high: 1.3,
    tag: 'I',
    source:
      'Relative weight of a named sector (agri, manufacturing) among new tech SMEs, against its share of the base 高企 stock (1 = same share). Inference.',
  },
  rewardPeak: {
    dist: 'pert',
    low: 1.3,
    mode: 1.6,
    high: 2.5,
    tag: 'S (confounded)+I',
    source:
      'Multiplier on first-time applications in the first two years of a new 100–300k yuan reward (at the reference reward of 200k): Guangzhou new approvals +150% (2016); Guangxi applications +63% (2017); both confounded with the 2016 rule change.',
  },
  rewardElasticity: {
    dist: 'uniform',
    low: 0.1,
    high: 0.5,
    tag: 'I',
    source:
      'How the reward response scales with the amount: effect ∝ (reward / 200k)^ε, diminishing returns (MODEL.md reward elasticity 0.1–0.5; no causal estimate found).',
  },
  rewardFadeYears: {
    dist: 'uniform',
    low: 2,
    high: 3,
    tag: 'S (confounded)+I',
    source:
      'Years over which the novelty of a new reward fades after its first two years (MODEL.md: fading over 2–3 years).',
  },
  rewardPersistent: {
    dist: 'uniform',
    low: 0,
    high: 0.5,
    tag: 'I',
    source: 'Share of the peak reward response that persists once the novelty has faded. Inference.',
  },
  talentIslandShare: {
    dist: 'uniform',
    low: 0.05,
    high: 0.2,
    tag: 'I',
    source: 'Share of rewarded firms that get a second, higher amount (Jiangmen 人才岛). Inference.',
  },
  atMostPayShare: {
    dist: 'uniform',
    low: 0.5,
    high: 1,
    tag: 'I',
    source: 'Average payment as a share of an "up to" (最高) amount. Inference.',
  },
  recertRewardEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.3,
    tag: 'I',
    source:
      'Share of the 高企 that would let their certificate lapse and re-apply because of a re-certification reward of 100k yuan (scaled like the first-time reward). No evidence.',
  },
  moveInBonusEffect: {
    dist: 'uniform',
    low: 0,
    high: 1,
    tag: 'I',
    source:
      'Proportional increase of whole-firm moves in under a 300k yuan move-in bonus (scaled like the reward). Bonuses of 200k–1M yuan exist; no rate data.',
  },
  rdElasticity: {
    dist: 'pert',
    low: 1.1,
    mode: 1.6,
    high: 2.1,
    tag: 'S',
    source:
      'R&D response to 研发费用加计扣除 (user-cost elasticity): Chen, Liu, Suárez Serrato & Xu, AER 2021; Qian, Zhan & Pan 2022.',
  },
  rdToApplications: {
    dist: 'uniform',
    low: 0.1,
    high: 0.5,
    tag: 'I',
    source:
      'Relative increase of first-time applications per relative increase of R&D (more firms pass the R&D-intensity criterion; reported R&D includes 24–45% relabelled costs, AER 2021). Inference.',
  },
  rdPerFirm: {
    dist: 'uniform',
    low: 1_000_000,
    high: 5_000_000,
    tag: 'I',
    source: 'Yearly extra deduction (加计扣除额, yuan) of a claiming firm in these cities. Inference.',
  },
  rdClaimShare: {
    dist: 'uniform',
    low: 0.2,
    high: 0.6,
    tag: 'I',
    source: 'Share of 高企 that meet the conditions of a local R&D subsidy and claim it. Inference.',
  },
  incubatorOutput: {
    dist: 'uniform',
    low: 0.5,
    high: 4,
    tag: 'D+I',
    source:
      'Additional registered tech SMEs a year per incubator or maker space a plan names: 20–60 firms in incubation × 10–20% graduation (≈ 50k graduates against 70k in incubation, 2012), of which a minority would not have registered anyway.',
  },
  programmeEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.15,
    tag: 'I',
    source:
      'Relative increase of first-time applications under a cultivation programme (培育库, 倍增计划). No evidence.',
  },
  supportEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.05,
    tag: 'I',
    source:
      'Relative increase of the rate a general support lever moves (platforms, talent, technical upgrades, IP support, R&D spending, zone evaluation, national tax policies carried out locally, investment funds). No evidence.',
  },
  listingSupportEffect: {
    dist: 'uniform',
    low: 0,
    high: 1,
    tag: 'I',
    source:
      'Relative increase of listing rates under a listing-support programme (pre-listing pools, 种子库). No evidence.',
  },
  srdiCultivationEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.3,
    tag: 'I',
    source: 'Relative increase of promotion to 专精特新 under a cultivation programme. No evidence.',
  },
  financeEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.1,
    tag: 'I',
    source:
      'Relative fall of tech-SME exits under tech-finance support (risk reserves, loan subsidies). No evidence.',
  },
  blacklistEffect: {
    dist: 'uniform',
    low: 0,
    high: 0.05,
    tag: 'I',
    source:
      'Relative fall of first-time applications when fraudulent application agents are black-listed. No evidence.',
  },
  iuCentreTakeUp: {
    dist: 'uniform',
    low: 0.5,
    high: 1,
    tag: 'I',
    source:
      "Share of a plan's new industry–university centres that are set up by a 高企 without one. Inference.",
  },
};
