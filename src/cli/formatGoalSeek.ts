import type { GoalSeekOutcome } from '../app/goalSeekLever.js';
import { reportLine } from './reportLine.js';
import { criterionText } from '../report/goalText.js';
import { goalSeekAnswer } from '../report/goalSeekMarkdown.js';
import { leverHeading, leverValueText } from '../report/leverText.js';

/** What `ladder goal-seek` prints. */
export function formatGoalSeek(o: GoalSeekOutcome): string {
  const r = o.result;
  let s =
    `Goal-seek: ${r.goal.label} (${r.goal.measure} ${criterionText(r.goal, r.goal.baseYear)} by ${r.goal.year}), P ≥ ${r.probability}\n` +
    `lever ${leverHeading(r.lever)}\n` +
    `range ${leverValueText(r.lever, r.range.lower)} to ${leverValueText(r.lever, r.range.upper)} · scenario ${r.scenario} · ${r.runs} runs per value · seed ${r.seed} · ${r.evaluations.length} values evaluated\n\n`;
  s += `${r.result.status}: ${goalSeekAnswer(r)}\n`;
  for (const w of r.warnings) s += `warning: ${w}\n`;
  if (o.reportDir !== undefined) s += reportLine(o.reportDir, o.reportFiles);
  return s;
}
