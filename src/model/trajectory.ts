import type { BaseRange, CompiledModel } from './compile.js';
import { PARAM_INDEX as P } from './compile.js';
import { drawParamSet, skipParamDraws, type ParamDraw } from './paramSource.js';
import type { ProcessSampler, Uniform } from './sampler.js';

/** One stratum's compartments at the end of a year. */
interface Stratum {
  /** registered tech SMEs without a valid 高企 certificate */
  t: number;
  /** valid 高企 by certificate age (0: certified this year) */
  h0: number;
  h1: number;
  h2: number;
  /** provincial 专精特新 titles by age */
  s0: number;
  s1: number;
  s2: number;
  /** national 小巨人 titles by age */
  g0: number;
  g1: number;
  g2: number;
  /** listed firms that came up the ladder */
  l: number;
  /** first-certificate applications last year (for the surge pass-rate drop) */
  prevApps: number;
  /** weight of this stratum among new registrations */
  entryWeight: number;
}

/**
 * The flows of one year, summed over strata: for the conservation checks of the tests and for
 * flow measures. `firmsIn`/`firmsOut` count firms entering or leaving the system
 * (register ∪ 高企).
 */
export interface YearLedger {
  year: number;
  tsmeEntries: number;
  tsmeLeft: number;
  hnteLost: number;
  hnteDue: number;
  hnteKept: number;
  hnteLapsed: number;
  lapsedToPool: number;
  firstApps: number;
  firstCerts: number;
  /** first certificates won by firms from outside the register (they enter the system) */
  directCerts: number;
  moveIns: number;
  srdiLost: number;
  srdiDue: number;
  srdiPassed: number;
  srdiNew: number;
  giantLost: number;
  giantDue: number;
  giantPassed: number;
  giantNew: number;
  listedNew: number;
  delisted: number;
}

export interface StratumSnapshot {
  readonly t: number;
  readonly h: readonly [number, number, number];
  readonly s: readonly [number, number, number];
  readonly g: readonly [number, number, number];
  readonly l: number;
}

/** Optional trace for tests: per-year ledger and end-of-year states. */
export interface TrajectoryTrace {
  ledgers: YearLedger[];
  states: StratumSnapshot[][];
  marks: number[][];
}

function drawBase(u: Uniform, r: BaseRange): number {
  const x = u();
  return r.high > r.low ? Math.round(r.low + x * (r.high - r.low)) : Math.round(r.low);
}

/** Draws the parameter vector of one trajectory (priors or posterior samples: paramSource.ts). */
export function drawParams(model: CompiledModel, u: Uniform, into: Float64Array): ParamDraw {
  return drawParamSet(model, u, into);
}

/** A probability: clamped to [0, 1], NaN read as 0 (docs/model.md, "Numerical guards"). */
const clamp01 = (x: number): number => (x > 0 ? (x < 1 ? x : 1) : 0);

/**
 * Largest mean of a year's Poisson draw in one stratum (new registrations, direct applicants,
 * moves in): 10⁹, a numerical guard far above any plan (the whole country has under 10⁶ 高企).
 * Rates compounded over a long horizon or a response to an extreme reward could otherwise make
 * an infinite mean, and counts that are no longer exact integers.
 */
export const MAX_POISSON_MEAN = 1e9;

/** A Poisson mean: clamped to [0, MAX_POISSON_MEAN], NaN read as 0. */
const poissonMean = (x: number): number => (x > 0 ? (x < MAX_POISSON_MEAN ? x : MAX_POISSON_MEAN) : 0);

/**
 * Simulates one trajectory and writes every measure by year into `out`
 * (`out[m · years + y]`, measures in `model.measures` order, years from the base year).
 *
 * `paramU` draws the uncertain parameters and base counts (a fixed number of uniforms, so two
 * scenarios stay aligned); `draw` makes the process noise. With `presetParams`, `params` holds
 * the parameter vector already (in PARAM_NAMES order) and is used as given. Event order within a year and every
 * equation: docs/model.md.
 */
