import type { RunOutcome } from '../app/runScenario.js';
import { criterionText, probabilityText, verdictWord } from '../report/goalText.js';
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
  for (const w of summary.warnings) s += `warning: ${w}\n`;
  if (o.reportDir !== undefined) s += `\nReport: ${o.reportDir}/summary.json, summary.md\n`;
  return s;
}
