import type { RunOutcome } from '../app/runScenario.js';
import { criterionText, probabilityText, verdictWord } from '../report/goalText.js';
import {
  budgetSentence,
  countedSpendSentence,
  effectRows,
  evidenceSentence,
  spendByYearRows,
} from '../report/moneyText.js';
import { yuanText } from '../report/money.js';
import { table } from '../report/text.js';

/** The table `ladder run` prints. */
export function formatRunTable(o: RunOutcome): string {
  const { summary, scenario } = o;
  const plan = scenario.plan;
  const head =
    `${scenario.name.zh}\n${scenario.name.en}\n` +
    `scenario ${scenario.id} · plan ${plan.id} · base year ${plan.baseYear} · ${summary.runs} runs` +
    (o.precision !== undefined ? ` (as many as P(met) ± ${o.precision} needs)` : '') +
    ` · seed ${summary.seed}\n\n`;
  const rows = summary.goals.map((g) => [
    g.label,
    `${g.measure} ${criterionText(g, summary.baseYear)}`,
    String(g.year),
    probabilityText(g.probability, g.probabilityStdErr),
    verdictWord(g.probability).en,
    String(g.quantiles.p50),
    `${g.quantiles.p05}–${g.quantiles.p95}`,
  ]);
  let s =
    head +
    table(['goal', 'criterion', 'year', 'P(met) ± s.e.', 'verdict', 'median', '90% interval'], rows, [
      'l',
      'l',
      'r',
      'r',
      'l',
      'r',
      'r',
    ]);
  s += '\n';
  if (summary.qualitativeGoals.length > 0) {
    s += '\nNot simulated (no figure, or a tier the model does not carry):\n';
    for (const q of summary.qualitativeGoals) s += `  ${q.year}  ${q.label}\n`;
  }
  s += moneyText(o);
  for (const w of summary.warnings) s += `warning: ${w}\n`;
  if (o.reportDir !== undefined) {
    const html = o.reportFiles.filter((f) => f.endsWith('.html'));
    s += `\nReport: ${html.map((f) => `${o.reportDir}/${f}`).join(', ')} (also summary.json, summary.md, series.csv, charts/)\n`;
  }
  return s;
}

/** Money and what the levers buy: budget lines, spend by year against caps, the effect against the status quo. */
function moneyText(o: RunOutcome): string {
  const { summary } = o;
  let s = '';
  if (summary.budgets.length > 0) {
    s += '\nMoney (budget lines of the plan):\n';
    for (const b of summary.budgets) s += `  ${budgetSentence(b)}\n`;
    s += '\n';
    s += table(
      ['budget', 'year', 'promised, median [90%]', 'paid, median [90%]', 'cap'],
      spendByYearRows(summary),
      ['l', 'r', 'r', 'r', 'r'],
    );
    s += '\n';
  }
  if (summary.effect !== null) {
    s +=
      `\nWhat the levers buy against the status quo (same trajectories without the plan's levers; ` +
      `spend ${yuanText(summary.effect.spend.mean)} over the simulated years):\n`;
    s += table(
      ['goal', 'criterion', 'ΔP(met)', 'additional firms', 'yuan per additional firm'],
      effectRows(summary),
      ['l', 'l', 'r', 'r', 'r'],
    );
    s += `\n\n${countedSpendSentence(summary)}\n`;
  }
  const ev = evidenceSentence(summary);
  if (ev !== null) s += `\n${ev}\n`;
  return s;
}
