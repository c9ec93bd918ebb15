import type { Accumulator } from '../engine/accumulator.js';
import {
  exactCovariance,
  exactMean,
  exactStdErr,
  exactVariance,
  type EffectAccumulator,
} from '../engine/effect.js';
import { mean, quantile, type IntHistogram } from '../engine/histogram.js';
import { LEVER_RESPONSES } from '../model/leverResponses.js';
import type { CompiledModel } from '../model/compile.js';
import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { fixedThreshold, goalDistribution } from './goalDistribution.js';
import { roundTo } from './round.js';
import { warningSentence } from '../model/warnings.js';

/**
 * Turns the streaming accumulator of a run into the summary every output shares.
 * P(met) = k/n with Monte Carlo standard error sqrt(p(1 − p)/n); quantiles are the inverse of
 * the empirical CDF (exact for counts below 4,096).
 */
export function buildSummary(
  scenario: ResolvedScenario,
  model: CompiledModel,
  acc: Accumulator,
  version: string,
  effect: EffectAccumulator | null = acc.effect ?? null,
): RunSummary {
  const n = acc.runs;
  const nYears = model.years.length;
  const plan = scenario.plan;
  const goals: RunSummary['goals'] = [];
  const warnings: string[] = [];
  model.goals.forEach((g, i) => {
    const ga = acc.goals[i];
    const spec = plan.goals.find((x) => x.id === g.id);
    if (ga === undefined || spec?.kind !== 'projected') return;
    const p = (ga.metByYear[g.yearIndex] ?? 0) / n;
    const missed = ga.shortfall.total;
    goals.push({
      id: g.id,
      label: spec.label.zh,
      labelEn: spec.label.en,
      measure: spec.measure,
      year: spec.year,
      comparison: spec.comparison,
      target: spec.target,
      probability: roundTo(p, 4),
      probabilityStdErr: roundTo(Math.sqrt((p * (1 - p)) / n), 5),
      quantiles: {
        p05: quantile(ga.value, 0.05),
        p50: quantile(ga.value, 0.5),
        p95: quantile(ga.value, 0.95),
      },
      distribution: goalDistribution(ga.value, fixedThreshold(spec.comparison, spec.target)),
      byYear: model.years.slice(1).map((year, k) => ({
        year,
        probability: roundTo((ga.metByYear[k + 1] ?? 0) / n, 4),
      })),
      firstReached: model.years
        .slice(1, g.yearIndex + 1)
        .map((year, k) => ({ year, probability: roundTo((ga.firstReached[k + 1] ?? 0) / n, 4) })),
      shortfall: {
        probability: roundTo(missed / n, 4),
        p50: missed > 0 ? quantile(ga.shortfall, 0.5) : null,
        p95: missed > 0 ? quantile(ga.shortfall, 0.95) : null,
      },
    });
  });
  for (const g of plan.goals) {
    if (g.kind === 'projected' && g.year > scenario.horizon) {
      warnings.push(
        warningSentence('goal-after-horizon', {
          goal: g.id,
          year: String(g.year),
          horizon: String(scenario.horizon),
        }),
      );
    }
  }
  for (const l of plan.levers) {
    const r = LEVER_RESPONSES[l.type];
    if (r.form === 'reward' && l.amounts.length === 0) {
      warnings.push(
        warningSentence('lever-no-amount', { lever: l.id, reward: String(r.reference / 10_000) }),
      );
    }
  }
  const qualitativeGoals = plan.goals.flatMap((g) =>
    g.kind === 'qualitative'
      ? [{ id: g.id, label: g.label.zh, labelEn: g.label.en, year: g.year, note: g.note }]
      : [],
  );
  const series: RunSummary['series'] = [];
  model.measures.forEach((measure, m) => {
    model.years.forEach((year, y) => {
      const h = acc.series[m * nYears + y];
      if (h === undefined) return;
      if (y === 0 && /_|^spend|^demand:|^outlay:/.test(measure)) return; // flows have no base-year value
      series.push({
        measure,
        year,
        p05: quantile(h, 0.05),
        p25: quantile(h, 0.25),
        p50: quantile(h, 0.5),
        p75: quantile(h, 0.75),
        p95: quantile(h, 0.95),
        mean: roundTo(mean(h), 2),
      });
    });
  });
  const levers: RunSummary['levers'] = plan.levers.map((l) => {
    const r = LEVER_RESPONSES[l.type];
    return {
      id: l.id,
      label: l.label.zh,
      labelEn: l.label.en,
      type: l.type,
      target: r.target,
      evidence: r.evidence,
      from: l.years?.from ?? plan.period.from,
      to: l.years?.to ?? plan.period.to,
      note: r.note,
    };
  });
  const stat = (h: IntHistogram): { mean: number; p05: number; p50: number; p95: number } => ({
    mean: Math.round(mean(h)),
    p05: quantile(h, 0.05),
    p50: quantile(h, 0.5),
    p95: quantile(h, 0.95),
  });
  const budgets: RunSummary['budgets'] = plan.budgets.flatMap((b, i) => {
    const ba = acc.budgets[i];
    if (ba === undefined) return [];
    const p = ba.overspent / n;
    return [
      {
        id: b.id,
        label: b.label.zh,
        labelEn: b.label.en,
        kind: b.kind,
        per: b.per,
        amount: b.amount,
        from: b.years.from,
        to: b.years.to,
        spend: stat(ba.spend),
        demand: stat(ba.demand),
        overspendProbability: b.kind === 'cap' ? roundTo(p, 4) : null,
        overspendStdErr: b.kind === 'cap' ? roundTo(Math.sqrt((p * (1 - p)) / n), 5) : null,
      },
    ];
  });
  return {
    scenario: scenario.id,
    plan: plan.id,
    seed: scenario.seed,
    runs: n,
    version,
    baseYear: plan.baseYear,
    horizon: scenario.horizon,
    goals,
    qualitativeGoals,
    series,
    policy: scenario.policy,
    levers,
    budgets,
    effect: effect === null ? null : effectSummary(model, effect),
    warnings,
  };
}

