import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { Plan } from '../schema/plan.js';
import type { Lang } from './lang.js';
import { formatPercent } from './numberFormat.js';
import { paramName } from './terms.js';

/**
 * Warnings travel with results as English sentences (`warnings: [str]` in every summary.json).
 * Each kind has a stable code and parameters; this catalogue recognises a warning's sentence,
 * takes its parameters back out, and says it again in the report's language — in Chinese with the
 * plan's own names for levers, goals and regions. `en` writes the sentence exactly as the code
 * that raises it does (a test holds every raiser to that), so recognising is exact, not a guess.
 */
export type WarningCode =
  | 'goal-after-horizon'
  | 'lever-no-amount'
  | 'observed-figures'
  | 'posterior-region'
  | 'posterior-used'
  | 'precision-not-reached'
  | 'compare-seed'
  | 'compare-plans'
  | 'lever-evidence'
  | 'not-monotone';

/** A warning recognised: its code and parameters (as they appear in the sentence). */
export interface ParsedWarning {
  readonly code: WarningCode;
  readonly params: Readonly<Record<string, string>>;
}

type Params = Readonly<Record<string, string | undefined>>;

interface WarningForm {
  readonly code: WarningCode;
  /** the English sentence, anchored, with a named group per parameter */
  readonly pattern: RegExp;
  readonly en: (p: Params) => string;
  readonly zh: (p: Params, plans: readonly Plan[]) => string;
}

const s = (x: string | undefined): string => x ?? '';

function leverLabel(id: string, plans: readonly Plan[]): string {
  for (const p of plans) {
    const l = p.levers.find((x) => x.id === id);
    if (l !== undefined) return `“${l.label.zh}”`;
  }
  return id;
}

function goalLabel(id: string, plans: readonly Plan[]): string {
  for (const p of plans) {
    const g = p.goals.find((x) => x.id === id);
    if (g !== undefined) return `“${g.label.zh}”`;
  }
  return id;
}

function regionName(id: string, plans: readonly Plan[]): string {
  return plans.find((p) => p.region.id === id)?.region.name.zh ?? id;
}

function isParam(x: string): x is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(x);
}

const param = (x: string): string => (isParam(x) ? `“${paramName(x, 'zh')}”` : x);

/** A probability written with toFixed(3) by the raiser, as a percentage. */
const pct = (x: string | undefined): string => {
  const v = Number(x);
  return Number.isFinite(v) ? formatPercent(v, 0.001) : s(x);
};

