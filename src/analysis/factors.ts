import type { CompiledModel } from '../model/compile.js';
import { LEVER_RESPONSES } from '../model/leverResponses.js';
import { paramSlots, type SlotKind } from '../model/paramSlots.js';
import type { Quantile } from '../model/priorQuantile.js';
import type { ParamName } from '../schema/params.js';
import type { LeverType } from '../schema/plan.js';
import type { ResolvedScenario } from '../schema/scenario.js';

/**
 * Which side of the ledger an uncertain input is on:
 * - `lever-response`: how strongly firms respond to one of the bureau's levers (the bureau sets
 *   the lever; the response is unknown);
 * - `rate`: the ladder's own rates (entry, application, pass, exit, promotion …);
 * - `base-count`: a count at the base year that is only known as a range.
 */
export type FactorGroup = 'lever-response' | 'rate' | 'base-count';

/** What an input's range rests on: the evidence tag has no S/D/W part, some, or no I part. */
export type Reliance = 'inference' | 'partly-inference' | 'evidence';

/** An uncertain input of the trajectory: a slot of the parameter stream whose value varies. */
export interface Factor {
  /** index in the parameter-stream layout (model/paramSlots.ts) */
  readonly slot: number;
  readonly name: string;
  readonly kind: SlotKind;
  readonly group: FactorGroup;
  /** evidence tag of the prior; for base counts, D (observed), S (the plan's text) or I (prior range) */
  readonly tag: string;
  readonly reliance: Reliance;
  /** for lever responses: the lever types it belongs to */
  readonly leverTypes: readonly LeverType[];
  /** value at uniform u (the prior's inverse CDF) */
  readonly value: Quantile;
}

/**
 * Parameters that shape a lever's response besides its `strength` (LEVER_RESPONSES): the reward
 * novelty curve and amount scaling, the share paid of "up to" amounts, the R&D user-cost chain.
 */
const AUXILIARY: Partial<Record<ParamName, readonly LeverType[]>> = {
  rewardElasticity: ['first-cert-reward', 'recert-reward', 'move-in-bonus'],
  rewardFadeYears: ['first-cert-reward'],
  rewardPersistent: ['first-cert-reward'],
  talentIslandShare: ['first-cert-reward', 'recert-reward', 'move-in-bonus'],
  atMostPayShare: ['first-cert-reward', 'recert-reward', 'move-in-bonus'],
  rdElasticity: ['rd-subsidy'],
  rdPerFirm: ['rd-subsidy'],
  rdClaimShare: ['rd-subsidy'],
  programmeEffect: ['incubators'],
};

/** The lever types whose response a parameter sets (empty: not a lever response). */
export function leverTypesOf(name: string): LeverType[] {
  const types = new Set<LeverType>(AUXILIARY[name as ParamName] ?? []);
  for (const [type, r] of Object.entries(LEVER_RESPONSES) as [
    LeverType,
    (typeof LEVER_RESPONSES)[LeverType],
  ][]) {
    if (r.strength === name) types.add(type);
  }
  return [...types].sort();
}

export function relianceOf(tag: string): Reliance {
  if (tag === 'I') return 'inference';
  return tag.includes('I') ? 'partly-inference' : 'evidence';
}

const ORIGIN_TAG = { observed: 'D', plan: 'S', prior: 'I' } as const;

/** The scenario's uncertain inputs, in parameter-stream order. */
export function uncertainFactors(scenario: ResolvedScenario, model: CompiledModel): Factor[] {
  const plan = scenario.plan;
  return paramSlots(model).flatMap((s, slot): Factor[] => {
    if (!s.uncertain) return [];
    let tag = 'I';
    let group: FactorGroup = 'rate';
    let leverTypes: LeverType[] = [];
    if (s.kind === 'param') {
      tag = scenario.priors[s.name as ParamName].tag;
      leverTypes = leverTypesOf(s.name);
      if (leverTypes.length > 0) group = 'lever-response';
    } else if (s.kind === 'base') {
      group = 'base-count';
      const origin = plan.base[s.name.slice('base:'.length)]?.origin;
      tag = origin === undefined ? 'I' : ORIGIN_TAG[origin];
    } else {
      const [, mark = '', field = ''] = s.name.split(':');
      const spec = plan.marks[mark as keyof typeof plan.marks];
      tag = (field === 'shareOfNew' ? spec?.shareOfNew.tag : spec?.gainRate.tag) ?? 'I';
    }
    return [
      { slot, name: s.name, kind: s.kind, group, tag, reliance: relianceOf(tag), leverTypes, value: s.value },
    ];
  });
}
