import type { GoalSeekResult } from '../schema/goalSeekResult.js';
import { criterionText, probabilityText } from './goalText.js';
import { leverHeading, leverValueText } from './leverText.js';
import { yuanText } from './money.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The answer of a goal-seek in one sentence (English), for the table and summary.md. */
export function goalSeekAnswer(r: GoalSeekResult): string {
  const v = (x: number): string => leverValueText(r.lever, x);
  const q = r.probability;
  switch (r.result.status) {
    case 'found':
      return (
        `the smallest value with P(goal) ≥ ${q} is ${v(r.result.value)} ` +
        `(P = ${probabilityText(r.result.at.probability, r.result.at.probabilityStdErr)}); ` +
        `values from ${v(r.result.interval.low)} to ${v(r.result.interval.high)}${r.result.interval.openHigh ? ' (the top of the range)' : ''} ` +
        `give a P within 2 s.e. of ${q}`
      );
    case 'at-lower-bound':
      return `P(goal) ≥ ${q} already at the bottom of the range, ${v(r.result.value)} (P = ${probabilityText(r.result.at.probability, r.result.at.probabilityStdErr)})`;
    case 'not-reachable':
      return `not reachable within the lever's range: at its top, ${v(r.result.upper)}, P(goal) = ${probabilityText(r.result.at.probability, r.result.at.probabilityStdErr)} < ${q}`;
    case 'not-converged':
      return `the search stopped before converging: the answer lies between ${v(r.result.bracket[0])} and ${v(r.result.bracket[1])}`;
  }
}

/** summary.md of a goal-seek: the answer, its uncertainty, and every value evaluated. */
export function goalSeekMarkdown(r: GoalSeekResult): string {
  const L: string[] = [];
  L.push(`# Goal-seek · 目标反推: ${esc(r.goal.label)} — ${esc(r.lever.ref)}`);
  L.push('');
  L.push(
    `Goal: ${esc(r.goal.label)} (${esc(r.goal.labelEn)}): ${esc(`${r.goal.measure} ${criterionText(r.goal, r.goal.baseYear)}`)} by ${r.goal.year}.`,
  );
  L.push('');
  L.push(
    `Lever: ${esc(leverHeading(r.lever))}, searched from ${esc(leverValueText(r.lever, r.range.lower))} to ${esc(leverValueText(r.lever, r.range.upper))} (tolerance ${esc(leverValueText(r.lever, r.tolerance))}).`,
  );
  L.push('');
  L.push(
    `Scenario \`${esc(r.scenario)}\` (\`${esc(r.source)}\`), ${r.runs} trajectories at each value, seed \`${r.seed}\`, ladder ${r.version}; every value runs on the same random numbers.`,
  );
  L.push('');
  L.push(`**Answer (${r.result.status}):** ${esc(goalSeekAnswer(r))}.`);
  L.push('');
  L.push('## Values evaluated');
  L.push('');
  L.push('| value | P(met) ± s.e. | spend (mean) |');
  L.push('|---:|---:|---:|');
  for (const e of r.evaluations) {
    L.push(
      `| ${esc(leverValueText(r.lever, e.value))} | ${probabilityText(e.probability, e.probabilityStdErr)} | ${yuanText(e.spend)} |`,
    );
  }
  if (r.warnings.length > 0) {
    L.push('');
    L.push('## Warnings');
    L.push('');
    for (const w of r.warnings) L.push(`- ${esc(w)}`);
  }
  L.push('');
  return L.join('\n');
}
