import type { DesignRow, RowBatchResult } from '../engine/rowBatch.js';
import { stream } from '../engine/rng.js';
import { compileModel } from '../model/compile.js';
import { LEVER_RESPONSES, type ResponseForm } from '../model/leverResponses.js';
import { paramSlots } from '../model/paramSlots.js';
import type { Lever } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { binOf, binnedMainEffect, mainEffectBootstrap } from './binnedMainEffect.js';
import { runRows, spanRows, type Evaluate } from './designRuns.js';
import { uncertainFactors, type Factor } from './factors.js';
import { pairedDifference, type PairedDifference } from './pairedDifference.js';
import { DEFAULT_PRIM, primBoxes, type PrimBox } from './prim.js';
import { abRow, sobolBootstrap, sobolIndices } from './sobol.js';

/** Sizes of the designs. */
export interface SensitivitySettings {
  /** plain Monte Carlo sample (P(goal), value of information, scenario discovery) */
  readonly runs: number;
  /** trajectories per arm of the one-way (tornado) and lever comparisons */
  readonly tornadoRuns: number;
  /** pilot pairs that decide whether a factor moves the goal at all */
  readonly tornadoPilot: number;
  /** rows N of each Saltelli matrix */
  readonly sobolRows: number;
  /** trajectories averaged per Saltelli row */
  readonly sobolReplicates: number;
  /** equal-probability bins for the value of information */
  readonly bins: number;
  readonly sobolBootstrap: number;
  readonly voiBootstrap: number;
}

export const DEFAULT_SENSITIVITY: SensitivitySettings = {
  runs: 10_000,
  tornadoRuns: 2000,
  tornadoPilot: 100,
  sobolRows: 2048,
  sobolReplicates: 2,
  bins: 20,
  sobolBootstrap: 1000,
  voiBootstrap: 200,
};

/** Percentiles of the one-way analysis. */
const LOW = 0.1;
const HIGH = 0.9;
/** Sobol' intervals wider than this trigger the convergence warning. */
const WIDE = 0.1;
const SOBOL_LEVEL = 0.95;
/** Drivers listed: the top of each ranking. */
const TOP = 5;

const round = (x: number, digits: number): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};
/** A value in its own units, to 4 significant digits. */
const sig = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(4)));
const mean = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0;
  return xs.length > 0 ? s / xs.length : Number.NaN;
};

/** One scenario variant the bureau could choose instead of the plan as written. */
interface Variant {
  readonly target: 'lever' | 'budget' | 'all-levers';
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly variant: 'off' | 'x0.5' | 'x2' | 'no-cap';
  readonly scenario: ResolvedScenario;
}

function scaleLever(l: Lever, f: number): Lever {
  return {
    ...l,
    amounts: l.amounts.map((a) => ({
      ...a,
      amount: {
        ...a.amount,
        value: a.amount.unit === 'share' ? Math.min(1, a.amount.value * f) : a.amount.value * f,
      },
    })),
  };
}

/** Response forms whose strength depends on the lever's amount (the others act on or off). */
const AMOUNT_FORMS: ReadonlySet<ResponseForm> = new Set(['reward', 'rd-subsidy', 'count']);

/**
 * What the bureau controls, as scenario variants: each lever off, the amounts of each lever whose
 * response depends on its amount halved and doubled, each budget cap halved, doubled and lifted, and all levers off.
 */
