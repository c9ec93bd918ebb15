import type { Accumulator } from '../engine/accumulator.js';
import { mean, quantile } from '../engine/histogram.js';
import type { CompiledModel } from '../model/compile.js';
import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { fixedThreshold, goalDistribution } from './goalDistribution.js';
import { roundTo } from './round.js';

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
      warnings.push(`goal ${g.id} (${g.year}) is after the horizon ${scenario.horizon}: not evaluated`);
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
      if (y === 0 && /_/.test(measure)) return; // flows have no base-year value
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
    warnings,
  };
}
