import type { GoalResult } from '../schema/result.js';
import type { Tone } from './document.js';
import { criterionPhrase, verdictWord } from './goalText.js';
import type { Lang } from './lang.js';
import { formatCount, formatPercent, formatPoints } from './numberFormat.js';

/** What a goal requires when it depends on the trajectory's base count (x-base, net-gain). */
export interface RelativeRequirement {
  /** the requirement at the median base count */
  readonly median: number;
  /** at the 5% and 95% base counts */
  readonly low: number;
  readonly high: number;
}

export interface GoalVerdictInput {
  readonly goal: GoalResult;
  readonly runs: number;
  readonly baseYear: number;
  /** the goal's measure, as the reader calls it (高企, 涉农高企, …) */
  readonly measureName: string;
  readonly relative?: RelativeRequirement;
}

export interface GoalVerdict {
  /** "likely" / "很可能达成" … */
  readonly word: string;
  readonly tone: Tone;
  /** the criterion in short form ("≥ 700", "达到2016年的2倍") */
  readonly criterion: string;
  /** one paragraph in plain words */
  readonly paragraph: string;
}

/** The colour of a verdict: green when likely, amber when about even, red when unlikely. */
export function verdictTone(p: number): Tone {
  if (p >= 0.66) return 'good';
  if (p > 0.33) return 'fair';
  if (p > 0.1) return 'poor';
  return 'bad';
}

/**
 * The probability in words, with its Monte Carlo standard error. When no trajectory (or every
 * trajectory) meets the goal, the SE is 0 and says nothing; the statement is then the 95% upper
 * bound 3/n of the "rule of three" (Hanley & Lippman-Hand 1983). Probabilities are rounded to 4
 * decimals in the summary, so a 0 means "none" only up to 20,000 runs.
 */
function probabilitySentence(p: number, se: number, runs: number, lang: Lang): string {
  const n = formatCount(runs, lang);
  const bound = formatPercent(3 / runs, 3 / runs / 10);
  const exact = runs <= 20_000;
  if (p === 0) {
    if (lang === 'zh') {
      return exact
        ? `${n}次模拟中无一达成，达成概率低于${bound}（95%置信上限）`
        : `${n}次模拟中达成的比例低于0.01%`;
    }
    return exact
      ? `none of ${n} simulated trajectories meets it: the probability is below ${bound} (95% upper bound)`
      : `fewer than 0.01% of ${n} simulated trajectories meet it`;
  }
  if (p === 1) {
    if (lang === 'zh') {
      return exact
        ? `${n}次模拟全部达成，未达成的概率低于${bound}（95%置信上限）`
        : `${n}次模拟中未达成的比例低于0.01%`;
    }
    return exact
      ? `all ${n} simulated trajectories meet it: the probability of missing is below ${bound} (95% upper bound)`
      : `more than 99.99% of ${n} simulated trajectories meet it`;
  }
  const pct = formatPercent(p, se);
  const pts = formatPoints(se);
  return lang === 'zh'
    ? `${n}次模拟中约${pct}达成（标准误${pts}个百分点）`
    : `${pct} of ${n} simulated trajectories meet it (standard error ${pts} percentage points)`;
}

/** A plain-words verdict on one goal: the word, its colour, and a paragraph with P, SE and the counts. */
export function goalVerdict(input: GoalVerdictInput, lang: Lang): GoalVerdict {
  const { goal: g, runs, baseYear, measureName, relative } = input;
  const word = verdictWord(g.probability)[lang];
  const criterion = criterionPhrase(g, baseYear, lang);
  const c = (n: number): string => formatCount(n, lang);
  const q = g.quantiles;
  const cumulative = g.comparison === 'new-since-base';
  const parts: string[] = [];
  if (lang === 'zh') {
    parts.push(
      `${g.year}年目标（${measureName} ${criterion}）${word}：${probabilitySentence(g.probability, g.probabilityStdErr, runs, lang)}。`,
    );
    const what = cumulative
      ? `${baseYear + 1}—${g.year}年累计${measureName}`
      : `${g.year}年${measureName}数量`;
    parts.push(`${what}的模拟中位数为${c(q.p50)}家，90%的模拟落在${c(q.p05)}—${c(q.p95)}家之间。`);
    if (relative !== undefined) {
      parts.push(
        `目标随基年（${baseYear}年）数量而定：按基年中位数计，需达到${c(relative.median)}家；考虑基年数量的不确定性，要求在${c(relative.low)}—${c(relative.high)}家之间。`,
      );
    }
    if (g.shortfall.p50 !== null && g.probability < 1) {
      parts.push(
        `未达成时，缺口中位数为${c(g.shortfall.p50)}家${g.shortfall.p95 !== null ? `（95%分位数${c(g.shortfall.p95)}家）` : ''}。`,
      );
    }
    return { word, tone: verdictTone(g.probability), criterion, paragraph: parts.join('') };
  }
  parts.push(
    `The ${g.year} goal (${measureName} ${criterion}) is ${word}: ${probabilitySentence(g.probability, g.probabilityStdErr, runs, lang)}.`,
  );
  const what = cumulative
    ? `the total of ${measureName} over ${baseYear + 1}–${g.year}`
    : `${measureName} in ${g.year}`;
  parts.push(
    `The median of ${what} is ${c(q.p50)}; 90% of trajectories fall between ${c(q.p05)} and ${c(q.p95)}.`,
  );
  if (relative !== undefined) {
    parts.push(
      `The goal depends on the ${baseYear} count: at its median it requires ${c(relative.median)}; with the uncertainty of the base count, between ${c(relative.low)} and ${c(relative.high)}.`,
    );
  }
  if (g.shortfall.p50 !== null && g.probability < 1) {
    parts.push(
      `When the goal is missed, the median shortfall is ${c(g.shortfall.p50)}${g.shortfall.p95 !== null ? ` (95th percentile ${c(g.shortfall.p95)})` : ''}.`,
    );
  }
  return { word, tone: verdictTone(g.probability), criterion, paragraph: parts.join(' ') };
}
