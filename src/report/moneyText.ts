import type { BudgetResult, RunSummary } from '../schema/result.js';
import { criterionText, probabilityText } from './goalText.js';
import { signed, yuanText } from './money.js';

/** "5.00亿元 over 2021–2023" or "1000万元 a year, 2021–2023" */
export function capText(b: BudgetResult): string {
  return b.per === 'period'
    ? `${yuanText(b.amount)} over ${b.from}–${b.to}`
    : `${yuanText(b.amount)} a year, ${b.from}–${b.to}`;
}

/**
 * One sentence per budget line: the expected (mean) outlay the levers promise against the cap,
 * what is paid, and P(overspend); for a floor, the money promised.
 */
export function budgetSentence(b: BudgetResult): string {
  const promised = `${yuanText(b.demand.mean)} [90%: ${yuanText(b.demand.p05)}–${yuanText(b.demand.p95)}]`;
  if (b.kind === 'floor') {
    return `${b.label} (${b.id}): a floor of ${capText(b)}; the levers it pays spend ${yuanText(b.spend.mean)}.`;
  }
  const p =
    b.overspendProbability === null
      ? ''
      : ` P(overspend) = ${probabilityText(b.overspendProbability, b.overspendStdErr ?? 0)}: the promises exceed the cap in that share of trajectories, and are then paid in part.`;
  return `${b.label} (${b.id}): expected outlay promised ${promised} against a cap of ${capText(b)}; paid ${yuanText(b.spend.mean)} on average.${p}`;
}

/** Rows year × budget: promised (median [5%–95%]), paid (median), the year's cap. */
export function spendByYearRows(s: RunSummary): string[][] {
  const rows: string[][] = [];
  for (const b of s.budgets) {
    for (const r of s.series.filter((x) => x.measure === `demand:${b.id}`)) {
      const paid = s.series.find((x) => x.measure === `spend:${b.id}` && x.year === r.year);
      const inYears = r.year >= b.from && r.year <= b.to;
      rows.push([
        b.id,
        String(r.year),
        `${yuanText(r.p50)} [${yuanText(r.p05)}–${yuanText(r.p95)}]`,
        paid === undefined ? '' : `${yuanText(paid.p50)} [${yuanText(paid.p05)}–${yuanText(paid.p95)}]`,
        !inYears
          ? '—'
          : b.kind === 'floor'
            ? `floor ${yuanText(b.amount)}`
            : b.per === 'year'
              ? yuanText(b.amount)
              : `${capText(b)} in all`,
      ]);
    }
  }
  return rows;
}

/** Rows of what the levers buy against the status quo, per goal. */
export function effectRows(s: RunSummary): string[][] {
  if (s.effect === null) return [];
  return s.effect.goals.map((g) => {
    const goal = s.goals.find((x) => x.id === g.id);
    return [
      goal?.label ?? g.id,
      goal === undefined ? g.measure : `${g.measure} ${criterionText(goal, s.baseYear)}`,
      `${signed(g.probabilityGain, 3)} ± ${g.probabilityGainStdErr.toFixed(3)}`,
      `${signed(g.valueGain, 1)} ± ${g.valueGain === 0 ? '0' : g.valueGainStdErr.toFixed(1)}`,
      g.yuanPerAdditional === null
        ? '—'
        : `${yuanText(g.yuanPerAdditional)} ± ${yuanText(g.yuanPerAdditionalStdErr ?? Number.NaN)}`,
    ];
  });
}

/** The levers whose response has no evidence, and a sentence on what rests on them. */
export function evidenceSentence(s: RunSummary): string | null {
  const none = s.levers.filter((l) => l.evidence === 'none' && l.target !== 'none');
  if (none.length === 0) return null;
  const partly = s.levers.filter((l) => l.evidence === 'partly-sourced');
  return (
    `Levers whose response has no evidence (their strength is a guessed prior): ${none.map((l) => `${l.label} (${l.id})`).join('; ')}. ` +
    (partly.length > 0
      ? `Only ${partly.map((l) => l.id).join(', ')} ${partly.length === 1 ? 'rests' : 'rest'} partly on evidence; `
      : 'No lever of this plan rests on evidence; ') +
    'every conclusion about what the levers buy leans on the priors of the others (docs/model.md, "Levers").'
  );
}

/**
 * Which levers' money the spend counts (those with an amount in yuan: `outlay:<lever>` series)
 * and which act without counted money, so that yuan per additional firm is read as a lower bound.
 */
export function countedSpendSentence(s: RunSummary): string {
  const counted = s.levers.filter((l) => s.series.some((r) => r.measure === `outlay:${l.id}`));
  const uncounted = s.levers.filter((l) => !counted.includes(l) && l.target !== 'none');
  if (counted.length === 0) {
    return 'No lever of this plan states its money in yuan, so no spend is counted and there is no yuan per additional firm.';
  }
  return (
    `Spend counts the money of ${counted.map((l) => l.id).join(', ')}` +
    (uncounted.length > 0
      ? `; ${uncounted.length} other lever${uncounted.length === 1 ? '' : 's'} (${uncounted.map((l) => l.id).join(', ')}) act${uncounted.length === 1 ? 's' : ''} without a figure in yuan, so their cost is not counted and yuan per additional firm is a lower bound.`
      : '.')
  );
}