export function leverVariants(s: ResolvedScenario): Variant[] {
  const plan = s.plan;
  const out: Variant[] = [];
  const withPlan = (p: Partial<typeof plan>): ResolvedScenario => ({ ...s, plan: { ...plan, ...p } });
  if (plan.levers.length > 0) {
    out.push({
      target: 'all-levers',
      id: 'all',
      label: '不实施方案中的任何措施',
      labelEn: 'none of the plan’s levers',
      variant: 'off',
      scenario: { ...withPlan({ levers: [] }), policy: 'status-quo' },
    });
  }
  plan.levers.forEach((l, i) => {
    const replace = (x: Lever | null): Lever[] =>
      plan.levers.flatMap((y, j) => (j !== i ? [y] : x === null ? [] : [x]));
    out.push({
      target: 'lever',
      id: l.id,
      label: l.label.zh,
      labelEn: l.label.en,
      variant: 'off',
      scenario: withPlan({ levers: replace(null) }),
    });
    if (l.amounts.length > 0 && AMOUNT_FORMS.has(LEVER_RESPONSES[l.type].form)) {
      for (const [variant, f] of [
        ['x0.5', 0.5],
        ['x2', 2],
      ] as const) {
        out.push({
          target: 'lever',
          id: l.id,
          label: l.label.zh,
          labelEn: l.label.en,
          variant,
          scenario: withPlan({ levers: replace(scaleLever(l, f)) }),
        });
      }
    }
  });
  plan.budgets.forEach((b, i) => {
    if (b.kind !== 'cap') return;
    const budgets = (amount: number | null): typeof plan.budgets =>
      plan.budgets.flatMap((y, j) => (j !== i ? [y] : amount === null ? [] : [{ ...y, amount }]));
    const levers = (keep: boolean): Lever[] =>
      keep ? plan.levers : plan.levers.map((l) => ({ ...l, budgets: l.budgets.filter((id) => id !== b.id) }));
    for (const [variant, f] of [
      ['x0.5', 0.5],
      ['x2', 2],
    ] as const) {
      out.push({
        target: 'budget',
        id: b.id,
        label: b.label.zh,
        labelEn: b.label.en,
        variant,
        scenario: withPlan({ budgets: budgets(b.amount * f) }),
      });
    }
    out.push({
      target: 'budget',
      id: b.id,
      label: b.label.zh,
      labelEn: b.label.en,
      variant: 'no-cap',
      scenario: withPlan({ budgets: budgets(null), levers: levers(false) }),
    });
  });
  return out;
}

/** Values of a slice of trajectories. */
function slice(r: RowBatchResult, start: number, count: number): { margin: Float64Array; met: Uint8Array } {
  return { margin: r.margin.subarray(start, start + count), met: r.met.subarray(start, start + count) };
}

function concat(a: { margin: Float64Array; met: Uint8Array }, b: { margin: Float64Array; met: Uint8Array }) {
  const margin = new Float64Array(a.margin.length + b.margin.length);
  margin.set(a.margin);
  margin.set(b.margin, a.margin.length);
  const met = new Uint8Array(a.met.length + b.met.length);
  met.set(a.met);
  met.set(b.met, a.met.length);
  return { margin, met };
}

/**
 * What drives the verdict on one goal: one-way (tornado) effects of every uncertain input and of
 * the bureau's levers, Sobol' indices of the goal margin, the value of knowing each input, and the
 * regions of the inputs where the goal fails (and where it is met). Every design uses the
 * scenario's seed and common random numbers; every estimate carries its Monte Carlo error.
 * docs/cli.md ("sensitivity") describes the methods and the output.
 */
