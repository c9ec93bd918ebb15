import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { criterionText, probabilityText, verdictWord } from './goalText.js';
import { yuanText } from './money.js';
import {
  budgetSentence,
  countedSpendSentence,
  effectRows,
  evidenceSentence,
  spendByYearRows,
} from './moneyText.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** summary.md: the goals table, qualitative goals and the yearly fan of the main tiers. */
export function summaryMarkdown(summary: RunSummary, scenario: ResolvedScenario): string {
  const plan = scenario.plan;
  const lines: string[] = [];
  lines.push(`# ${esc(scenario.name.zh)} — ${esc(scenario.id)}`);
  lines.push('');
  lines.push(
    `${esc(scenario.name.en)}. Plan \`${plan.id}\` (${plan.period.from}–${plan.period.to}), base year ${plan.baseYear}.`,
  );
  lines.push('');
  lines.push(
    `${summary.runs} trajectories, seed \`${summary.seed}\`, ladder ${summary.version}. P(met) is the share of trajectories meeting the goal in its year, ± its Monte Carlo standard error; counts are the median and the 90% interval (5th–95th percentile).`,
  );
  lines.push('');
  lines.push('## Goals');
  lines.push('');
  lines.push('| goal | 目标 | year | criterion | P(met) | verdict | median | 90% interval |');
  lines.push('|---|---|---:|---|---:|---|---:|---|');
  for (const g of summary.goals) {
    const v = verdictWord(g.probability);
    lines.push(
      `| ${esc(g.labelEn)} | ${esc(g.label)} | ${g.year} | ${esc(criterionText(g, summary.baseYear))} | ${probabilityText(g.probability, g.probabilityStdErr)} | ${v.en} · ${v.zh} | ${g.quantiles.p50} | ${g.quantiles.p05}–${g.quantiles.p95} |`,
    );
  }
  if (summary.qualitativeGoals.length > 0) {
    lines.push('');
    lines.push('Goals kept but not simulated (no figure, or a tier the model does not carry):');
    lines.push('');
    for (const q of summary.qualitativeGoals) lines.push(`- ${esc(q.label)} (${q.year}) — ${esc(q.note)}`);
  }
  lines.push('');
  lines.push('## Tiers by year (median [5%–95%])');
  lines.push('');
  const tiers = ['tsme', 'hnte', 'srdi', 'giant', 'listed'];
  const years = [...new Set(summary.series.map((r) => r.year))].sort((a, b) => a - b);
  lines.push(`| year | ${tiers.join(' | ')} |`);
  lines.push(`|---:|${tiers.map(() => '---:').join('|')}|`);
  for (const y of years) {
    const cells = tiers.map((m) => {
      const r = summary.series.find((x) => x.measure === m && x.year === y);
      return r === undefined ? '' : `${r.p50} [${r.p05}–${r.p95}]`;
    });
    lines.push(`| ${y} | ${cells.join(' | ')} |`);
  }
  lines.push(...moneyMarkdown(summary));
  if (summary.warnings.length > 0) {
    lines.push('');
    lines.push('## Warnings');
    lines.push('');
    for (const w of summary.warnings) lines.push(`- ${esc(w)}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Money and what the levers buy, for summary.md. */
function moneyMarkdown(summary: RunSummary): string[] {
  const lines: string[] = [];
  if (summary.budgets.length > 0) {
    lines.push('');
    lines.push('## Money · 资金');
    lines.push('');
    for (const b of summary.budgets) lines.push(`- ${esc(budgetSentence(b))}`);
    lines.push('');
    lines.push('| budget | year | promised, median [90%] | paid, median [90%] | cap |');
    lines.push('|---|---:|---:|---:|---:|');
    for (const r of spendByYearRows(summary)) lines.push(`| ${r.map(esc).join(' | ')} |`);
  }
  if (summary.effect !== null) {
    lines.push('');
    lines.push('## What the levers buy · 措施效果');
    lines.push('');
    lines.push(
      `Against the status quo: the same trajectories (common random numbers) with none of the plan's levers. The levers spend ${yuanText(summary.effect.spend.mean)} over the simulated years. Differences ± their paired standard error; yuan per additional firm = mean spend / mean additional firms (delta-method s.e.).`,
    );
    lines.push('');
    lines.push('| goal | criterion | ΔP(met) | additional firms | yuan per additional firm |');
    lines.push('|---|---|---:|---:|---:|');
    for (const r of effectRows(summary)) lines.push(`| ${r.map(esc).join(' | ')} |`);
    lines.push('');
    lines.push(esc(countedSpendSentence(summary)));
  }
  const ev = evidenceSentence(summary);
  if (ev !== null) {
    lines.push('');
    lines.push(esc(ev));
  }
  return lines;
}
