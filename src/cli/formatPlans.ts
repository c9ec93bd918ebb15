import type { PlanListing } from '../app/listPlans.js';
import { criterionText } from '../report/goalText.js';
import { table } from '../report/text.js';

export function formatPlans(plans: readonly PlanListing[]): string {
  const rows = plans.map((p) => [
    p.id,
    p.name.zh,
    `${p.period.from}–${p.period.to}`,
    String(p.baseYear),
    String(p.goals.filter((g) => g.kind === 'projected').length),
    String(p.goals.filter((g) => g.kind === 'qualitative').length),
    String(p.levers),
  ]);
  let s = `${table(['id', 'plan', 'period', 'base', 'goals', 'qualit.', 'levers'], rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r'])}\n`;
  for (const p of plans) {
    s += `\n${p.id} — ${p.name.en}\n`;
    for (const g of p.goals) {
      const crit =
        g.kind === 'projected' && g.comparison !== null && g.target !== null
          ? `${g.measure ?? ''} ${criterionText({ comparison: g.comparison, target: g.target }, p.baseYear)}`
          : 'qualitative';
      s += `  ${g.year}  ${g.label}  [${crit}]\n`;
    }
  }
  s += '\nRun one with: ladder run <id>\n';
  return s;
}
