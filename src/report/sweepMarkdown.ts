import type { SweepResult } from '../schema/sweepResult.js';
import { criterionText, probabilityText } from './goalText.js';
import { leverHeading, leverValueText } from './leverText.js';
import { signed, yuanText } from './money.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** summary.md of a sweep: P(goal) and spend at each lever value. */
export function sweepMarkdown(r: SweepResult): string {
  const L: string[] = [];
  L.push(`# Sweep · 措施参数扫描: ${esc(r.scenario)} — ${esc(r.lever.ref)}`);
  L.push('');
  L.push(
    `Lever: ${esc(leverHeading(r.lever))}. Scenario \`${esc(r.scenario)}\` (\`${esc(r.source)}\`), plan \`${r.plan}\`.`,
  );
  L.push('');
  L.push(
    `${r.runs} trajectories at each value, seed \`${r.seed}\`, ladder ${r.version}. Every value runs on the same random numbers, so the curve is smooth and the change from one value to the next has a small (paired) standard error, shown as Δ ± s.e. A changed rate changes how many random numbers the exact samplers draw, so trajectories are closely but not perfectly coupled.`,
  );
  L.push('');
  for (const g of r.goals) {
    L.push(`## ${esc(g.label)} — ${esc(`${g.measure} ${criterionText(g, g.baseYear)}`)} by ${g.year}`);
    L.push('');
    L.push('| value | P(met) ± s.e. | Δ from previous ± paired s.e. | median [5%–95%] |');
    L.push('|---:|---:|---:|---:|');
    for (const p of r.points) {
      const e = p.goals.find((x) => x.id === g.id);
      if (e === undefined) continue;
      const d =
        e.fromPrevious === null
          ? ''
          : `${signed(e.fromPrevious.diff, 4)} ± ${e.fromPrevious.pairedStdErr.toFixed(4)}`;
      L.push(
        `| ${esc(leverValueText(r.lever, p.value))} | ${probabilityText(e.probability, e.probabilityStdErr)} | ${d} | ${e.p50} [${e.p05}–${e.p95}] |`,
      );
    }
    L.push('');
  }
  const budgetIds = [...new Set(r.points.flatMap((p) => p.budgets.map((b) => b.id)))];
  L.push('## Spend · 支出');
  L.push('');
  L.push(`| value | spend, mean [5%–95%] |${budgetIds.map((b) => ` P(overspend) ${esc(b)} |`).join('')}`);
  L.push(`|---:|---:|${budgetIds.map(() => '---:|').join('')}`);
  for (const p of r.points) {
    const cells = budgetIds.map((id) => {
      const b = p.budgets.find((x) => x.id === id);
      return b === undefined ? '' : probabilityText(b.overspendProbability, b.overspendStdErr);
    });
    L.push(
      `| ${esc(leverValueText(r.lever, p.value))} | ${yuanText(p.spend.mean)} [${yuanText(p.spend.p05)}–${yuanText(p.spend.p95)}] |${cells.map((c) => ` ${c} |`).join('')}`,
    );
  }
  L.push('');
  return L.join('\n');
}