export async function analyseSensitivity(
  scenario: ResolvedScenario,
  goalId: string,
  settings: SensitivitySettings,
  evaluate: Evaluate,
  version: string,
): Promise<SensitivityReport> {
  const model = compileModel(scenario);
  const goalIndex = model.goals.findIndex((g) => g.id === goalId);
  const planGoal = scenario.plan.goals.find((g) => g.id === goalId);
  if (goalIndex < 0 || planGoal === undefined || planGoal.kind !== 'projected') {
    throw new Error(`analyseSensitivity: ${goalId} is not a simulated goal of ${scenario.id}`);
  }
  const seed = scenario.seed;
  const slots = paramSlots(model).length;
  const factors = uncertainFactors(scenario, model);
  const warnings: string[] = [];
  const drawn = new Float64Array(slots).fill(Number.NaN);
  let trajectories = 0;
  const run = async (
    s: ResolvedScenario,
    rowSeed: string,
    rows: readonly DesignRow[],
    keep = false,
  ): Promise<RowBatchResult> => {
    const r = await runRows(evaluate, s, rowSeed, goalIndex, rows, keep);
    trajectories += r.met.length;
    return r;
  };

  // ---- plain sample: P(goal) as `ladder run` reports it, and the drawn inputs -----------------
  const n = settings.runs;
  const plain = await run(scenario, seed, spanRows(drawn, 0, n), true);
  const plainU = plain.uniforms ?? new Float64Array(0);
  const p = mean(plain.met);
  const pSe = Math.sqrt((p * (1 - p)) / n);
  const marginMean = mean(plain.margin);
  let ssm = 0;
  for (const x of plain.margin) ssm += (x - marginMean) ** 2;
  const marginSe = n > 1 ? Math.sqrt(ssm / (n - 1) / n) : 0;
  if (p === 0 || p === 1) {
    warnings.push(
      `The goal is ${p === 0 ? 'missed' : 'met'} in all ${n} trajectories: effects on P(goal) and its value of information are 0 here; the effects on the margin still say what moves the count.`,
    );
  }

  // ---- one-way (tornado): each factor at its 10th and 90th percentile ---------------------------
  const m = Math.min(settings.tornadoRuns, n);
  const pilot = Math.min(settings.tornadoPilot, m);
  const armRow = (f: Factor, u: number, start: number, count: number): DesignRow[] => {
    const row = new Float64Array(slots).fill(Number.NaN);
    row[f.slot] = u;
    return spanRows(row, start, count);
  };
  const pilotRows = factors.flatMap((f) => [...armRow(f, LOW, 0, pilot), ...armRow(f, HIGH, 0, pilot)]);
  const pilotOut = await run(scenario, seed, pilotRows);
  const active: boolean[] = [];
  const arms: {
    low: { margin: Float64Array; met: Uint8Array };
    high: { margin: Float64Array; met: Uint8Array };
  }[] = [];
  factors.forEach((_f, i) => {
    const low = slice(pilotOut, 2 * i * pilot, pilot);
    const high = slice(pilotOut, (2 * i + 1) * pilot, pilot);
    const d = pairedDifference(low.margin, high.margin);
    active.push(d.changed > 0 || pairedDifference(low.met, high.met).changed > 0);
    arms.push({ low, high });
  });
  const activeFactors = factors.filter((_f, i) => active[i] === true);
  if (m > pilot && activeFactors.length > 0) {
    const rest = await run(
      scenario,
      seed,
      activeFactors.flatMap((f) => [
        ...armRow(f, LOW, pilot, m - pilot),
        ...armRow(f, HIGH, pilot, m - pilot),
      ]),
    );
    activeFactors.forEach((f, j) => {
      const i = factors.indexOf(f);
      const arm = arms[i];
      if (arm === undefined) return;
      arms[i] = {
        low: concat(arm.low, slice(rest, 2 * j * (m - pilot), m - pilot)),
        high: concat(arm.high, slice(rest, (2 * j + 1) * (m - pilot), m - pilot)),
      };
    });
  }
  const tornado = factors
    .map((f, i) => {
      const arm = arms[i];
      const dm = pairedDifference(arm?.low.margin ?? [], arm?.high.margin ?? []);
      const dp = pairedDifference(arm?.low.met ?? [], arm?.high.met ?? []);
      return { f, i, dm, dp };
    })
    .filter((t) => active[t.i] === true)
    .sort((a, b) => Math.abs(b.dm.diff) - Math.abs(a.dm.diff) || a.f.slot - b.f.slot);

  // ---- levers: what the bureau controls -------------------------------------------------------
  const base = slice(plain, 0, m);
  const variants = scenario.policy === 'status-quo' ? [] : leverVariants(scenario);
  const leverRows: SensitivityReport['levers'] = [];
  const variantRuns = await Promise.all(variants.map((v) => run(v.scenario, seed, spanRows(drawn, 0, m))));
  variants.forEach((v, k) => {
    const r = variantRuns[k];
    if (r === undefined) return;
    const dp = pairedDifference(base.met, r.met);
    const dm = pairedDifference(base.margin, r.margin);
    leverRows.push({
      target: v.target,
      id: v.id,
      label: v.label,
      labelEn: v.labelEn,
      variant: v.variant,
      p: round(dp.meanB, 4),
      dP: round(dp.diff, 4),
      dPSe: round(dp.se, 4),
      dMargin: round(dm.diff, 2),
      dMarginSe: round(dm.se, 2),
      pairs: m,
    });
  });

  // ---- Sobol' indices of the goal margin --------------------------------------------------------
  let sobol: SensitivityReport['sobol'] = null;
  const sobolRank = new Map<string, number>();
  if (activeFactors.length > 0) {
    const N = settings.sobolRows;
    const R = settings.sobolReplicates;
    const A: Float64Array[] = [];
    const B: Float64Array[] = [];
    for (let j = 0; j < N; j++) {
      const ua = stream(seed, j, 'sobol-a');
      const ub = stream(seed, j, 'sobol-b');
      A.push(Float64Array.from({ length: slots }, () => ua()));
      B.push(Float64Array.from({ length: slots }, () => ub()));
    }
    // A and every AB⁽ⁱ⁾ share row j's process noise (trajectories jR … jR + R − 1 of seed/sobol-a);
    // B rows have their own (seed/sobol-b): the noise is an input drawn independently in A and B
    const rowsOf = (us: readonly Float64Array[]): DesignRow[] =>
      us.map((u, j) => ({ u, start: j * R, count: R }));
    const [fA, fB, ...fAB] = await Promise.all([
      run(scenario, `${seed}/sobol-a`, rowsOf(A)),
      run(scenario, `${seed}/sobol-b`, rowsOf(B)),
      ...activeFactors.map((f) =>
        run(scenario, `${seed}/sobol-a`, rowsOf(A.map((a, j) => abRow(a, B[j] ?? a, f.slot)))),
      ),
    ]);
    const rowMeans = (r: RowBatchResult): Float64Array =>
      Float64Array.from({ length: N }, (_, j) => mean(r.margin.subarray(j * R, (j + 1) * R)));
    const outputs = { fA: rowMeans(fA), fB: rowMeans(fB), fAB: fAB.map(rowMeans) };
    const est = sobolIndices(outputs);
    const ci = sobolBootstrap(
      outputs,
      stream(seed, 0, 'sobol-bootstrap'),
      settings.sobolBootstrap,
      SOBOL_LEVEL,
    );
    // process noise in a row mean: the within-row variance over R, averaged over the A rows
    let within = 0;
    if (R > 1) {
      for (let j = 0; j < N; j++) {
        const xs = fA.margin.subarray(j * R, (j + 1) * R);
        const mu = mean(xs);
        let ss = 0;
        for (const x of xs) ss += (x - mu) ** 2;
        within += ss / (R - 1);
      }
      within /= N;
    }
    const noiseShare = est.variance > 0 ? within / R / est.variance : 0;
    const indices = activeFactors
      .map((f, i) => ({
        factor: f.name,
        group: f.group,
        reliance: f.reliance,
        s1: round(est.s1[i] ?? 0, 3),
        s1Lo: round(ci.s1[i]?.lo ?? 0, 3),
        s1Hi: round(ci.s1[i]?.hi ?? 0, 3),
        st: round(est.st[i] ?? 0, 3),
        stLo: round(ci.st[i]?.lo ?? 0, 3),
        stHi: round(ci.st[i]?.hi ?? 0, 3),
      }))
      .sort((a, b) => b.st - a.st || b.s1 - a.s1); // stable: ties stay in layout order
    indices.forEach((x, r) => sobolRank.set(x.factor, r + 1));
    let widest = 0;
    let widestName = '';
    for (const x of indices) {
      for (const w of [x.s1Hi - x.s1Lo, x.stHi - x.stLo]) {
        if (w > widest) {
          widest = w;
          widestName = x.factor;
        }
      }
    }
    const converged = widest <= WIDE;
    if (!converged) {
      warnings.push(
        `Sobol' indices have not converged: the widest ${SOBOL_LEVEL * 100}% interval (${widestName}) spans ${round(widest, 3)} > ${WIDE}. Rerun with more --sobol-rows (the interval narrows as 1/√rows).`,
      );
    }
    if (noiseShare > 0.2) {
      warnings.push(
        `Process noise is ${round(100 * noiseShare, 0)}% of the variance of the Sobol' output: the indices share out the rest. Raise --sobol-reps to average more trajectories per row.`,
      );
    }
    sobol = {
      output: 'margin',
      rows: N,
      replicates: R,
      trajectories: N * (activeFactors.length + 2) * R,
      variance: sig(est.variance),
      noiseShare: round(noiseShare, 3),
      level: SOBOL_LEVEL,
      bootstrap: settings.sobolBootstrap,
      converged,
      indices,
    };
  }

  // ---- value of information: how much P(goal) moves once a factor is known ------------------------
  const column = (f: Factor): Float64Array =>
    Float64Array.from({ length: n }, (_, r) => plainU[r * slots + f.slot] ?? 0);
  const K = settings.bins;
  const columns = activeFactors.map(column);
  const bins = columns.map((c) => binOf(c, K));
  const spreads = mainEffectBootstrap(
    bins,
    plain.met,
    K,
    stream(seed, 0, 'voi-bootstrap'),
    settings.voiBootstrap,
  );
  const voi = activeFactors
    .map((f, i) => {
      const e = binnedMainEffect(bins[i] ?? new Uint8Array(0), plain.met, K);
      const s = spreads[i];
      return {
        factor: f.name,
        group: f.group,
        reliance: f.reliance,
        rmsChange: round(e.rmsChange, 4),
        rmsSe: round(s?.se ?? 0, 4),
        rmsLo: round(s?.lo ?? 0, 4),
        rmsHi: round(s?.hi ?? 0, 4),
        meanAbsChange: round(e.meanAbsChange, 4),
        noiseFloor: round(e.noiseFloor, 4),
        curve: e.binMeans.map((pk, k) => ({
          lo: sig(f.value(k / K)),
          hi: sig(f.value(Math.min(0.999999, (k + 1) / K))),
          p: round(pk, 4),
          n: e.binCounts[k] ?? 0,
        })),
      };
    })
    .sort((a, b) => b.rmsChange - a.rmsChange || b.meanAbsChange - a.meanAbsChange);

  // ---- scenario discovery ---------------------------------------------------------------------
  const discover = (y: Uint8Array, what: string): SensitivityReport['discovery']['failure'] => {
    let cases = 0;
    for (const v of y) cases += v;
    const rate = n > 0 ? cases / n : 0;
    const threshold = round(Math.max(DEFAULT_PRIM.threshold, (1 + rate) / 2), 3);
    if (activeFactors.length === 0 || cases < 20 || n - cases < 20) {
      return {
        cases,
        baseRate: round(rate, 4),
        threshold,
        boxes: [],
        note: `Too few trajectories ${cases < 20 ? `where the goal is ${what}` : `where it is not`} (${Math.min(cases, n - cases)} of ${n}) to describe a region.`,
      };
    }
    const boxes = primBoxes(columns, y, { ...DEFAULT_PRIM, threshold });
    const rules = (b: PrimBox): SensitivityReport['discovery']['failure']['boxes'][number]['rules'] =>
      activeFactors.flatMap((f, d) => {
        const lo = b.lo[d] ?? -Infinity;
        const hi = b.hi[d] ?? Infinity;
        if (!Number.isFinite(lo) && !Number.isFinite(hi)) return [];
        return [
          {
            factor: f.name,
            lower: Number.isFinite(lo) ? sig(f.value(lo)) : null,
            upper: Number.isFinite(hi) ? sig(f.value(hi)) : null,
            lowerPercentile: Number.isFinite(lo) ? round(100 * lo, 1) : null,
            upperPercentile: Number.isFinite(hi) ? round(100 * hi, 1) : null,
          },
        ];
      });
    const kept = boxes
      .map((b) => ({
        rules: rules(b),
        mass: round(b.mass, 4),
        density: round(b.density, 4),
        coverage: round(b.coverage, 4),
        n: b.n,
        cases: b.hits,
      }))
      .filter((b) => b.rules.length > 0);
    const top = kept[0];
    return {
      cases,
      baseRate: round(rate, 4),
      threshold,
      boxes: kept,
      note:
        top === undefined
          ? `No region of the inputs concentrates the trajectories where the goal is ${what}: they are spread across the space.`
          : top.density < threshold
            ? `No box reaches a density of ${threshold}; the box shown is the best trade-off of density and coverage found (weighted relative accuracy).`
            : null,
    };
  };
  const failure = discover(
    Uint8Array.from(plain.met, (v) => 1 - v),
    'missed',
  );
  const success = discover(plain.met, 'met');

  // ---- drivers: the top of each ranking, with what they rest on --------------------------------
  const tornadoRank = new Map(tornado.map((t, r) => [t.f.name, r + 1]));
  const voiRank = new Map(voi.map((v, r) => [v.factor, r + 1]));
  const drivers = activeFactors
    .map((f) => ({
      factor: f.name,
      group: f.group,
      tag: f.tag,
      reliance: f.reliance,
      tornadoRank: tornadoRank.get(f.name) ?? null,
      sobolRank: sobolRank.get(f.name) ?? null,
      voiRank: voiRank.get(f.name) ?? null,
    }))
    .filter((d) => [d.tornadoRank, d.sobolRank, d.voiRank].some((r) => r !== null && r <= TOP))
    .sort((a, b) => {
      const best = (d: typeof a): number =>
        Math.min(d.tornadoRank ?? 1e9, d.sobolRank ?? 1e9, d.voiRank ?? 1e9);
      const sum = (d: typeof a): number => (d.tornadoRank ?? 1e6) + (d.sobolRank ?? 1e6) + (d.voiRank ?? 1e6);
      return best(a) - best(b) || sum(a) - sum(b) || a.factor.localeCompare(b.factor);
    });

  const tornadoRows = tornado.map(({ f, dm, dp }) => tornadoRow(f, dm, dp));
  const plainGoal = planGoal;
  const maxOf = (xs: readonly number[]): number => xs.reduce((a, b) => Math.max(a, b), 0);
  return {
    kind: 'sensitivity',
    scenario: scenario.id,
    plan: scenario.plan.id,
    seed,
    version,
    goal: {
      id: plainGoal.id,
      label: plainGoal.label.zh,
      labelEn: plainGoal.label.en,
      measure: plainGoal.measure,
      comparison: plainGoal.comparison,
      target: plainGoal.target,
      year: plainGoal.year,
    },
    settings: {
      runs: n,
      tornadoRuns: m,
      tornadoPilot: pilot,
      sobolRows: settings.sobolRows,
      sobolReplicates: settings.sobolReplicates,
      bins: K,
    },
    trajectories,
    probability: { value: round(p, 4), se: round(pSe, 4) },
    margin: { mean: round(marginMean, 2), se: round(marginSe, 2) },
    factors: factors.map((f, i) => ({
      name: f.name,
      group: f.group,
      kind: f.kind,
      tag: f.tag,
      reliance: f.reliance,
      levers: scenario.plan.levers.filter((l) => f.leverTypes.includes(l.type)).map((l) => l.id),
      p10: sig(f.value(LOW)),
      p90: sig(f.value(HIGH)),
      inert: active[i] !== true,
    })),
    tornado: tornadoRows,
    levers: leverRows,
    sobol,
    valueOfInformation: voi,
    discovery: { failure, success },
    drivers,
    monteCarloError: {
      probabilitySe: round(pSe, 4),
      tornadoMaxDPSe: round(maxOf(tornadoRows.map((t) => t.dPSe)), 4),
      tornadoMaxDMarginSe: round(maxOf(tornadoRows.map((t) => t.dMarginSe)), 2),
      leverMaxDPSe: round(maxOf(leverRows.map((l) => l.dPSe)), 4),
      sobolWidestInterval:
        sobol === null
          ? null
          : round(maxOf(sobol.indices.flatMap((x) => [x.s1Hi - x.s1Lo, x.stHi - x.stLo])), 3),
      voiMaxSe: round(maxOf(voi.map((v) => v.rmsSe)), 4),
    },
    warnings,
  };
}

function tornadoRow(
  f: Factor,
  dm: PairedDifference,
  dp: PairedDifference,
): SensitivityReport['tornado'][number] {
  return {
    factor: f.name,
    group: f.group,
    reliance: f.reliance,
    low: sig(f.value(LOW)),
    high: sig(f.value(HIGH)),
    pLow: round(dp.meanA, 4),
    pHigh: round(dp.meanB, 4),
    dP: round(dp.diff, 4),
    dPSe: round(dp.se, 4),
    marginLow: round(dm.meanA, 2),
    marginHigh: round(dm.meanB, 2),
    dMargin: round(dm.diff, 2),
    dMarginSe: round(dm.se, 2),
    pairs: dm.n,
  };
}
