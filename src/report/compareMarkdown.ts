import type { CompareResult } from '../schema/compareResult.js';
import { criterionText, probabilityText } from './goalText.js';
import { signed, yuanText } from './money.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** summary.md of a comparison: goals side by side, then each scenario's paired difference from the first. */
export function compareMarkdown(r: CompareResult): string {
  const first = r.scenarios[0];
  const L: string[] = [];
  L.push(`# Comparison · 方案比较: ${r.scenarios.map((s) => esc(s.id)).join(' · ')}`);
  L.push('');
  L.push(
    `${r.runs} trajectories per scenario, seed \`${r.seed}\`, ladder ${r.version}. Every scenario runs on the same random numbers (trajectory i of each draws from the same streams), so a difference between two scenarios is measured trajectory by trajectory: its *paired* standard error is what is left of the noise; the *unpaired* one, beside it, is what running them independently would have given.`,
  );
  L.push('');
  L.push('| scenario | name | plan | policy | source |');
  L.push('|---|---|---|---|---|');
  for (const s of r.scenarios) {
    L.push(`| ${esc(s.id)} | ${esc(s.name)} | ${s.plan} | ${s.policy} | \`${esc(s.source)}\` |`);
  }
  L.push('');
  L.push('## Goals side by side · 目标达成概率');
  L.push('');
  L.push('P(met) ± s.e.; the goal’s count in its year: median [5%–95%].');
  L.push('');
  L.push(`| goal | criterion | ${r.scenarios.map((s) => esc(s.id)).join(' | ')} |`);
  L.push(`|---|---|${r.scenarios.map(() => '---:').join('|')}|`);
  for (const g of r.goals) {
    const cells = r.results.map((res) => {
      const e = res.goals.find((x) => x.id === g.id);
      return e === undefined
        ? ''
        : `${probabilityText(e.probability, e.probabilityStdErr)}<br>${e.p50} [${e.p05}–${e.p95}]`;
    });
    L.push(
      `| ${esc(g.label)} | ${esc(`${g.measure} ${criterionText(g, g.baseYear)}`)} by ${g.year} | ${cells.join(' | ')} |`,
    );
  }
  L.push(
    `| spend (all levers, simulated years) | mean [5%–95%] | ${r.results
      .map((res) => `${yuanText(res.spend.mean)} [${yuanText(res.spend.p05)}–${yuanText(res.spend.p95)}]`)
      .join(' | ')} |`,
  );
  for (const d of r.differences) {
    L.push('');
    L.push(`## ${esc(d.scenario)} − ${esc(d.against)}`);
    L.push('');
    L.push(
      '| goal | ΔP(met) | paired s.e. | unpaired s.e. | Δ count (mean) | paired s.e. | unpaired s.e. | yuan per firm of the difference |',
    );
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const g of d.goals) {
      const label = r.goals.find((x) => x.id === g.id)?.label ?? g.id;
      L.push(
        `| ${esc(label)} | ${signed(g.probability.diff, 4)} | ${g.probability.pairedStdErr.toFixed(4)} | ${g.probability.unpairedStdErr.toFixed(4)} | ${signed(g.value.diff, 1)} | ${g.value.pairedStdErr.toFixed(2)} | ${g.value.unpairedStdErr.toFixed(2)} | ${g.yuanPerFirm === null ? '—' : `${yuanText(g.yuanPerFirm)} ± ${yuanText(g.yuanPerFirmStdErr ?? Number.NaN)}`} |`,
      );
    }
    L.push(
      `| spend | | | | ${signed(d.spend.diff / 1e4, 0)}万元 | ${(d.spend.pairedStdErr / 1e4).toFixed(0)}万元 | ${(d.spend.unpairedStdErr / 1e4).toFixed(0)}万元 | |`,
    );
  }
  if (first !== undefined && r.omittedGoals.length > 0) {
    L.push('');
    L.push('## Goals not compared');
    L.push('');
    for (const o of r.omittedGoals) L.push(`- ${esc(o.goal)} in ${esc(o.scenario)}: ${esc(o.reason)}`);
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
