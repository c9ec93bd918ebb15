import type { ResolvedScenario } from '../schema/scenario.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { factorLabel } from './factorLabels.js';
import { criterionText } from './goalText.js';

type Report = SensitivityReport;
type Group = Report['factors'][number]['group'];

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const signed = (x: number, digits: number): string =>
  `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
const pm = (x: number, se: number, digits: number): string => `${signed(x, digits)} ± ${se.toFixed(digits)}`;
const num = (x: number): string => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(x));
const name = (f: string): string => `\`${f}\``;
const both = (f: string): string => {
  const l = factorLabel(f);
  return `${esc(l.zh)} (${esc(l.en)}, ${name(f)})`;
};

/** 51 → "51st", 12 → "12th" (percentiles rounded to whole numbers in the text). */
export function ordinal(x: number): string {
  const n = Math.round(x);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const RELIANCE: Readonly<Record<Report['factors'][number]['reliance'], string>> = {
  inference: 'inference only',
  'partly-inference': 'partly inference',
  evidence: 'evidence',
};

/** What the margin is, in words. */
export function marginText(r: Report, baseYear: number): string {
  const g = r.goal;
  switch (g.comparison) {
    case 'x-base':
      return `the ${g.year} count of \`${g.measure}\` minus ${g.target} × its ${baseYear} count`;
    case 'net-gain':
      return `the ${g.year} count of \`${g.measure}\` minus (its ${baseYear} count + ${g.target})`;
    case 'new-since-base':
      return `the \`${g.measure}\` added after ${baseYear} up to ${g.year}, minus ${g.target}`;
    default:
      return `the ${g.year} count of \`${g.measure}\` minus ${g.target}`;
  }
}

function factorTable(r: Report, group: Group, lines: string[]): void {
  const sobol = new Map((r.sobol?.indices ?? []).map((x) => [x.factor, x]));
  const voi = new Map(r.valueOfInformation.map((v) => [v.factor, v]));
  const meta = new Map(r.factors.map((f) => [f.name, f]));
  const rows = r.tornado.filter((t) => t.group === group);
  const inert = r.factors.filter((f) => f.group === group && f.inert);
  if (rows.length === 0) {
    lines.push(
      inert.length > 0 ? 'None of these inputs moves this goal.' : 'No uncertain inputs of this kind.',
    );
    lines.push('');
    return;
  }
  const levers = group === 'lever-response';
  lines.push(
    `| input | ${levers ? 'levers | ' : ''}tag | p10 → p90 | P(goal) p10 → p90 | ΔP ± s.e. | Δ margin ± s.e. | S1 [95%] | ST [95%] | value of information |`,
  );
  lines.push(`|---|${levers ? '---|' : ''}---|---|---|---:|---:|---|---|---:|`);
  for (const t of rows) {
    const f = meta.get(t.factor);
    const s = sobol.get(t.factor);
    const v = voi.get(t.factor);
    const cells = [
      both(t.factor),
      ...(levers ? [esc((f?.levers ?? []).join(', ') || '—')] : []),
      `${esc(f?.tag ?? '')}${f?.reliance === 'inference' ? ' (inference only)' : ''}`,
      `${num(t.low)} → ${num(t.high)}`,
      `${t.pLow.toFixed(3)} → ${t.pHigh.toFixed(3)}`,
      pm(t.dP, t.dPSe, 3),
      pm(t.dMargin, t.dMarginSe, 1),
      s === undefined ? '—' : `${s.s1.toFixed(3)} [${s.s1Lo.toFixed(3)}, ${s.s1Hi.toFixed(3)}]`,
      s === undefined ? '—' : `${s.st.toFixed(3)} [${s.stLo.toFixed(3)}, ${s.stHi.toFixed(3)}]`,
      v === undefined ? '—' : `±${v.rmsChange.toFixed(3)}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (inert.length > 0) {
    lines.push('');
    lines.push(
      `No effect on this goal (the p10 and p90 runs gave identical trajectories): ${inert.map((f) => name(f.name)).join(', ')}.`,
    );
  }
  lines.push('');
}

function leverVariantText(v: Report['levers'][number]): string {
  switch (v.variant) {
    case 'off':
      return v.target === 'all-levers' ? 'all off (status quo)' : 'off';
    case 'x0.5':
      return v.target === 'budget' ? 'cap halved' : 'amounts halved';
    case 'x2':
      return v.target === 'budget' ? 'cap doubled' : 'amounts doubled';
    case 'no-cap':
      return 'no cap';
  }
}

function discoveryText(d: Report['discovery']['failure'], what: string, runs: number, lines: string[]): void {
  lines.push(
    `${num(d.cases)} of ${num(runs)} trajectories ${what} (${(100 * d.baseRate).toFixed(1)}%). A box should reach a density of ${(100 * d.threshold).toFixed(1)}%.`,
  );
  lines.push('');
  d.boxes.forEach((b, k) => {
    const rules = b.rules
      .map((x) => {
        const lo = x.lower === null ? '' : `${num(x.lower)} ≤ `;
        const hi = x.upper === null ? '' : ` ≤ ${num(x.upper)}`;
        const pct =
          x.lowerPercentile !== null && x.upperPercentile !== null
            ? `between its ${ordinal(x.lowerPercentile)} and ${ordinal(x.upperPercentile)} percentiles`
            : x.lowerPercentile !== null
              ? `above its ${ordinal(x.lowerPercentile)} percentile`
              : `below its ${ordinal(x.upperPercentile ?? 100)} percentile`;
        return `${lo}${name(x.factor)}${hi} (${pct})`;
      })
      .join(' **and** ');
    lines.push(
      `${k + 1}. ${rules} — density ${(100 * b.density).toFixed(1)}% (${b.cases} of ${b.n}), coverage ${(100 * b.coverage).toFixed(1)}%, mass ${(100 * b.mass).toFixed(1)}%.`,
    );
  });
  if (d.note !== null) {
    if (d.boxes.length > 0) lines.push('');
    lines.push(d.note);
  }
  lines.push('');
}

/** summary.md of a sensitivity report. */
export function sensitivityMarkdown(
  r: Report,
  scenario: ResolvedScenario,
  charts: readonly string[] = [],
  chartWarnings: readonly string[] = [],
): string {
  const chart = (stem: string, alt: string, lines: string[]): void => {
    if (!charts.includes(stem)) return;
    lines.push(`![${alt}](${stem}.svg)`);
    lines.push('');
  };
  const baseYear = scenario.plan.baseYear;
  const lines: string[] = [];
  const g = r.goal;
  lines.push(`# 敏感性分析 · Sensitivity — ${esc(scenario.name.zh)} — ${esc(g.id)}`);
  lines.push('');
  lines.push(
    `${esc(g.label)} (${esc(g.labelEn)}): \`${g.measure}\` ${esc(criterionText(g, baseYear))} in ${g.year}. Scenario \`${r.scenario}\`, plan \`${r.plan}\`, seed \`${r.seed}\`, ladder ${r.version}.`,
  );
  lines.push('');
  lines.push(
    `**P(goal) = ${r.probability.value.toFixed(3)} ± ${r.probability.se.toFixed(3)}** over ${num(r.settings.runs)} trajectories. The *margin* is ${marginText(r, baseYear)}: mean ${r.margin.mean.toFixed(1)} ± ${r.margin.se.toFixed(1)}. ${num(r.trajectories)} trajectories were run for this report.`,
  );
  lines.push('');

  // ---- the verdict in a few lines ----
  lines.push('## 要点 · What drives the verdict');
  lines.push('');
  const top = r.drivers;
  if (top.length === 0) {
    lines.push('No uncertain input moves this goal.');
  } else {
    const voiTop = r.valueOfInformation.filter((v) => v.rmsChange > v.noiseFloor).slice(0, 3);
    lines.push(
      `- Drivers (top ${top.length} across the one-way, Sobol' and value-of-information rankings): ${top
        .map((d) => `${name(d.factor)} (${d.group}, tag ${esc(d.tag)})`)
        .join(', ')}.`,
    );
    const inference = top.filter((d) => d.reliance === 'inference');
    const partly = top.filter((d) => d.reliance === 'partly-inference');
    lines.push(
      `- Resting on inference alone (I-tagged priors or base counts with no source figure): ${
        inference.length > 0 ? inference.map((d) => name(d.factor)).join(', ') : 'none'
      }; partly on inference: ${partly.length > 0 ? partly.map((d) => name(d.factor)).join(', ') : 'none'}.`,
    );
    if (voiTop.length > 0) {
      lines.push(
        `- Worth measuring first (P(goal) would move by this much, root-mean-square, once the number is known): ${voiTop
          .map((v) => `${name(v.factor)} ±${v.rmsChange.toFixed(3)}`)
          .join(', ')}.`,
      );
    }
    const fail = r.discovery.failure.boxes[0];
    if (fail !== undefined) {
      lines.push(
        `- The goal is missed above all when ${fail.rules
          .map((x) =>
            x.upper !== null && x.lower !== null
              ? `${name(x.factor)} is within ${num(x.lower)}–${num(x.upper)}`
              : x.upper !== null
                ? `${name(x.factor)} ≤ ${num(x.upper)}`
                : `${name(x.factor)} ≥ ${num(x.lower ?? 0)}`,
          )
          .join(
            ' and ',
          )}: ${(100 * fail.density).toFixed(0)}% of those trajectories miss it (${(100 * r.discovery.failure.baseRate).toFixed(0)}% of all trajectories do); they hold ${(100 * fail.coverage).toFixed(0)}% of all misses.`,
      );
    }
  }
  const all = r.levers.find((l) => l.target === 'all-levers');
  const singles = r.levers.filter((l) => l.target === 'lever' && l.variant === 'off');
  const strongest = [...singles].sort((a, b) => a.dP - b.dP || a.dMargin - b.dMargin)[0];
  if (all !== undefined) {
    lines.push(
      `- Without any of the plan's levers P(goal) would be ${all.p.toFixed(3)} (${pm(all.dP, all.dPSe, 3)}); the lever that matters most is \`${strongest?.id ?? ''}\` (turning it off: ${pm(strongest?.dP ?? 0, strongest?.dPSe ?? 0, 3)}).`,
    );
  }
  lines.push('');

  // ---- what the bureau controls ----
  lines.push('## 可控因素 · What the bureau controls');
  lines.push('');
  lines.push('### Levers and budgets');
  lines.push('');
  if (r.levers.length === 0) {
    lines.push('The scenario applies none of the plan’s levers (policy status quo).');
  } else {
    lines.push(
      `Each row runs the same ${num(r.settings.tornadoRuns)} trajectories as the plan as written, with one change (common random numbers): ΔP and Δ margin are paired differences with their standard errors.`,
    );
    lines.push('');
    chart('levers', 'change in P(goal) for each lever and budget variant', lines);
    lines.push('| lever or budget | 措施 | change | P(goal) | ΔP ± s.e. | Δ margin ± s.e. |');
    lines.push('|---|---|---|---:|---:|---:|');
    for (const v of r.levers) {
      lines.push(
        `| ${esc(v.labelEn)} (\`${v.id}\`) | ${esc(v.label)} | ${leverVariantText(v)} | ${v.p.toFixed(3)} | ${pm(v.dP, v.dPSe, 3)} | ${pm(v.dMargin, v.dMarginSe, 1)} |`,
      );
    }
  }
  lines.push('');
  lines.push('### How firms respond to the levers (uncertain response strengths)');
  lines.push('');
  lines.push(
    'The bureau sets the levers; how strongly firms respond is not known. Each response strength is moved from its prior’s 10th to its 90th percentile with every other input drawn as usual.',
  );
  lines.push('');
  factorTable(r, 'lever-response', lines);

  lines.push('### All inputs at a glance');
  lines.push('');
  chart('tornado', 'one-way effects of the inputs on P(goal) and on the margin', lines);
  chart('sobol', "Sobol' first- and total-order indices with bootstrap intervals", lines);

  // ---- what is not known ----
  lines.push('## 未知因素 · What is not known');
  lines.push('');
  lines.push('### The ladder’s rates');
  lines.push('');
  factorTable(r, 'rate', lines);
  lines.push('### Base-year counts');
  lines.push('');
  factorTable(r, 'base-count', lines);

  // ---- value of information ----
  lines.push('## 信息价值 · Which number is worth measuring');
  lines.push('');
  lines.push(
    'If an input were known exactly, P(goal) would become P(goal | input). Its spread across the input’s prior says how much measuring the input could change the verdict: *rms change* = √Var(P(goal | input)), *mean change* = E|P(goal | input) − P(goal)|. P(goal) at the input’s lowest and highest tenth of its prior is shown alongside.',
  );
  lines.push('');
  chart('voi', 'value of information: rms change of P(goal) once each input is known', lines);
  chart('voi-curves', 'P(goal) across the prior of the inputs worth measuring', lines);
  lines.push(
    '| rank | input | group | tag | rms change ± s.e. | mean change | P(goal) if lowest 10% → highest 10% |',
  );
  lines.push('|---:|---|---|---|---:|---:|---|');
  const meta = new Map(r.factors.map((f) => [f.name, f]));
  r.valueOfInformation.forEach((v, k) => {
    const f = meta.get(v.factor);
    const tenth = (from: number, to: number): string => {
      const part = v.curve.slice(from, to);
      const nk = part.reduce((a, c) => a + c.n, 0);
      const p = nk > 0 ? part.reduce((a, c) => a + c.p * c.n, 0) / nk : Number.NaN;
      return p.toFixed(3);
    };
    const half = Math.max(1, Math.round(v.curve.length / 10));
    const flag = v.rmsChange > v.noiseFloor ? '' : ' (within noise)';
    lines.push(
      `| ${k + 1} | ${both(v.factor)} | ${v.group} | ${esc(f?.tag ?? '')} | ${v.rmsChange.toFixed(3)} ± ${v.rmsSe.toFixed(3)}${flag} | ${v.meanAbsChange.toFixed(3)} | ${tenth(0, half)} → ${tenth(v.curve.length - half, v.curve.length)} |`,
    );
  });
  lines.push('');

  // ---- scenario discovery ----
  lines.push('## 失败情景 · Where the plan fails');
  lines.push('');
  lines.push(
    'Boxes found by PRIM in the inputs of the plain sample: *density* is the share of the trajectories in the box that miss the goal, *coverage* the share of all misses that fall in the box, *mass* the share of all trajectories in the box. Bounds are in the input’s units, with the prior percentile.',
  );
  lines.push('');
  discoveryText(r.discovery.failure, 'miss the goal', r.settings.runs, lines);
  lines.push('### Where the goal is met');
  lines.push('');
  discoveryText(r.discovery.success, 'meet the goal', r.settings.runs, lines);

  // ---- Monte Carlo error and methods ----
  const e = r.monteCarloError;
  lines.push('## 误差与方法 · Monte Carlo error and methods');
  lines.push('');
  lines.push(
    `- P(goal): ± ${e.probabilitySe.toFixed(4)} (binomial standard error, ${num(r.settings.runs)} trajectories).`,
  );
  lines.push(
    `- One-way effects: paired differences over ${num(r.settings.tornadoRuns)} trajectories per arm (the same seeds at p10 and p90: common random numbers); largest standard error ${e.tornadoMaxDPSe.toFixed(4)} on ΔP and ${e.tornadoMaxDMarginSe.toFixed(2)} on Δ margin. A ${r.settings.tornadoPilot}-pair pilot sets aside inputs that change no trajectory. Levers: largest standard error ${e.leverMaxDPSe.toFixed(4)} on ΔP.`,
  );
  if (r.sobol !== null) {
    const s = r.sobol;
    lines.push(
      `- Sobol' indices of the margin: Saltelli design, N = ${num(s.rows)} rows, ${s.replicates} trajectories averaged per row (${num(s.trajectories)} trajectories); first order by the Saltelli et al. (2010) estimator, total order by Jansen (1999); ${s.level * 100}% percentile-bootstrap intervals (${num(s.bootstrap)} resamples), widest ${(e.sobolWidestInterval ?? 0).toFixed(3)}${s.converged ? '' : ' — not converged, see the warnings'}. Process noise is ${(100 * s.noiseShare).toFixed(1)}% of the output variance (variance ${num(s.variance)}): A and AB rows share their trajectories' noise, B rows have their own, so the noise is one more input drawn independently in A and B and the indices are shares of the total including it.`,
    );
  }
  lines.push(
    `- Value of information: ${r.settings.bins} equal-probability bins of each input over the ${num(r.settings.runs)}-trajectory sample; the between-bin variance is corrected for the bins' binomial noise (one-way ANOVA); bootstrap standard error at most ${e.voiMaxSe.toFixed(4)}.`,
  );
  lines.push(
    '- Scenario discovery: PRIM (Friedman & Fisher 1999) with peeling α = 0.05, minimum mass 5%, pasting, at most 3 restricted inputs per box; the box is chosen on the peeling trajectory by weighted relative accuracy among those reaching the density threshold.',
  );
  lines.push('- docs/cli.md ("sensitivity") gives the formulas and references.');
  if (r.warnings.length + chartWarnings.length > 0) {
    lines.push('');
    lines.push('## Warnings');
    lines.push('');
    for (const w of [...r.warnings, ...chartWarnings]) lines.push(`- ${esc(w)}`);
  }
  lines.push('');
  lines.push(
    `Reliance: *inference only* = the prior's evidence tag is I (${RELIANCE.inference}); tags with +I rest ${RELIANCE['partly-inference']}; S/D without I on ${RELIANCE.evidence}. Base counts: D observed, S from the plan's text, I a prior range.`,
  );
  lines.push('');
  return lines.join('\n');
}
