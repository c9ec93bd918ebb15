import type { LeverDescription } from '../schema/analysisCommon.js';
import { PARAM_NAMES, type ParamName } from '../schema/params.js';
import type { Plan } from '../schema/plan.js';
import type { ValueKind } from './charts/intervalChart.js';
import type { Lang } from './lang.js';
import { formatYuan } from './leversSection.js';
import { formatCount, formatPercent } from './numberFormat.js';
import { measureName, paramName } from './terms.js';

const FIELD: Readonly<Record<string, { zh: string; en: string }>> = {
  low: { zh: '下限', en: 'lower end' },
  mode: { zh: '众数', en: 'mode' },
  high: { zh: '上限', en: 'upper end' },
  value: { zh: '取值', en: 'value' },
};

const UNIT: Readonly<Record<string, { zh: string; en: string }>> = {
  'yuan-per-firm': { zh: '元/家', en: 'yuan per firm' },
  yuan: { zh: '元', en: 'yuan' },
  'yuan-per-year': { zh: '元/年', en: 'yuan a year' },
  'share-of-deduction': { zh: '扣除额比例', en: 'share of the deduction' },
  share: { zh: '比例', en: 'share' },
  count: { zh: '个', en: 'count' },
  'count-per-year': { zh: '个/年', en: 'a year' },
};

function isParam(x: string): x is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(x);
}

/** The parts of a lever's --set path: `levers.<id>.amounts.<amount>`, `budgets.<id>.amount`, … */
function pathParts(lever: LeverDescription): readonly string[] {
  return lever.path.split('.');
}

/**
 * What a sweep or goal-seek varies, in the reader's words: the plan's own label of the lever
 * and its amount, of the budget line, or the parameter's name. Falls back to the reference.
 */
export function leverName(lever: LeverDescription, plan: Plan, lang: Lang): string {
  const [, a = '', , b = ''] = pathParts(lever);
  const zh = lang === 'zh';
  switch (lever.kind) {
    case 'amount': {
      const l = plan.levers.find((x) => x.id === a);
      const amount = l?.amounts.find((x) => x.id === b);
      if (l === undefined) return lever.ref;
      const many = l.amounts.length > 1 && amount !== undefined;
      return zh
        ? `措施“${l.label.zh}”${many ? `中“${amount.label.zh}”` : ''}的金额`
        : `the amount of “${l.label.en}”${many ? ` (${amount.label.en})` : ''}`;
    }
    case 'budget': {
      const bud = plan.budgets.find((x) => x.id === pathParts(lever)[1]);
      if (bud === undefined) return lever.ref;
      return zh ? `预算“${bud.label.zh}”的金额` : `the budget “${bud.label.en}”`;
    }
    case 'prior': {
      const field = FIELD[pathParts(lever)[2] ?? ''] ?? { zh: '', en: '' };
      if (!isParam(a)) return lever.ref;
      return zh
        ? `参数“${paramName(a, 'zh')}”先验分布的${field.zh}`
        : `the ${field.en} of the prior of “${paramName(a, 'en')}”`;
    }
    case 'base': {
      const field = FIELD[pathParts(lever)[2] ?? ''] ?? { zh: '', en: '' };
      return zh
        ? `${plan.baseYear}年底${measureName(a, 'zh', plan)}数量的${field.zh}`
        : `the ${field.en} of the ${plan.baseYear} count of ${measureName(a, 'en', plan)}`;
    }
    case 'multiplier':
      return zh ? `${a}年首次申报倍数` : `the ${a} multiplier of first applications`;
  }
}

/** The unit a lever value is read in ("元/家", "yuan per firm"); empty for a plain number. */
export function leverUnit(lever: LeverDescription, lang: Lang): string {
  if (lever.kind === 'budget') return UNIT['yuan']?.[lang] ?? '';
  if (lever.kind === 'base') return lang === 'zh' ? '家' : 'firms';
  if (lever.unit === null) return '';
  return UNIT[lever.unit]?.[lang] ?? lever.unit;
}

/** How the lever's values are labelled on a chart axis. */
export function leverValueKind(lever: LeverDescription): ValueKind {
  if (lever.kind === 'budget') return 'yuan';
  if (lever.kind === 'base') return 'count';
  switch (lever.unit) {
    case 'yuan':
    case 'yuan-per-firm':
    case 'yuan-per-year':
      return 'yuan';
    case 'share':
    case 'share-of-deduction':
      return 'share';
    case 'count':
    case 'count-per-year':
      return 'count';
    default:
      return 'plain';
  }
}

/** A lever value for the reader: money in 万元/亿元 (Chinese) or yuan, a share as a percentage. */
export function leverValue(lever: LeverDescription, v: number, lang: Lang): string {
  switch (leverValueKind(lever)) {
    case 'yuan':
      return formatYuan(v, lang);
    case 'share':
      return formatPercent(v, 0.001);
    case 'count':
      return formatCount(v, lang);
    default:
      return String(Number(v.toPrecision(6)));
  }
}
