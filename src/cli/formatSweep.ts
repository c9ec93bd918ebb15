import type { SweepOutcome } from '../app/sweepLever.js';
import { reportLine } from './reportLine.js';
import { criterionText, probabilityText } from '../report/goalText.js';
import { leverHeading, leverValueText } from '../report/leverText.js';
import { yuanText } from '../report/money.js';
import { table } from '../report/text.js';

/** The table `ladder sweep` prints: one row per lever value, one column per goal. */
export function formatSweepTable(o: SweepOutcome): string {
  const r = o.result;
  let s =
    `Sweep of ${leverHeading(r.lever)}\n` +
    `scenario ${r.scenario} · plan ${r.plan} · ${r.runs} runs at each value · seed ${r.seed} · common random numbers\n\n`;
  r.goals.forEach((g, i) => {
    s += `  (${i + 1}) ${g.label}: ${g.measure} ${criterionText(g, g.baseYear)} by ${g.year}\n`;
  });
  s += '\n';
  const budgetIds = [...new Set(r.points.flatMap((p) => p.budgets.map((b) => b.id)))];
  const rows = r.points.map((p) => [
    leverValueText(r.lever, p.value),
    ...r.goals.map((g) => {
      const e = p.goals.find((x) => x.id === g.id);
      return e === undefined ? '' : probabilityText(e.probability, e.probabilityStdErr);
    }),
    yuanText(p.spend.mean),
    ...budgetIds.map((id) => {
      const b = p.budgets.find((x) => x.id === id);
      return b === undefined ? '' : b.overspendProbability.toFixed(3);
    }),
  ]);
  s += table(
    [
      'value',
      ...r.goals.map((_, i) => `(${i + 1}) P(met)`),
      'spend',
      ...budgetIds.map((b) => `P(overspend) ${b}`),
    ],
    rows,
    ['r', ...r.goals.map(() => 'r' as const), 'r', ...budgetIds.map(() => 'r' as const)],
  );
  s += '\n';
  if (o.reportDir !== undefined) s += reportLine(o.reportDir, o.reportFiles);
  return s;
}