export function simulateTrajectory(
  model: CompiledModel,
  paramU: Uniform,
  draw: ProcessSampler,
  params: Float64Array,
  out: Float64Array,
  trace?: TrajectoryTrace,
  presetParams = false,
): void {
  // with preset parameters (sensitivity designs) their uniforms are skipped, so the base draws
  // stay aligned with a trajectory that drew them
  const drawn = presetParams ? skipParamDraws(model, paramU) : drawParams(model, paramU, params);
  const nStrata = model.strata.length;
  const nYears = model.years.length;
  const nMarks = model.marks.length;
  const pv = (i: number): number => params[i] ?? 0;

  // ---- base state -------------------------------------------------------------------------
  const hnteShare = pv(P.hnteShareOfTsme);
  const tsme0 = drawBase(paramU, drawn.base.tsme);
  const hnte0 = drawBase(paramU, drawn.base.hnte);
  const srdi0 = drawBase(paramU, drawn.base.srdi);
  const giant0 = drawBase(paramU, drawn.base.giant);
  const listed0 = drawBase(paramU, drawn.base.listed);
  const sectorCounts: number[] = [];
  let named = 0;
  for (const r of model.base.sectors) {
    const c = Math.min(drawBase(paramU, r), Math.max(0, hnte0 - named));
    sectorCounts.push(c);
    named += c;
  }
  if (nStrata > 1) sectorCounts.push(hnte0 - named);
  else sectorCounts.push(hnte0);
  const markU: number[] = [];
  const markShare: number[] = [];
  const markGain: number[] = [];
  for (let k = 0; k < nMarks; k++) {
    markU.push(drawBase(paramU, model.base.marks[k] ?? { low: 0, high: 0 }));
    markShare.push(clamp01(model.markShareOfNew[k]?.(paramU()) ?? 0));
    markGain.push(clamp01(model.markGainRate[k]?.(paramU()) ?? 0));
  }

  // registered non-高企 tech SMEs: the register less the 高企 on it
  const t0 = Math.round(tsme0 * (1 - hnteShare));
  const g = pv(P.baseCertGrowth);
  const ageW0 = 1;
  const ageW1 = 1 / (1 + g);
  const ageW2 = ageW1 / (1 + g);
  const ageSum = ageW0 + ageW1 + ageW2;
  const tilt = pv(P.sectorEntryTilt);
  const strata: Stratum[] = [];
  let tLeft = t0;
  let sLeft = srdi0;
  let gLeft = giant0;
  let lLeft = listed0;
  let hLeft = hnte0;
  let weightNamed = 0;
  for (let s = 0; s < nStrata; s++) {
    const hs = sectorCounts[s] ?? 0;
    const last = s === nStrata - 1;
    // other tiers split like the 高企 stock (binomial chain: exact multinomial)
    const share = hLeft > 0 ? hs / hLeft : 0;
    const ts = last ? tLeft : draw.binomial(tLeft, clamp01(share));
    const ss = last ? sLeft : draw.binomial(sLeft, clamp01(share));
    const gs = last ? gLeft : draw.binomial(gLeft, clamp01(share));
    const ls = last ? lLeft : draw.binomial(lLeft, clamp01(share));
    tLeft -= ts;
    sLeft -= ss;
    gLeft -= gs;
    lLeft -= ls;
    hLeft -= hs;
    const h0 = draw.binomial(hs, ageW0 / ageSum);
    const h1 = draw.binomial(hs - h0, ageW1 / (ageW1 + ageW2));
    const s0 = draw.binomial(ss, 1 / 3);
    const s1 = draw.binomial(ss - s0, 1 / 2);
    const g0 = draw.binomial(gs, 1 / 3);
    const g1 = draw.binomial(gs - g0, 1 / 2);
    let entryWeight = 1;
    if (nStrata > 1) {
      if (last) entryWeight = Math.max(0, 1 - weightNamed);
      else {
        entryWeight = Math.min(1, (hnte0 > 0 ? hs / hnte0 : 0) * tilt);
        weightNamed += entryWeight;
      }
    }
    strata.push({
      t: ts,
      h0,
      h1,
      h2: hs - h0 - h1,
      s0,
      s1,
      s2: ss - s0 - s1,
      g0,
      g1,
      g2: gs - g0 - g1,
      l: ls,
      prevApps: -1,
      entryWeight,
    });
  }
  const marks = markU.map((m) => Math.min(m, hnte0));

  const entryBase = pv(P.tsmeEntryRate) * t0;
  const entryGrowth = pv(P.tsmeEntryGrowth);
  const tsmeLeave = pv(P.tsmeLeave);
  const pLoss = 1 - (1 - pv(P.hnteExit)) * (1 - pv(P.hnteRevoke)) * (1 - pv(P.moveOut));
  const recertKeep = pv(P.recertKeep);
  const toPool = pv(P.lapsedToPool);
  const applyRate = pv(P.applyRate);
  const directApply = pv(P.directApply);
  const firstPass = pv(P.firstPass);
  const surgeDrop = pv(P.surgeDrop);
  const moveIn = pv(P.moveIn);
  const srdiPromote = pv(P.srdiPromote);
  const srdiPass = pv(P.srdiReviewPass);
  const srdiExit = pv(P.srdiExit);
  const giantPromote = pv(P.giantPromote);
  const giantPass = pv(P.giantReviewPass);
  const giantExit = pv(P.giantExit);
  const giantList = pv(P.giantList);
  const hnteList = pv(P.hnteList);
  const delist = pv(P.delist);
  const regShare = hnteShare / (1 - hnteShare);

  const mi = model.measures;
  const idx = (name: string): number => mi.indexOf(name);
  const M_TSME = idx('tsme');
  const M_HNTE = idx('hnte');
  const M_SRDI = idx('srdi');
  const M_GIANT = idx('giant');
  const M_LISTED = idx('listed');
  const M_TSME_NEW = idx('tsme_new');
  const M_HNTE_NEW = idx('hnte_new');
  const M_HNTE_RECERT = idx('hnte_recert');
  const M_HNTE_MOVEIN = idx('hnte_movein');
  const M_SRDI_NEW = idx('srdi_new');
  const M_GIANT_NEW = idx('giant_new');
  const M_LISTED_NEW = idx('listed_new');
  const firstStratumMeasure = nStrata > 1 ? idx(`hnte:${model.strata[0] ?? ''}`) : -1;
  const firstMarkMeasure = nMarks > 0 ? idx(`hnte:${model.marks[0] ?? ''}`) : -1;

  const record = (y: number, flows: YearLedger | null): void => {
    let t = 0;
    let h = 0;
    let sr = 0;
    let gi = 0;
    let li = 0;
    for (let s = 0; s < nStrata; s++) {
      const st = strata[s];
      if (st === undefined) continue;
      const hs = st.h0 + st.h1 + st.h2;
      t += st.t;
      h += hs;
      sr += st.s0 + st.s1 + st.s2;
      gi += st.g0 + st.g1 + st.g2;
      li += st.l;
      if (firstStratumMeasure >= 0) out[(firstStratumMeasure + s) * nYears + y] = hs;
    }
    out[M_TSME * nYears + y] = t + Math.min(h, Math.round(t * regShare));
    out[M_HNTE * nYears + y] = h;
    out[M_SRDI * nYears + y] = sr;
    out[M_GIANT * nYears + y] = gi;
    out[M_LISTED * nYears + y] = li;
    for (let k = 0; k < nMarks; k++) out[(firstMarkMeasure + k) * nYears + y] = marks[k] ?? 0;
    out[M_TSME_NEW * nYears + y] = flows?.tsmeEntries ?? 0;
    out[M_HNTE_NEW * nYears + y] = flows?.firstCerts ?? 0;
    out[M_HNTE_RECERT * nYears + y] = flows?.hnteKept ?? 0;
    out[M_HNTE_MOVEIN * nYears + y] = flows?.moveIns ?? 0;
    out[M_SRDI_NEW * nYears + y] = flows?.srdiNew ?? 0;
    out[M_GIANT_NEW * nYears + y] = flows?.giantNew ?? 0;
    out[M_LISTED_NEW * nYears + y] = flows?.listedNew ?? 0;
    if (trace !== undefined) {
      trace.states.push(
        strata.map((st) => ({
          t: st.t,
          h: [st.h0, st.h1, st.h2] as const,
          s: [st.s0, st.s1, st.s2] as const,
          g: [st.g0, st.g1, st.g2] as const,
          l: st.l,
        })),
      );
      trace.marks.push([...marks]);
      if (flows !== null) trace.ledgers.push({ ...flows });
    }
  };
  record(0, null);

  // ---- levers and money ----------------------------------------------------------------------
  const levers = model.levers;
  const budgets = model.budgets;
  const nBudgets = budgets.length;
  const rewardPeak = pv(P.rewardPeak);
  const rewardEps = pv(P.rewardElasticity);
  const fadeYears = pv(P.rewardFadeYears);
  const persistent = pv(P.rewardPersistent);
  const tau = pv(P.talentIslandShare);
  const atMostShare = pv(P.atMostPayShare);
  /** fraction of last year's promised payments each budget could pay (1: all) */
  const paidPrev = new Float64Array(nBudgets).fill(1);
  const spentSoFar = new Float64Array(nBudgets);
  const demandB = new Float64Array(nBudgets);
  const leverDemand = new Float64Array(levers.length);
  const iuMark = model.marks.indexOf('iuCentre');
  for (const l of levers) if (l.outlayMeasure >= 0) out[l.outlayMeasure * nYears] = 0;
  for (const b of budgets) {
    out[b.spendMeasure * nYears] = 0;
    out[b.demandMeasure * nYears] = 0;
  }
  if (model.spendMeasure >= 0) out[model.spendMeasure * nYears] = 0;
  /** a per-firm amount as paid on average: the higher amount for a share τ, "up to" amounts in part */
  const meanAmount = (l: (typeof levers)[number]): number => {
    const base = Number.isNaN(l.amount2) ? l.amount : (1 - tau) * l.amount + tau * l.amount2;
    return l.atMost ? base * atMostShare : base;
  };
  /** scale of a reward response: (paid amount / reference)^ε; 1 when the plan states no amount */
  const rewardScale = (l: (typeof levers)[number]): number => {
    if (Number.isNaN(l.amount)) return 1;
    const paid = meanAmount(l) * (l.budget >= 0 ? (paidPrev[l.budget] ?? 1) : 1);
    return paid <= 0 ? 0 : Math.pow(paid / l.response.reference, rewardEps);
  };

  const f: YearLedger = {
    year: 0,
    tsmeEntries: 0,
    tsmeLeft: 0,
    hnteLost: 0,
    hnteDue: 0,
    hnteKept: 0,
    hnteLapsed: 0,
    lapsedToPool: 0,
    firstApps: 0,
    firstCerts: 0,
    directCerts: 0,
    moveIns: 0,
    srdiLost: 0,
    srdiDue: 0,
    srdiPassed: 0,
    srdiNew: 0,
    giantLost: 0,
    giantDue: 0,
    giantPassed: 0,
    giantNew: 0,
    listedNew: 0,
    delisted: 0,
  };

  for (let y = 1; y < nYears; y++) {
    f.year = model.years[y] ?? 0;
    f.tsmeEntries = f.tsmeLeft = f.hnteLost = f.hnteDue = f.hnteKept = f.hnteLapsed = f.lapsedToPool = 0;
    f.firstApps =
      f.firstCerts =
      f.directCerts =
      f.moveIns =
      f.srdiLost =
      f.srdiDue =
      f.srdiPassed =
      f.srdiNew =
        0;
    f.giantLost = f.giantDue = f.giantPassed = f.giantNew = f.listedNew = f.delisted = 0;
    let hStart = 0;
    let hKeptWithMarks = 0;
    let newWithMarks = 0;
    // lever responses for the year (each lever type acts once: compile marks the acting lever)
    let appMult = model.applicationMultiplier[y] ?? 1;
    let passMult = 1;
    let keepBoost = 0;
    let moveInMult = 1;
    let entryMult = 1;
    let extraEntries = 0;
    let leaveMult = 1;
    let srdiMult = 1;
    let listMult = 1;
    let iuCentres = 0;
    for (const l of levers) {
      if (l.acts[y] !== 1) continue;
      const r = l.response;
      const strength = r.strength === null ? 0 : pv(P[r.strength]);
      switch (l.type) {
        case 'first-cert-reward': {
          const k = l.age[y] ?? 0;
          const phi = k <= 1 ? 1 : persistent + (1 - persistent) * Math.max(0, 1 - (k - 1) / fadeYears);
          appMult *= 1 + (rewardPeak - 1) * phi * rewardScale(l);
          break;
        }
        case 'recert-reward':
          keepBoost = clamp01(strength * rewardScale(l));
          break;
        case 'move-in-bonus':
          moveInMult *= 1 + strength * rewardScale(l);
          break;
        case 'rd-subsidy': {
          if (Number.isNaN(l.shareOfDeduction)) {
            // R&D funding not stated as a share of the deduction (city projects): general support
            appMult *= 1 + pv(P.supportEffect);
            break;
          }
          const costCut = l.shareOfDeduction * (l.budget >= 0 ? (paidPrev[l.budget] ?? 1) : 1);
          appMult *= 1 + strength * pv(P.rdElasticity) * costCut;
          break;
        }
        case 'incubators':
          if (Number.isNaN(l.countTotal)) entryMult *= 1 + pv(P.programmeEffect);
          else extraEntries += strength * l.countTotal;
          break;
        case 'iu-centres':
          if (!Number.isNaN(l.amount)) iuCentres += l.countPerYear;
          break;
        case 'agent-blacklist':
          appMult *= 1 - clamp01(strength);
          break;
        default:
          switch (r.target) {
            case 'applications':
              appMult *= 1 + strength;
              break;
            case 'firstPass':
              passMult *= 1 + strength;
              break;
            case 'listing':
              listMult *= 1 + strength;
              break;
            case 'srdiPromote':
              srdiMult *= 1 + strength;
              break;
            case 'tsmeLeave':
              leaveMult *= 1 - clamp01(strength);
              break;
            default:
              break;
          }
      }
    }
    const recertKeepY = recertKeep + (1 - recertKeep) * keepBoost;
    const entryMean = entryBase * Math.pow(1 + entryGrowth, y - 1) * entryMult + extraEntries;
    const shift = y >= (model.regimeBreak?.yearIndex ?? nYears) ? drawn.shift : 1;
    for (let s = 0; s < nStrata; s++) {
      const st = strata[s];
      if (st === undefined) continue;
      const hTot = st.h0 + st.h1 + st.h2;
      const sTot = st.s0 + st.s1 + st.s2;
      const gTot = st.g0 + st.g1 + st.g2;
      hStart += hTot;
      // 1. register: leavers, then this year's new registrations (they apply from next year)
      const left = draw.binomial(st.t, clamp01(tsmeLeave * leaveMult));
      const entries = draw.poisson(poissonMean(entryMean * st.entryWeight));
      // 2. 高企 lost while valid: closure, revocation, moves out
      const l0 = draw.binomial(st.h0, pLoss);
      const l1 = draw.binomial(st.h1, pLoss);
      const l2 = draw.binomial(st.h2, pLoss);
      // 3. expiry of the three-year-old certificates: re-certify or lapse
      const due = st.h2 - l2;
      const kept = draw.binomial(due, clamp01(recertKeepY));
      const lapsed = due - kept;
      const back = draw.binomial(lapsed, toPool);
      // 4. first certification from the register, with a lower pass rate in a surge year
      const pool = st.t - left;
      const apps = draw.binomial(pool, clamp01(applyRate * appMult * shift));
      const direct = draw.poisson(poissonMean(directApply * appMult * shift * hTot));
      const ratio = st.prevApps > 0 ? (apps + direct) / st.prevApps : 1;
      const surge = clamp01((ratio - 1.25) / 0.5);
      const pass = clamp01(firstPass * passMult - surgeDrop * surge);
      const passedPool = draw.binomial(apps, pass);
      const passedDirect = draw.binomial(direct, pass);
      const passed = passedPool + passedDirect;
      st.prevApps = apps + direct;
      // 5. whole-firm moves in, keeping their certificate's age
      const moved = draw.poisson(poissonMean(moveIn * moveInMult * hTot));
      const m0 = draw.binomial(moved, 1 / 3);
      const m1 = draw.binomial(moved - m0, 1 / 2);
      const m2 = moved - m0 - m1;
      // 6. 专精特新 titles: losses, 3-year review, promotion from 高企 without the title
      const sl0 = draw.binomial(st.s0, srdiExit);
      const sl1 = draw.binomial(st.s1, srdiExit);
      const sl2 = draw.binomial(st.s2, srdiExit);
      const sDue = st.s2 - sl2;
      const sPass = draw.binomial(sDue, srdiPass);
      const sNew = draw.binomial(Math.max(0, hTot - sTot), clamp01(srdiPromote * srdiMult));
      // 7. 小巨人 titles: same, promoted from provincial 专精特新
      const gl0 = draw.binomial(st.g0, giantExit);
      const gl1 = draw.binomial(st.g1, giantExit);
      const gl2 = draw.binomial(st.g2, giantExit);
      const gDue = st.g2 - gl2;
      const gPass = draw.binomial(gDue, giantPass);
      const gNew = draw.binomial(Math.max(0, sTot - gTot), giantPromote);
      // 8. listing: 小巨人 and other 高企; delisting
      const newListed =
        draw.binomial(gTot, clamp01(giantList * listMult)) +
        draw.binomial(Math.max(0, hTot - gTot), clamp01(hnteList * listMult));
      const delisted = draw.binomial(st.l, delist);

      // ageing: the year's new certificates are age 0
      st.t = pool - passedPool + back + entries;
      st.h2 = st.h1 - l1 + m2;
      st.h1 = st.h0 - l0 + m1;
      st.h0 = kept + passed + m0;
      st.s2 = st.s1 - sl1;
      st.s1 = st.s0 - sl0;
      st.s0 = sPass + sNew;
      st.g2 = st.g1 - gl1;
      st.g1 = st.g0 - gl0;
      st.g0 = gPass + gNew;
      st.l = st.l - delisted + newListed;

      f.tsmeEntries += entries;
      f.tsmeLeft += left;
      f.hnteLost += l0 + l1 + l2;
      f.hnteDue += due;
      f.hnteKept += kept;
      f.hnteLapsed += lapsed;
      f.lapsedToPool += back;
      f.firstApps += apps + direct;
      f.firstCerts += passed;
      f.directCerts += passedDirect;
      f.moveIns += moved;
      f.srdiLost += sl0 + sl1 + sl2;
      f.srdiDue += sDue;
      f.srdiPassed += sPass;
      f.srdiNew += sNew;
      f.giantLost += gl0 + gl1 + gl2;
      f.giantDue += gDue;
      f.giantPassed += gPass;
      f.giantNew += gNew;
      f.listedNew += newListed;
      f.delisted += delisted;
      hKeptWithMarks += hTot - (l0 + l1 + l2) - lapsed;
      newWithMarks += passed + moved;
    }
    // 9. marks (subsets of the 高企 stock): lost with the certificate, carried by a share of new
    //    高企, gained by certified firms without the mark
    if (nMarks > 0) {
      const lossFrac = hStart > 0 ? clamp01(1 - hKeptWithMarks / hStart) : 0;
      let hEnd = 0;
      for (const st of strata) hEnd += st.h0 + st.h1 + st.h2;
      for (let k = 0; k < nMarks; k++) {
        const m = marks[k] ?? 0;
        const keptM = m - draw.binomial(m, lossFrac);
        const gained =
          draw.binomial(newWithMarks, markShare[k] ?? 0) +
          draw.binomial(Math.max(0, hKeptWithMarks - keptM), markGain[k] ?? 0) +
          (k === iuMark && iuCentres > 0 ? draw.binomial(Math.round(iuCentres), pv(P.iuCentreTakeUp)) : 0);
        marks[k] = Math.min(hEnd, keptM + gained);
      }
    }
    record(y, f);

    // money: what the levers promise this year, rationed by their budget caps
    demandB.fill(0);
    for (let i = 0; i < levers.length; i++) {
      const l = levers[i];
      let d = 0;
      if (l !== undefined && l.active[y] === 1 && l.outlayMeasure >= 0) {
        if (l.perYear > 0) d = l.perYear;
        else if (l.type === 'rd-subsidy')
          d = pv(P.rdClaimShare) * hStart * pv(P.rdPerFirm) * l.shareOfDeduction;
        else if (l.type === 'first-cert-reward') d = f.firstCerts * meanAmount(l);
        else if (l.type === 'recert-reward') d = f.hnteKept * meanAmount(l);
        else if (l.type === 'move-in-bonus') d = f.moveIns * meanAmount(l);
        if (l.budget >= 0) demandB[l.budget] = (demandB[l.budget] ?? 0) + d;
      }
      leverDemand[i] = d;
    }
    let spendTotal = 0;
    for (let b = 0; b < nBudgets; b++) {
      const bud = budgets[b];
      if (bud === undefined) continue;
      const d = demandB[b] ?? 0;
      let frac = 1;
      if (bud.kind === 'cap' && bud.active[y] === 1 && d > 0) {
        const avail = bud.per === 'period' ? Math.max(0, bud.amount - (spentSoFar[b] ?? 0)) : bud.amount;
        frac = Math.min(1, avail / d);
      }
      if (d > 0) paidPrev[b] = frac;
      spentSoFar[b] = (spentSoFar[b] ?? 0) + d * frac;
      out[bud.spendMeasure * nYears + y] = Math.floor(d * frac);
      out[bud.demandMeasure * nYears + y] = Math.round(d);
    }
    for (let i = 0; i < levers.length; i++) {
      const l = levers[i];
      if (l === undefined || l.outlayMeasure < 0) continue;
      const paid = (leverDemand[i] ?? 0) * (l.budget >= 0 ? (paidPrev[l.budget] ?? 1) : 1);
      out[l.outlayMeasure * nYears + y] = Math.floor(paid);
      spendTotal += paid;
    }
    if (model.spendMeasure >= 0) out[model.spendMeasure * nYears + y] = Math.floor(spendTotal);
  }
}
