import { LEVER_RESPONSES } from '../model/leverResponses.js';
import type { ParamName } from '../schema/params.js';
import type { AmountUnit, Lever, Plan } from '../schema/plan.js';
import type { Prior } from '../schema/prior.js';

const UNIT_TEXT: Readonly<Record<AmountUnit, string>> = {
  'yuan-per-firm': '元/家 (yuan per firm)',
  yuan: '元 (yuan)',
  'yuan-per-year': '元/年 (yuan a year)',
  'share-of-deduction': '加计扣除额的比例 (share of the extra deduction, 0–1)',
  count: '个/家 (count)',
  'count-per-year': '个/年 (count a year)',
  share: '比例 (share, 0–1)',
};

/** A YAML scalar: numbers as they are, text double-quoted (JSON strings are YAML strings). */
const q = (s: string): string => JSON.stringify(s);

/** One-line YAML comment text: newlines folded. */
const c = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

function priorFlow(p: Prior): string {
  const parts =
    p.dist === 'fixed'
      ? [`dist: fixed`, `value: ${p.value}`]
      : p.dist === 'pert'
        ? [`dist: pert`, `low: ${p.low}`, `mode: ${p.mode}`, `high: ${p.high}`]
        : [`dist: uniform`, `low: ${p.low}`, `high: ${p.high}`];
  return `{ ${[...parts, `tag: ${q(p.tag)}`, `source: ${q(p.source)}`].join(', ')} }`;
}

/**
 * The priors a planner would most likely touch for these levers: each lever's response strength,
 * the reward's elasticity and fade for rewards, the R&D elasticity for R&D subsidies, the share
 * paid of "up to" amounts and of the second (人才岛) amount; then the first-certification rates
 * every plan leans on.
 */
export function leverPriors(levers: readonly Lever[]): ParamName[] {
  const names: ParamName[] = [];
  const add = (...n: ParamName[]): void => {
    for (const x of n) if (!names.includes(x)) names.push(x);
  };
  for (const l of levers) {
    const r = LEVER_RESPONSES[l.type];
    if (r.strength !== null) add(r.strength);
    if (r.form === 'reward') add('rewardElasticity');
    if (l.type === 'first-cert-reward') add('rewardFadeYears', 'rewardPersistent');
    if (l.type === 'rd-subsidy') add('rdElasticity', 'rdPerFirm', 'rdClaimShare');
    if (l.amounts[0]?.amount.bound === 'at-most') add('atMostPayShare');
    if (l.amounts.length > 1 && l.amounts[1]?.amount.unit === 'yuan-per-firm') add('talentIslandShare');
  }
  add('applyRate', 'firstPass', 'recertKeep', 'tsmeEntryRate');
  return names;
}

export interface ScenarioTemplateOptions {
  readonly plan: Plan;
  readonly id: string;
  /** the model's current priors, to show as the values to start from */
  readonly priors: Readonly<Record<ParamName, Prior>>;
  readonly runs: number;
  readonly seed: string;
}

/**
 * A scenario file a planner can edit: every lever with its amounts and years, every budget line,
 * and (commented out) the priors most likely to matter, each with the plan's own words. As
 * written it runs the plan as the plan states it.
 */
export function scenarioTemplate(o: ScenarioTemplateOptions): string {
  const { plan } = o;
  const L: string[] = [];
  L.push(`# 情景文件 · scenario for ${plan.name.zh}`);
  L.push(`# ${plan.name.en}`);
  L.push(
    `# Plan ${plan.id} (seeds/${plan.id}.yaml), ${plan.period.from}–${plan.period.to}, base year ${plan.baseYear}.`,
  );
  L.push('#');
  L.push('# Written by `ladder init`. As it stands this file runs the plan as written, with the same');
  L.push(`# results as \`ladder run ${plan.id}\`. Change any value below; delete a block to use the plan's`);
  L.push('# own. Then:  ladder run <this file>');
  L.push(`#       or:  ladder compare ${plan.id} <this file>     (what your change does, paired)`);
  L.push('# Units: money in 元 (yuan), shares from 0 to 1. docs/model.md says how each lever acts.');
  L.push(`id: ${o.id}`);
  L.push('name:');
  L.push(`  zh: ${q(`${plan.name.zh}（情景）`)}`);
  L.push(`  en: ${q(`${plan.name.en} — what-if`)}`);
  L.push(`plan: ${plan.id}`);
  L.push(`runs: ${o.runs} # trajectories`);
  L.push(`seed: ${q(o.seed)} # same seed → same random numbers → paired comparisons`);
  L.push(
    `# horizon: ${Math.max(plan.period.to, ...plan.goals.map((g) => g.year))} # last simulated year (default: the latest goal year)`,
  );
  L.push(
    'policy: as-written # status-quo: none of the plan’s levers act (what the plan buys is the difference)',
  );
  L.push('');
  if (plan.levers.length > 0) {
    L.push('# ---- 措施 · levers ------------------------------------------------------------------------');
    L.push('# enabled: false drops a lever; amounts are in the unit shown; years: when it acts.');
    L.push('levers:');
    for (const l of plan.levers) {
      const r = LEVER_RESPONSES[l.type];
      L.push(`  # ${c(l.label.zh)} — ${c(l.label.en)}`);
      L.push(`  # 原文: ${c(l.source.quote)}`);
      L.push(`  # acts on: ${r.target} (${c(r.note)}); evidence: ${r.evidence}`);
      L.push(`  ${l.id}:`);
      L.push('    enabled: true');
      if (l.amounts.length > 0) {
        L.push('    amounts:');
        for (const a of l.amounts) {
          const bound =
            a.amount.bound === 'at-most'
              ? ', 最高 (up to)'
              : a.amount.bound === 'at-least'
                ? ', 不少于 (at least)'
                : '';
          L.push(
            `      ${a.id}: ${a.amount.value} # ${UNIT_TEXT[a.amount.unit]}${bound} — ${c(a.label.zh)} (${c(a.label.en)})`,
          );
        }
      }
      if (l.years !== undefined) L.push(`    years: { from: ${l.years.from}, to: ${l.years.to} }`);
    }
    L.push('');
  }
  if (plan.budgets.length > 0) {
    L.push('# ---- 资金 · budget lines -----------------------------------------------------------------');
    L.push('# A cap rations the rewards it pays when promises exceed it (docs/model.md, "Money");');
    L.push('# enabled: false removes the cap (every promise is paid).');
    L.push('budgets:');
    for (const b of plan.budgets) {
      L.push(`  # ${c(b.label.zh)} — ${c(b.label.en)}`);
      L.push(`  # 原文: ${c(b.source.quote)}`);
      L.push(`  ${b.id}:`);
      L.push(
        `    amount: ${b.amount} # 元, ${b.kind === 'cap' ? 'cap' : 'floor (money promised, not a cap)'} per ${b.per}, ${b.years.from}–${b.years.to}`,
      );
      L.push('    enabled: true');
    }
    L.push('');
  } else {
    L.push('# This plan states no budget line.');
    L.push('');
  }
  const names = leverPriors(plan.levers);
  L.push('# ---- 参数 · priors most likely to matter for this plan (uncomment to change) ---------------');
  L.push('# The model’s default for each, with its source. A prior is uniform, pert (low, mode, high) or');
  L.push('# fixed (value); tag: S sourced, D derived, I inference. Every parameter: docs/model.md.');
  L.push('# priors:');
  for (const n of names) L.push(`#   ${n}: ${priorFlow(o.priors[n])}`);
  L.push('');
  return L.join('\n');
}