/**
 * Paired differences against the status quo. Yuan per additional firm is the ratio of means
 * R = E[S]/E[Δ], with the delta-method standard error
 * SE(R) = √((Var S + R²·Var Δ − 2R·Cov(S, Δ)) / n) / |E[Δ]| (e.g. Cochran, Sampling Techniques, §6.4).
 */
function effectSummary(model: CompiledModel, e: EffectAccumulator): NonNullable<RunSummary['effect']> {
  const n = e.spend.n;
  const sMean = exactMean(e.spend);
  const sVar = n > 1 ? Math.max(0, exactVariance(e.spend)) : 0;
  return {
    against: 'status-quo',
    spend: { mean: Math.round(sMean), stdErr: Math.round(exactStdErr(e.spend)) },
    goals: model.goals.flatMap((g, i) => {
      const ge = e.goals[i];
      const measure = model.measures[g.measureIndex];
      if (ge === undefined || measure === undefined) return [];
      const dMean = exactMean(ge.value);
      const dVar = n > 1 ? Math.max(0, exactVariance(ge.value)) : 0;
      const cov = n > 1 ? exactCovariance(e.spend, ge.value, ge.spendTimesValue) : 0;
      const ratio = dMean > 0 && sMean > 0 ? sMean / dMean : null;
      const ratioSe =
        ratio === null
          ? null
          : Math.sqrt(Math.max(0, sVar + ratio * ratio * dVar - 2 * ratio * cov) / n) / dMean;
      return [
        {
          id: g.id,
          measure,
          year: model.years[g.yearIndex] ?? 0,
          probabilityGain: roundTo(exactMean(ge.met), 4),
          probabilityGainStdErr: roundTo(exactStdErr(ge.met), 5),
          valueGain: roundTo(dMean, 2),
          valueGainStdErr: roundTo(exactStdErr(ge.value), 3),
          yuanPerAdditional: ratio === null ? null : Math.round(ratio),
          yuanPerAdditionalStdErr: ratioSe === null ? null : Math.round(ratioSe),
        },
      ];
    }),
  };
}
