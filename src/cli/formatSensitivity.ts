import type { SensitivityOutcome } from '../app/sensitivity.js';
import { criterionText } from '../report/goalText.js';
import { table } from '../report/text.js';

const signed = (x: number, digits: number): string =>
  `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
const pm = (x: number, se: number, digits: number): string => `${signed(x, digits)} ± ${se.toFixed(digits)}`;
const GROUP = { 'lever-response': 'lever', rate: 'rate', 'base-count': 'base' } as const;
/** Rows shown per table on the terminal (the report has them all). */
const SHOWN = 10;

/** What `ladder sensitivity` prints. */
export function formatSensitivity(o: SensitivityOutcome): string {
  const r = o.report;
  const g = r.goal;
  const meta = new Map(r.factors.map((f) => [f.name, f]));
  const tag = (f: string): string => {
    const m = meta.get(f);
    return m === undefined ? '' : `${m.tag}${m.reliance === 'inference' ? ' !' : ''}`;
  };
  let s = `${o.scenario.name.zh}\n${o.scenario.name.en}\n`;
  s += `goal ${g.id}: ${g.label} — ${g.measure} ${criterionText(g, o.scenario.plan.baseYear)} in ${g.year}\n`;
  s += `P(goal) = ${r.probability.value.toFixed(3)} ± ${r.probability.se.toFixed(3)} · ${r.settings.runs} runs · seed ${r.seed} · ${r.trajectories} trajectories in all\n\n`;

  s += `One-way effects: each input at its prior's 10th and 90th percentile (${r.settings.tornadoRuns} paired trajectories)\n`;
  s += table(
    ['input', 'group', 'tag', 'p10 → p90', 'ΔP ± s.e.', 'Δ margin ± s.e.'],
    r.tornado
      .slice(0, SHOWN)
      .map((t) => [
        t.factor,
        GROUP[t.group],
        tag(t.factor),
        `${t.low} → ${t.high}`,
        pm(t.dP, t.dPSe, 3),
        pm(t.dMargin, t.dMarginSe, 1),
      ]),
    ['l', 'l', 'l', 'r', 'r', 'r'],
  );
  s += '\n\n';
  if (r.sobol !== null) {
    const so = r.sobol;
    s += `Sobol' indices of the margin (${so.rows} rows × ${so.replicates} trajectories; ${so.level * 100}% bootstrap intervals; process noise ${(100 * so.noiseShare).toFixed(1)}% of the variance)\n`;
    s += table(
      ['input', 'group', 'tag', 'S1 [interval]', 'ST [interval]'],
      so.indices
        .slice(0, SHOWN)
        .map((x) => [
          x.factor,
          GROUP[x.group],
          tag(x.factor),
          `${x.s1.toFixed(3)} [${x.s1Lo.toFixed(3)}, ${x.s1Hi.toFixed(3)}]`,
          `${x.st.toFixed(3)} [${x.stLo.toFixed(3)}, ${x.stHi.toFixed(3)}]`,
        ]),
      ['l', 'l', 'l', 'r', 'r'],
    );
    s += '\n\n';
  }
  s += 'Value of information: how much P(goal) would move (rms) once the input is known\n';
  s += table(
    ['rank', 'input', 'group', 'tag', 'rms change ± s.e.', 'mean change'],
    r.valueOfInformation
      .slice(0, SHOWN)
      .map((v, k) => [
        String(k + 1),
        v.factor,
        GROUP[v.group],
        tag(v.factor),
        `${v.rmsChange.toFixed(3)} ± ${v.rmsSe.toFixed(3)}`,
        v.meanAbsChange.toFixed(3),
      ]),
    ['r', 'l', 'l', 'l', 'r', 'r'],
  );
  s += '\n\n';
  if (r.levers.length > 0) {
    s += `Levers and budgets (${r.settings.tornadoRuns} paired trajectories against the plan as written)\n`;
    s += table(
      ['lever or budget', 'change', 'P(goal)', 'ΔP ± s.e.', 'Δ margin ± s.e.'],
      r.levers.map((l) => [
        l.target === 'all-levers' ? 'all levers' : l.id,
        l.variant,
        l.p.toFixed(3),
        pm(l.dP, l.dPSe, 3),
        pm(l.dMargin, l.dMarginSe, 1),
      ]),
      ['l', 'l', 'r', 'r', 'r'],
    );
    s += '\n\n';
  }
  const rule = (b: (typeof r.discovery.failure.boxes)[number]): string =>
    b.rules
      .map((x) =>
        x.lower !== null && x.upper !== null
          ? `${x.lower} ≤ ${x.factor} ≤ ${x.upper}`
          : x.upper !== null
            ? `${x.factor} ≤ ${x.upper} (p${x.upperPercentile ?? ''})`
            : `${x.factor} ≥ ${x.lower ?? ''} (p${x.lowerPercentile ?? ''})`,
      )
      .join(' and ') +
    `  — density ${(100 * b.density).toFixed(1)}%, coverage ${(100 * b.coverage).toFixed(1)}%, mass ${(100 * b.mass).toFixed(1)}%`;
  for (const [what, d] of [
    ['missed', r.discovery.failure],
    ['met', r.discovery.success],
  ] as const) {
    s += `Where the goal is ${what} (${d.cases} of ${r.settings.runs} trajectories):\n`;
    for (const b of d.boxes) s += `  ${rule(b)}\n`;
    if (d.note !== null) s += `  ${d.note}\n`;
  }
  const e = r.monteCarloError;
  s += `\nMonte Carlo error: P(goal) ± ${e.probabilitySe}; one-way ΔP s.e. ≤ ${e.tornadoMaxDPSe}, Δ margin s.e. ≤ ${e.tornadoMaxDMarginSe}; levers ΔP s.e. ≤ ${e.leverMaxDPSe}; Sobol' widest interval ${e.sobolWidestInterval ?? '—'}; value of information s.e. ≤ ${e.voiMaxSe}\n`;
  s += 'tag "!": the prior rests on inference only (evidence tag I)\n';
  for (const w of r.warnings) s += `warning: ${w}\n`;
  if (o.reportDir !== undefined) {
    const html = (o.reportFiles ?? []).filter((f) => f.endsWith('.html'));
    s += `\nReport: ${[...html, 'summary.md', 'sensitivity.json'].map((f) => `${o.reportDir}/${f}`).join(', ')}\n`;
  }
  return s;
}
