import { listPlanIds, loadPlan } from '../io/loadPlan.js';

export interface PlanListing {
  readonly id: string;
  readonly name: { zh: string; en: string };
  readonly region: string;
  readonly period: { from: number; to: number };
  readonly baseYear: number;
  readonly goals: readonly {
    id: string;
    label: string;
    labelEn: string;
    kind: 'projected' | 'qualitative';
    measure: string | null;
    comparison: string | null;
    target: number | null;
    year: number;
  }[];
  readonly levers: number;
}

/** Every shipped plan with its goals. */
export function listPlans(): PlanListing[] {
  return listPlanIds().map((id) => {
    const p = loadPlan(id);
    return {
      id: p.id,
      name: p.name,
      region: p.region.id,
      period: p.period,
      baseYear: p.baseYear,
      goals: p.goals.map((g) => ({
        id: g.id,
        label: g.label.zh,
        labelEn: g.label.en,
        kind: g.kind,
        measure: g.kind === 'projected' ? g.measure : null,
        comparison: g.kind === 'projected' ? g.comparison : null,
        target: g.target ?? null,
        year: g.year,
      })),
      levers: p.levers.length,
    };
  });
}
