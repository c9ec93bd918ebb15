import type { CompareOutcome } from '../app/compareScenarios.js';
import { reportLine } from './reportLine.js';
import { criterionText, probabilityText } from '../report/goalText.js';
import { seText, signed, yuanText } from '../report/money.js';
import { table } from '../report/text.js';

/** The table `ladder compare` prints. */
export function formatCompareTable(o: CompareOutcome): string {
  const r = o.result;
  let s =
    `Comparison of ${r.scenarios.length} scenarios · ${r.runs} runs each · seed ${r.seed} · common random numbers\n` +
    r.scenarios.map((x, i) => `  [${i + 1}] ${x.id} — ${x.name} (${x.source})\n`).join('') +
    '\n';
  const rows = r.goals.map((g) => [
    g.label,
    `${g.measure} ${criterionText(g, g.baseYear)}`,
    String(g.year),
    ...r.results.map((res) => {
      const e = res.goals.find((x) => x.id === g.id);
      return e === undefined ? '' : `${probabilityText(e.probability, e.probabilityStdErr)}  ${e.p50}`;
    }),
  ]);
  rows.push(['spend (mean)', '', '', ...r.results.map((res) => yuanText(res.spend.mean))]);
  s += table(
    ['goal', 'criterion', 'year', ...r.scenarios.map((_, i) => `[${i + 1}] P(met) ± s.e.  median`)],
    rows,
    ['l', 'l', 'r', ...r.scenarios.map(() => 'r' as const)],
  );
  s += '\n';
  r.differences.forEach((d, i) => {
    s += `\n[${i + 2}] ${d.scenario} − [1] ${d.against}: paired s.e. (unpaired s.e. in brackets)\n`;
    const drows = d.goals.map((g) => [
      r.goals.find((x) => x.id === g.id)?.label ?? g.id,
      `${signed(g.probability.diff, 4)} ± ${g.probability.pairedStdErr.toFixed(4)} [${g.probability.unpairedStdErr.toFixed(4)}]`,
      `${signed(g.value.diff, 1)} ± ${seText(g.value.pairedStdErr)} [${seText(g.value.unpairedStdErr)}]`,
      g.yuanPerFirm === null
        ? '—'
        : `${yuanText(g.yuanPerFirm)} ± ${yuanText(g.yuanPerFirmStdErr ?? Number.NaN)}`,
    ]);
    drows.push([
      'spend',
      '',
      `${yuanText(d.spend.diff)} ± ${yuanText(d.spend.pairedStdErr)} [${yuanText(d.spend.unpairedStdErr)}]`,
      '',
    ]);
    s += table(['goal', 'ΔP(met)', 'Δ count (mean)', 'yuan per firm'], drows, ['l', 'r', 'r', 'r']);
    s += '\n';
  });
  if (r.omittedGoals.length > 0) {
    s += '\nGoals not compared:\n';
    for (const g of r.omittedGoals) s += `  ${g.goal} in ${g.scenario}: ${g.reason}\n`;
  }
  for (const w of r.warnings) s += `warning: ${w}\n`;
  if (o.reportDir !== undefined) s += reportLine(o.reportDir, o.reportFiles);
  return s;
}
