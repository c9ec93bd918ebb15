import type { GoalRef } from '../schema/analysisCommon.js';
import { fixedThreshold } from './goalDistribution.js';
import { criterionPhrase } from './goalText.js';
import type { Lang } from './lang.js';
import { formatYuan } from './leversSection.js';
import { formatCount, formatPercent, formatPoints } from './numberFormat.js';
import { seText } from './money.js';
import { measureName } from './terms.js';
import type { Plan } from '../schema/plan.js';

/**
 * P(met) with its standard error in words: "96.9%（标准误0.55个百分点）"; when no trajectory
 * (or every one) met the goal, the rule-of-three bound 3/n instead ("低于0.15%").
 */
export function probabilityWords(p: number, se: number, runs: number, lang: Lang): string {
  const bound = formatPercent(3 / runs, 3 / runs / 10);
  if (p === 0 && runs <= 20_000) return lang === 'zh' ? `低于${bound}` : `below ${bound}`;
  if (p === 1 && runs <= 20_000)
    return lang === 'zh'
      ? `高于${formatPercent(1 - 3 / runs, 3 / runs / 10)}`
      : `above ${formatPercent(1 - 3 / runs, 3 / runs / 10)}`;
  return lang === 'zh'
    ? `${formatPercent(p, se)}（标准误${formatPoints(se)}个百分点）`
    : `${formatPercent(p, se)} (s.e. ${formatPoints(se)} points)`;
}

/** A probability asked for, as written: 0.9 → "90%", 0.875 → "87.5%". */
export function thresholdText(q: number): string {
  return `${Number((q * 100).toPrecision(4))}%`;
}

/** Decimals of a percentage (or points) that its standard error warrants, as `formatPercent`. */
function decimals(se: number): number {
  return se > 0 ? Math.min(2, Math.max(0, -Math.floor(Math.log10(se * 100)))) : 1;
}

/** A difference of probabilities in percentage points with its SE: "+2.5 ± 0.84个百分点". */
export function pointsDiff(d: number, se: number, lang: Lang): string {
  const v = (Math.abs(d) * 100).toFixed(decimals(se));
  const sign = Number(v) === 0 ? '' : d > 0 ? '+' : '−';
  return lang === 'zh'
    ? `${sign}${v} ± ${formatPoints(se)}个百分点`
    : `${sign}${v} ± ${formatPoints(se)} points`;
}

/** A difference of counts with its SE: "−114 ± 3.3", "−1.0 ± 0.21" (one decimal below 100). */
export function countDiff(d: number, se: number, lang: Lang): string {
  const a = Math.abs(d);
  const v = a >= 100 ? formatCount(Math.round(a), lang) : a.toFixed(1);
  const sign = Number(v.replace(/[^\d.]/g, '')) === 0 ? '' : d > 0 ? '+' : '−';
  return `${sign}${v} ± ${seText(se)}`;
}

/** Money to two significant digits, for a standard error: 25.06万 → "25万元". */
export function yuanSe(se: number, lang: Lang): string {
  return formatYuan(se > 0 ? Number(se.toPrecision(2)) : 0, lang);
}

/** A difference of money with its SE: "−1.655亿元 ± 25万元". */
export function yuanDiff(d: number, se: number, lang: Lang): string {
  const sign = Math.round(d) === 0 ? '' : d > 0 ? '+' : '−';
  return `${sign}${formatYuan(Math.abs(d), lang)} ± ${yuanSe(se, lang)}`;
}

/** What a goal's value is: "2023年高企数量" or "2021—2025年累计首次认定高企". */
export function goalValueName(g: GoalRef, plan: Plan | undefined, lang: Lang): string {
  const name = measureName(g.measure, lang, plan);
  if (g.comparison === 'new-since-base') {
    return lang === 'zh'
      ? `${g.baseYear + 1}—${g.year}年累计${name}`
      : `${name}, total ${g.baseYear + 1}–${g.year}`;
  }
  return lang === 'zh' ? `${g.year}年${name}数量` : `${name} in ${g.year}`;
}

/** The goal's criterion for the reader: "高企 ≥ 700", "高企 较2020年净增 ≥ 350". */
export function goalCriterion(g: GoalRef, plan: Plan | undefined, lang: Lang): string {
  return `${measureName(g.measure, lang, plan)} ${criterionPhrase(g, g.baseYear, lang)}`;
}

/**
 * The count that meets a goal, with its label: a fixed threshold ("目标 ≥700"); for a goal
 * relative to the base count (×2, +350), the requirement at the plan's central base count
 * ("目标 约2200"), as each trajectory draws its own base. Undefined when neither is known.
 */
export function goalRequirement(
  g: GoalRef,
  lang: Lang,
  plan?: Plan,
): { readonly value: number; readonly label: string } | undefined {
  const t = fixedThreshold(g.comparison, g.target);
  const goal = lang === 'zh' ? '目标' : 'goal';
  if (t !== undefined) {
    return { value: t, label: `${goal} ${g.comparison === '>' ? '>' : '≥'}${formatCount(g.target, lang)}` };
  }
  const base = plan?.base[g.measure]?.value;
  if (base === undefined || (g.comparison !== 'x-base' && g.comparison !== 'net-gain')) return undefined;
  const value = g.comparison === 'x-base' ? g.target * base : base + g.target;
  return { value, label: `${goal} ${lang === 'zh' ? '约' : '≈'}${formatCount(Math.round(value), lang)}` };
}
