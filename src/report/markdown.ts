import type { RunSummary } from '../schema/result.js';
import type { ResolvedScenario } from '../schema/scenario.js';
import { criterionText, probabilityText, verdictWord } from './goalText.js';

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
  if (summary.warnings.length > 0) {
    lines.push('');
    lines.push('## Warnings');
    lines.push('');
    for (const w of summary.warnings) lines.push(`- ${esc(w)}`);
  }
  lines.push('');
  return lines.join('\n');
}
