import { warningSentence, type WarningCode, type WarningParams } from '../model/warnings.js';
import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { Plan } from '../schema/plan.js';
import { coordinateName, figureMeasureName, regionName as knownRegionName } from './calibrationText.js';
import { factorLabel } from './factorLabels.js';
import type { Lang } from './lang.js';
import { formatCount, formatPercent } from './numberFormat.js';
import { paramName } from './terms.js';

/**
 * Warnings travel with results as English sentences (`warnings: [str]` in every summary.json),
 * each written once by src/model/warnings.ts. This catalogue recognises a warning's sentence,
 * takes its parameters back out, and says it again in the report's language — in Chinese with the
 * plan's own names for levers, goals and regions. Recognising is exact, not a guess: a sentence
 * parsed back writes itself again (a test raises every warning for real and holds it to that).
 */
export type { WarningCode } from '../model/warnings.js';

/** A warning recognised: its code and parameters (as they appear in the sentence). */
export interface ParsedWarning {
  readonly code: WarningCode;
  readonly params: Readonly<Record<string, string>>;
}

type Params = Readonly<Record<string, string | undefined>>;

interface WarningForm {
  /** the English sentence of src/model/warnings.ts, anchored, with a named group per parameter */
  readonly pattern: RegExp;
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

/** A region by the plan's own name, else by the names the calibration reports use. */
function regionName(id: string, plans: readonly Plan[]): string {
  return plans.find((p) => p.region.id === id)?.region.name.zh ?? knownRegionName(id, 'zh');
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

/** A count written by the raiser as a plain number, in 万 / 亿 as the Chinese reports write counts. */
const count = (x: string | undefined): string => {
  const v = Number(x);
  return x !== undefined && Number.isFinite(v) ? formatCount(v, 'zh') : s(x);
};

/** One misfit of a calibration warning ("line L: MEASURE YEAR = VALUE, model P05–P95") in Chinese. */
function misfitZh(text: string): string {
  const m =
    /^line (?<line>\d+): (?<measure>\S+) (?<year>\S+) = (?<value>\S+), model (?<lo>\S+)–(?<hi>\S+)$/.exec(
      text,
    );
  const g = m?.groups;
  if (g === undefined) return text;
  return `${s(g['year'])}年${figureMeasureName(s(g['measure']), 'zh')}为${count(g['value'])}（数据文件第${s(g['line'])}行），模型区间${count(g['lo'])}—${count(g['hi'])}`;
}

const FORMS: { readonly [C in WarningCode]: WarningForm } = {
  'goal-after-horizon': {
    pattern: /^goal (?<goal>.+) \((?<year>\d+)\) is after the horizon (?<horizon>\d+): not evaluated$/,
    zh: (p, plans) =>
      `目标${goalLabel(s(p['goal']), plans)}（${s(p['year'])}年）晚于模拟的最后一年（${s(p['horizon'])}年），未作评估`,
  },
  'lever-no-amount': {
    pattern:
      /^lever (?<lever>.+) states no amount: it acts at the reference reward \((?<reward>[\d.]+)万 yuan\) and its outlay is not counted in spend or in yuan per additional firm$/,
    zh: (p, plans) =>
      `措施${leverLabel(s(p['lever']), plans)}未写明奖励金额：按参考奖励${s(p['reward'])}万元模拟其作用，其支出不计入财政支出，也不计入“每增加一家的支出”`,
  },
  'observed-figures': {
    pattern:
      /^(?<region>\S+) has (?<n>\d+) figures? up to (?<year>\d+) in (?<file>.+); parameters come from the priors unless --posterior is given \(--posterior auto fits them first\)$/,
    zh: (p, plans) =>
      `${regionName(s(p['region']), plans)}在 ${s(p['file'])} 中有截至${s(p['year'])}年的${s(p['n'])}个公开数据，但本次模拟的参数取自先验分布（全国范围）；加 --posterior auto 可先用这些数据拟合参数`,
  },
  'posterior-region': {
    pattern: /^the posterior was fitted to (?<posterior>.+); the plan's region is (?<region>.+)$/,
    zh: (p, plans) =>
      `所用后验分布拟合自${regionName(s(p['posterior']), plans)}的数据，而本规划的地区为${regionName(s(p['region']), plans)}`,
  },
  'posterior-used': {
    pattern:
      /^parameters drawn from the posterior of (?<region>\S+) \(observed counts (?<fitted>up to \d+|\d+–\d+)(?:, break (?<break>\d+))?; (?<samples>\d+) samples\) instead of the priors; base counts from the plan(?:; from the priors: (?<fromPriors>.+))?$/,
    zh: (p, plans) => {
      const fitted = s(p['fitted']).startsWith('up to ')
        ? `截至${s(p['fitted']).slice(6)}年`
        : `${s(p['fitted']).replace('–', '—')}年`;
      const names = p['fromPriors']?.split(', ').map((n) => (isParam(n) ? paramName(n, 'zh') : n));
      return `参数取自${regionName(s(p['region']), plans)}的后验分布（拟合${fitted}的公开数据${p['break'] !== undefined ? `，${p['break']}年起按新阶段拟合` : ''}；${s(p['samples'])}个样本），而非先验分布；基年数量取自规划${names !== undefined ? `；以下参数仍取自先验：${names.join('、')}` : ''}`;
    },
  },
  'precision-not-reached': {
    pattern:
      /^precision (?<precision>\S+) not reached: the largest P\(met\) standard error is (?<se>\S+) after (?<runs>\d+) runs \(the cap\)$/,
    zh: (p) =>
      `未达到要求的精度（标准误 ≤ ${s(p['precision'])}）：模拟${s(p['runs'])}次（上限）后，各目标达成概率的最大标准误为${s(p['se'])}`,
  },
  'compare-seed': {
    pattern:
      /^(?<scenario>.+) sets seed (?<own>.*); every scenario runs on seed (?<seed>.*) so that they share their random numbers$/,
    zh: (p) =>
      `情景 ${s(p['scenario'])} 设定的随机种子为 ${s(p['own'])}；为使各方案使用同一批随机数，全部按种子 ${s(p['seed'])} 运行`,
  },
  'compare-plans': {
    pattern:
      /^the scenarios run different plans \((?<plans>.+)\): only goals with the same id and definition are compared$/,
    zh: (p) =>
      `各情景依据的规划不同（${s(p['plans']).split(', ').join('、')}）：只比较编号与定义都相同的目标`,
  },
  'lever-evidence': {
    pattern:
      /^lever (?<lever>.+): the strength of its response \((?<strength>\S+)\) (?<evidence>has no evidence|is only partly sourced); the answer rests on its prior \(docs\/model\.md, "Levers"\)$/,
    zh: (p, plans) =>
      `措施${leverLabel(s(p['lever']), plans)}的作用强度（参数${param(s(p['strength']))}）${p['evidence'] === 'has no evidence' ? '没有实证依据' : '仅部分有实证依据'}，结论依赖其先验假设（见 docs/model.md “Levers”一节）`,
  },
  'not-monotone': {
    pattern:
      /^P\(goal\) falls from (?<p1>\S+) at (?<v1>\S+) to (?<p2>\S+) at (?<v2>\S+): it is not monotone in the lever here \(a capped budget running out sooner\?\), so a search for the smallest value may miss a lower one$/,
    zh: (p) =>
      `措施取值由 ${s(p['v1'])} 增至 ${s(p['v2'])} 时，目标达成概率由${pct(p['p1'])}降至${pct(p['p2'])}：达成概率在此并不随措施单调上升（可能是有上限的预算更早用完），搜索到的最小值之下可能还有满足要求的取值`,
  },
  'fit-misfit': {
    pattern:
      /^(?<misfits>\d+) of (?<fitted>\d+) fitted figures fall outside their 90% posterior predictive interval \((?<figures>.+)\): the model cannot reproduce them together(?: \(a regime break, --break YEAR, may help\)(?<breakHint>))?$/,
    zh: (p) =>
      `参与拟合的${s(p['fitted'])}个公开数据中有${s(p['misfits'])}个落在后验预测的90%区间之外（${s(p['figures']).split('; ').map(misfitZh).join('；')}）：模型无法同时复现这些数据${p['breakHint'] !== undefined ? '（设置政策断点 --break 年份 或许有帮助）' : ''}`,
  },
  'posterior-above-prior': {
    pattern:
      /^(?<coordinate>\S+): the posterior median (?<median>\S+) is above the prior's 95th percentile (?<bound>\S+): the data want more than the prior allows$/,
    zh: (p) =>
      `${coordinateName(s(p['coordinate']), 'zh')}：后验中位数${s(p['median'])}高于先验的95%分位数${s(p['bound'])}，数据要求的取值超出先验允许的范围`,
  },
  'posterior-below-prior': {
    pattern:
      /^(?<coordinate>\S+): the posterior median (?<median>\S+) is below the prior's 5th percentile (?<bound>\S+): the data want less than the prior allows$/,
    zh: (p) =>
      `${coordinateName(s(p['coordinate']), 'zh')}：后验中位数${s(p['median'])}低于先验的5%分位数${s(p['bound'])}，数据要求的取值低于先验允许的范围`,
  },
  'sampler-stopped': {
    pattern:
      /^the sampler stopped at temperature (?<temperature>\S+) before reaching the posterior \(1\): the sample is not the posterior$/,
    zh: (p) => `抽样在温度${s(p['temperature'])}处停止，未到达后验（温度1）：所得样本不是后验分布`,
  },
  'thin-sample': {
    pattern:
      /^only (?<unique>\d+) distinct particles of (?<particles>\d+): the posterior sample is thin; use more particles$/,
    zh: (p) =>
      `${s(p['particles'])}个粒子中只有${s(p['unique'])}个互不相同：后验样本偏少，建议增加粒子数（--particles）`,
  },
  'goal-always': {
    pattern:
      /^The goal is (?<outcome>missed|met) in all (?<runs>\d+) trajectories: effects on P\(goal\) and its value of information are 0 here; the effects on the margin still say what moves the count\.$/,
    zh: (p) =>
      `全部${s(p['runs'])}条轨迹${p['outcome'] === 'met' ? '均达成' : '均未达成'}目标：各因素对达成概率的影响及其信息价值在此均为0；各因素对余量的影响仍能说明是什么在推动数量变化`,
  },
  'sobol-not-converged': {
    pattern:
      /^Sobol' indices have not converged: the widest (?<level>\S+)% interval \((?<factor>.+)\) spans (?<width>\S+) > (?<limit>\S+)\. Rerun with more --sobol-rows \(the interval narrows as 1\/√rows\)\.$/,
    zh: (p) =>
      `Sobol指数尚未收敛：最宽的${s(p['level'])}%区间（${factorLabel(s(p['factor'])).zh}）宽度为${s(p['width'])}，超过${s(p['limit'])}。请增大 --sobol-rows 重新运行（区间宽度按 1/√行数 收窄）`,
  },
  'sobol-noise': {
    pattern:
      /^Process noise is (?<share>\S+)% of the variance of the Sobol' output: the indices share out the rest\. Raise --sobol-reps to average more trajectories per row\.$/,
    zh: (p) =>
      `过程随机性占Sobol分析输出方差的${s(p['share'])}%：各指数只分配其余部分。可增大 --sobol-reps，让每行平均更多条轨迹`,
  },
};

const CODES = Object.keys(FORMS) as WarningCode[];

/** Recognises a warning's sentence: its code and parameters; undefined for a sentence not in the catalogue. */
export function parseWarning(text: string): ParsedWarning | undefined {
  for (const code of CODES) {
    const m = FORMS[code].pattern.exec(text);
    if (m === null) continue;
    const params: Record<string, string> = {};
    // a group that took no part in the match (an optional one) is undefined at run time
    const groups = Object.entries(m.groups ?? {}) as [string, string | undefined][];
    for (const [k, v] of groups) if (v !== undefined) params[k] = v;
    return { code, params };
  }
  return undefined;
}

/** A recognised warning as a sentence in a language (`plans` name its levers, goals and regions). */
export function warningText(w: ParsedWarning, lang: Lang, plans: readonly Plan[] = []): string {
  if (lang === 'en') return warningSentence(w.code, w.params as unknown as WarningParams[typeof w.code]);
  return FORMS[w.code].zh(w.params, plans);
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