const FORMS: readonly WarningForm[] = [
  {
    code: 'goal-after-horizon',
    pattern: /^goal (?<goal>.+) \((?<year>\d+)\) is after the horizon (?<horizon>\d+): not evaluated$/,
    en: (p) =>
      `goal ${s(p['goal'])} (${s(p['year'])}) is after the horizon ${s(p['horizon'])}: not evaluated`,
    zh: (p, plans) =>
      `目标${goalLabel(s(p['goal']), plans)}（${s(p['year'])}年）晚于模拟的最后一年（${s(p['horizon'])}年），未作评估`,
  },
  {
    code: 'lever-no-amount',
    pattern:
      /^lever (?<lever>.+) states no amount: it acts at the reference reward \((?<reward>[\d.]+)万 yuan\) and its outlay is not counted in spend or in yuan per additional firm$/,
    en: (p) =>
      `lever ${s(p['lever'])} states no amount: it acts at the reference reward (${s(p['reward'])}万 yuan) and its outlay is not counted in spend or in yuan per additional firm`,
    zh: (p, plans) =>
      `措施${leverLabel(s(p['lever']), plans)}未写明奖励金额：按参考奖励${s(p['reward'])}万元模拟其作用，其支出不计入财政支出，也不计入“每增加一家的支出”`,
  },
  {
    code: 'observed-figures',
    pattern:
      /^(?<region>\S+) has (?<n>\d+) figures? up to (?<year>\d+) in (?<file>.+); parameters come from the priors unless --posterior is given \(--posterior auto fits them first\)$/,
    en: (p) =>
      `${s(p['region'])} has ${s(p['n'])} figure${p['n'] === '1' ? '' : 's'} up to ${s(p['year'])} in ${s(p['file'])}; parameters come from the priors unless --posterior is given (--posterior auto fits them first)`,
    zh: (p, plans) =>
      `${regionName(s(p['region']), plans)}在 ${s(p['file'])} 中有截至${s(p['year'])}年的${s(p['n'])}个公开数据，但本次模拟的参数取自先验分布（全国范围）；加 --posterior auto 可先用这些数据拟合参数`,
  },
  {
    code: 'posterior-region',
    pattern: /^the posterior was fitted to (?<posterior>.+); the plan's region is (?<region>.+)$/,
    en: (p) => `the posterior was fitted to ${s(p['posterior'])}; the plan's region is ${s(p['region'])}`,
    zh: (p, plans) =>
      `所用后验分布拟合自${regionName(s(p['posterior']), plans)}的数据，而本规划的地区为${regionName(s(p['region']), plans)}`,
  },
  {
    code: 'posterior-used',
    pattern:
      /^parameters drawn from the posterior of (?<region>\S+) \(observed counts (?<fitted>up to \d+|\d+–\d+)(?:, break (?<break>\d+))?; (?<samples>\d+) samples\) instead of the priors; base counts from the plan(?:; from the priors: (?<fromPriors>.+))?$/,
    en: (p) =>
      `parameters drawn from the posterior of ${s(p['region'])} (observed counts ${s(p['fitted'])}${p['break'] !== undefined ? `, break ${p['break']}` : ''}; ${s(p['samples'])} samples) instead of the priors; base counts from the plan${p['fromPriors'] !== undefined ? `; from the priors: ${p['fromPriors']}` : ''}`,
    zh: (p, plans) => {
      const fitted = s(p['fitted']).startsWith('up to ')
        ? `截至${s(p['fitted']).slice(6)}年`
        : `${s(p['fitted']).replace('–', '—')}年`;
      const names = p['fromPriors']?.split(', ').map((n) => (isParam(n) ? paramName(n, 'zh') : n));
      return `参数取自${regionName(s(p['region']), plans)}的后验分布（拟合${fitted}的公开数据${p['break'] !== undefined ? `，${p['break']}年起按新阶段拟合` : ''}；${s(p['samples'])}个样本），而非先验分布；基年数量取自规划${names !== undefined ? `；以下参数仍取自先验：${names.join('、')}` : ''}`;
    },
  },
  {
    code: 'precision-not-reached',
    pattern:
      /^precision (?<precision>\S+) not reached: the largest P\(met\) standard error is (?<se>\S+) after (?<runs>\d+) runs \(the cap\)$/,
    en: (p) =>
      `precision ${s(p['precision'])} not reached: the largest P(met) standard error is ${s(p['se'])} after ${s(p['runs'])} runs (the cap)`,
    zh: (p) =>
      `未达到要求的精度（标准误 ≤ ${s(p['precision'])}）：模拟${s(p['runs'])}次（上限）后，各目标达成概率的最大标准误为${s(p['se'])}`,
  },
  {
    code: 'compare-seed',
    pattern:
      /^(?<scenario>.+) sets seed (?<own>.*); every scenario runs on seed (?<seed>.*) so that they share their random numbers$/,
    en: (p) =>
      `${s(p['scenario'])} sets seed ${s(p['own'])}; every scenario runs on seed ${s(p['seed'])} so that they share their random numbers`,
    zh: (p) =>
      `情景 ${s(p['scenario'])} 设定的随机种子为 ${s(p['own'])}；为使各方案使用同一批随机数，全部按种子 ${s(p['seed'])} 运行`,
  },
  {
    code: 'compare-plans',
    pattern:
      /^the scenarios run different plans \((?<plans>.+)\): only goals with the same id and definition are compared$/,
    en: (p) =>
      `the scenarios run different plans (${s(p['plans'])}): only goals with the same id and definition are compared`,
    zh: (p) =>
      `各情景依据的规划不同（${s(p['plans']).split(', ').join('、')}）：只比较编号与定义都相同的目标`,
  },
  {
    code: 'lever-evidence',
    pattern:
      /^lever (?<lever>.+): the strength of its response \((?<strength>\S+)\) (?<evidence>has no evidence|is only partly sourced); the answer rests on its prior \(docs\/model\.md, "Levers"\)$/,
    en: (p) =>
      `lever ${s(p['lever'])}: the strength of its response (${s(p['strength'])}) ${s(p['evidence'])}; the answer rests on its prior (docs/model.md, "Levers")`,
    zh: (p, plans) =>
      `措施${leverLabel(s(p['lever']), plans)}的作用强度（参数${param(s(p['strength']))}）${p['evidence'] === 'has no evidence' ? '没有实证依据' : '仅部分有实证依据'}，结论依赖其先验假设（见 docs/model.md “Levers”一节）`,
  },
  {
    code: 'not-monotone',
    pattern:
      /^P\(goal\) falls from (?<p1>\S+) at (?<v1>\S+) to (?<p2>\S+) at (?<v2>\S+): it is not monotone in the lever here \(a capped budget running out sooner\?\), so a search for the smallest value may miss a lower one$/,
    en: (p) =>
      `P(goal) falls from ${s(p['p1'])} at ${s(p['v1'])} to ${s(p['p2'])} at ${s(p['v2'])}: it is not monotone in the lever here (a capped budget running out sooner?), so a search for the smallest value may miss a lower one`,
    zh: (p) =>
      `措施取值由 ${s(p['v1'])} 增至 ${s(p['v2'])} 时，目标达成概率由${pct(p['p1'])}降至${pct(p['p2'])}：达成概率在此并不随措施单调上升（可能是有上限的预算更早用完），搜索到的最小值之下可能还有满足要求的取值`,
  },
];

/** Recognises a warning's sentence: its code and parameters; undefined for a sentence not in the catalogue. */
export function parseWarning(text: string): ParsedWarning | undefined {
  for (const f of FORMS) {
    const m = f.pattern.exec(text);
    if (m === null) continue;
    const params: Record<string, string> = {};
    // a group that took no part in the match (an optional one) is undefined at run time
    const groups = Object.entries(m.groups ?? {}) as [string, string | undefined][];
    for (const [k, v] of groups) if (v !== undefined) params[k] = v;
    return { code: f.code, params };
  }
  return undefined;
}

/** A recognised warning as a sentence in a language (`plans` name its levers, goals and regions). */
export function warningText(w: ParsedWarning, lang: Lang, plans: readonly Plan[] = []): string {
  const f = FORMS.find((x) => x.code === w.code);
  if (f === undefined) throw new Error(`no warning form ${w.code}`);
  return lang === 'en' ? f.en(w.params) : f.zh(w.params, plans);
}

/**
 * A warning sentence in the report's language. English stays as raised; in Chinese a sentence
 * the catalogue does not know is shown as it is, marked as English, rather than dropped.
 */
export function localizeWarning(text: string, lang: Lang, plans: readonly Plan[] = []): string {
  if (lang === 'en') return text;
  const w = parseWarning(text);
  return w === undefined ? `（英文原文）${text}` : warningText(w, lang, plans);
}

export function localizeWarnings(
  texts: readonly string[],
  lang: Lang,
  plans: readonly Plan[] = [],
): string[] {
  return texts.map((t) => localizeWarning(t, lang, plans));
}
