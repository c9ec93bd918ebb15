import type { GoalResult } from '../schema/result.js';

/** The goal's criterion in short form: "≥ 700", "> 2200", "×2 vs 2020", "+350 vs 2020", "+20 new since 2021". */
export function criterionText(g: Pick<GoalResult, 'comparison' | 'target'>, baseYear: number): string {
  switch (g.comparison) {
    case '>=':
    case '=':
      return `≥ ${g.target}`;
    case '>':
      return `> ${g.target}`;
    case 'x-base':
      return `×${g.target} vs ${baseYear}`;
    case 'net-gain':
      return `+${g.target} vs ${baseYear}`;
    case 'new-since-base':
      return `${g.target} new after ${baseYear}`;
    default:
      return `${g.comparison} ${g.target}`;
  }
}

/** "0.31 ± 0.005": a probability with its Monte Carlo standard error. */
export function probabilityText(p: number, se: number): string {
  const digits = se > 0 && se < 0.001 ? 4 : 3;
  return `${p.toFixed(digits)} ± ${se.toFixed(digits)}`;
}

/** Plain-words verdict for a probability. */
export function verdictWord(p: number): { en: string; zh: string } {
  if (p >= 0.9) return { en: 'very likely', zh: '很可能达成' };
  if (p >= 0.66) return { en: 'likely', zh: '可能达成' };
  if (p > 0.33) return { en: 'about even', zh: '成败参半' };
  if (p > 0.1) return { en: 'unlikely', zh: '不太可能达成' };
  return { en: 'very unlikely', zh: '很难达成' };
}

/** The goal's criterion in the report's language (Chinese: the plans' own way of putting it). */
export function criterionPhrase(
  g: Pick<GoalResult, 'comparison' | 'target'>,
  baseYear: number,
  lang: 'zh' | 'en',
): string {
  if (lang === 'en') return criterionText(g, baseYear);
  switch (g.comparison) {
    case '>=':
    case '=':
      return `≥ ${g.target}`;
    case '>':
      return `> ${g.target}`;
    case 'x-base':
      return `达到${baseYear}年的${g.target}倍`;
    case 'net-gain':
      return `较${baseYear}年净增 ≥ ${g.target}`;
    case 'new-since-base':
      return `${baseYear + 1}年起累计新增 ≥ ${g.target}`;
    default:
      return `${g.comparison} ${g.target}`;
  }
}
