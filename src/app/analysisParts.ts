import { quantile } from '../engine/histogram.js';
import { momentMean, momentStdErr } from '../engine/moments.js';
import { goalEstimate, type PairedStats } from '../analysis/pairedStats.js';
import { InputError } from '../io/errors.js';
import type { LeverRef } from '../io/leverRef.js';
import { suggest } from '../io/suggest.js';
import type { CompiledModel } from '../model/compile.js';
import { LEVER_RESPONSES } from '../model/leverResponses.js';
import { roundTo } from '../report/round.js';
import type { GoalEstimate, GoalRef, LeverDescription, SpendEstimate } from '../schema/analysisCommon.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { warningSentence } from '../model/warnings.js';

/** A projected goal of the scenario's plan as the analyses list it. */
export function goalRef(s: ResolvedScenario, id: string): GoalRef {
  const g = s.plan.goals.find((x) => x.id === id);
  if (g?.kind !== 'projected') throw new Error(`no projected goal ${id}`);
  return {
    id: g.id,
    label: g.label.zh,
    labelEn: g.label.en,
    measure: g.measure,
    year: g.year,
    comparison: g.comparison,
    target: g.target,
    baseYear: s.plan.baseYear,
  };
}

/**
 * The index into `model.goals` of the goal named by `--goal`; an unknown goal, a goal without a
 * figure or one after the horizon is a located usage error.
 */
export function resolveGoal(s: ResolvedScenario, model: CompiledModel, id: string): number {
  const i = model.goals.findIndex((g) => g.id === id);
  if (i >= 0) return i;
  const evaluated = model.goals.map((g) => g.id);
  const spec = s.plan.goals.find((g) => g.id === id);
  const near = suggest(id, evaluated);
  throw new InputError({
    code: 'E_USAGE',
    message:
      spec === undefined
        ? `unknown goal ${JSON.stringify(id)} of plan ${s.plan.id}`
        : spec.kind === 'qualitative'
          ? `goal ${id} has no figure the model can project`
          : `goal ${id} (${spec.year}) is after the horizon ${s.horizon}`,
    location: { file: '--goal', path: id },
    expected: `one of ${evaluated.join(', ')}`,
    found: JSON.stringify(id),
    ...(near !== undefined ? { hint: `did you mean \`${near}\`?` } : {}),
  });
}

export function goalEstimateJson(st: PairedStats, k: number, g: number, id: string): GoalEstimate {
  const gs = st.perModel[k]?.goals[g];
  if (gs === undefined) throw new Error(`no statistics for model ${k}, goal ${g}`);
  const e = goalEstimate(gs);
  return {
    id,
    probability: roundTo(e.probability, 4),
    probabilityStdErr: roundTo(e.probabilityStdErr, 5),
    mean: roundTo(e.mean, 2),
    p05: e.p05,
    p50: e.p50,
    p95: e.p95,
  };
}

export function spendEstimateJson(st: PairedStats, k: number): SpendEstimate {
  const pm = st.perModel[k];
  if (pm === undefined) throw new Error(`no statistics for model ${k}`);
  return {
    mean: Math.round(momentMean(pm.spend)),
    stdErr: Math.round(momentStdErr(pm.spend)),
    p05: quantile(pm.spends, 0.05),
    p50: quantile(pm.spends, 0.5),
    p95: quantile(pm.spends, 0.95),
  };
}

export function leverDescription(ref: LeverRef): LeverDescription {
  switch (ref.kind) {
    case 'amount':
      return {
        ref: ref.ref,
        kind: ref.kind,
        path: `levers.${ref.lever}.amounts.${ref.amount}`,
        unit: ref.unit,
        current: ref.current,
      };
    case 'budget':
      return {
        ref: ref.ref,
        kind: ref.kind,
        path: `budgets.${ref.budget}.amount`,
        unit: 'yuan',
        current: ref.current,
      };
    case 'prior':
      return {
        ref: ref.ref,
        kind: ref.kind,
        path: `priors.${ref.param}.${ref.field}`,
        unit: null,
        current: Number.isFinite(ref.current) ? ref.current : null,
      };
    case 'base':
      return {
        ref: ref.ref,
        kind: ref.kind,
        path: `base.${ref.key}.${ref.field}`,
        unit: 'count',
        current: Number.isFinite(ref.current) ? ref.current : null,
      };
    case 'multiplier':
      return {
        ref: ref.ref,
        kind: ref.kind,
        path: `applicationMultiplier.${ref.year}`,
        unit: null,
        current: ref.current,
      };
  }
}

/** A folder name from ids: lower-case letters, digits, dots and dashes. */
export function folderName(parts: readonly string[]): string {
  const name = parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('--');
  return name.length > 120 ? name.slice(0, 120) : name;
}

/**
 * Warnings that travel with an analysis of a lever: its response (or the responses of the
 * levers a budget pays for) has no evidence, so the answer rests on a guessed prior.
 */
export function evidenceWarnings(s: ResolvedScenario, ref: LeverRef): string[] {
  const levers =
    ref.kind === 'amount'
      ? s.plan.levers.filter((l) => l.id === ref.lever)
      : ref.kind === 'budget'
        ? s.plan.levers.filter((l) => l.budgets.includes(ref.budget))
        : [];
  return levers.flatMap((l) => {
    const r = LEVER_RESPONSES[l.type];
    if (r.evidence === 'sourced') return [];
    return [
      warningSentence('lever-evidence', {
        lever: l.id,
        strength: r.strength ?? 'none',
        evidence: r.evidence === 'none' ? 'has no evidence' : 'is only partly sourced',
      }),
    ];
  });
}

/** A warning when P(goal) falls by more than 2 s.e. somewhere as the lever rises. */
export function monotonicityWarning(points: readonly { value: number; p: number; se: number }[]): string[] {
  const sorted = [...points].sort((a, b) => a.value - b.value);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a !== undefined && b !== undefined && b.p < a.p - 2 * Math.hypot(a.se, b.se)) {
      return [
        warningSentence('not-monotone', {
          p1: a.p.toFixed(3),
          v1: String(a.value),
          p2: b.p.toFixed(3),
          v2: String(b.value),
        }),
      ];
    }
  }
  return [];
}
