import type { SensitivityReport } from '../schema/sensitivity.js';
import { factorLabel } from './factorLabels.js';

/** A Vega-Lite specification (plain JSON). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** Inputs shown per chart. */
const SHOWN = 15;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const GROUP_DOMAIN = ['lever-response', 'rate', 'base-count'];
const GROUP_RANGE = ['#e6842a', '#4c78a8', '#9d9d9d'];
const color = {
  field: 'group',
  type: 'nominal',
  title: 'input',
  scale: { domain: GROUP_DOMAIN, range: GROUP_RANGE },
  legend: {
    orient: 'bottom',
    labelLimit: 260,
    labelExpr:
      "{'lever-response': 'lever response (可控措施的效果)', rate: 'rate (未知速率)', 'base-count': 'base count (基期数量)'}[datum.label]",
  },
};
const label = (f: string): string => `${factorLabel(f).zh} · ${f}`;

/**
 * Tornado: P(goal) and the margin with each input at its 10th and 90th percentile, inputs in the
 * report's order (largest effect on the margin first).
 */
export function tornadoChart(r: SensitivityReport): VegaLiteSpec {
  const rows = r.tornado.slice(0, SHOWN).map((t) => ({
    input: label(t.factor),
    group: t.group,
    pLow: t.pLow,
    pHigh: t.pHigh,
    mLow: t.marginLow,
    mHigh: t.marginHigh,
  }));
  const y = {
    field: 'input',
    type: 'nominal',
    sort: rows.map((x) => x.input),
    title: null,
    axis: { labelLimit: 320 },
  };
  const panel = (
    lo: string,
    hi: string,
    title: string,
    base: number,
    labels: boolean,
  ): Record<string, unknown> => ({
    width: 260,
    height: { step: 18 },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          y: labels ? y : { ...y, axis: null },
          x: { field: lo, type: 'quantitative', title },
          x2: { field: hi },
          color,
        },
      },
      {
        mark: { type: 'point', shape: 'triangle-right', filled: true, color: '#333' },
        encoding: { y: labels ? y : { ...y, axis: null }, x: { field: hi, type: 'quantitative' } },
      },
      {
        data: { values: [{ base }] },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { field: 'base', type: 'quantitative' } },
      },
    ],
  });
  return {
    $schema: SCHEMA,
    title: {
      text: `${r.goal.label} — one-way effects (p10 → p90, ▶ = p90)`,
      subtitle: `${r.settings.tornadoRuns} paired trajectories per arm; dashed: the plan as written`,
    },
    data: { values: rows },
    hconcat: [
      panel('pLow', 'pHigh', 'P(goal)', r.probability.value, true),
      panel('mLow', 'mHigh', 'margin (count − requirement)', r.margin.mean, false),
    ],
    resolve: { scale: { y: 'shared' } },
  };
}

/** Sobol' first- and total-order indices with their bootstrap intervals. */
export function sobolChart(r: SensitivityReport): VegaLiteSpec | undefined {
  const s = r.sobol;
  if (s === null) return undefined;
  const rows = s.indices.slice(0, SHOWN).flatMap((x) => [
    { input: label(x.factor), index: 'S1 first order', value: x.s1, lo: x.s1Lo, hi: x.s1Hi },
    { input: label(x.factor), index: 'ST total', value: x.st, lo: x.stLo, hi: x.stHi },
  ]);
  const y = {
    field: 'input',
    type: 'nominal',
    sort: [...new Set(rows.map((x) => x.input))],
    title: null,
    axis: { labelLimit: 320 },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: `${r.goal.label} — Sobol' indices of the margin`,
      subtitle: `${s.rows} rows × ${s.replicates} trajectories; ${s.level * 100}% bootstrap intervals; process noise ${(100 * s.noiseShare).toFixed(1)}% of the variance`,
    },
    data: { values: rows },
    width: 360,
    height: { step: 22 },
    encoding: {
      y,
      yOffset: { field: 'index' },
      color: { field: 'index', type: 'nominal', title: null, legend: { orient: 'bottom' } },
    },
    layer: [
      {
        mark: { type: 'bar', height: 8 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            title: 'share of the variance',
            scale: { domain: [0, 1] },
          },
        },
      },
      {
        mark: { type: 'rule', color: '#333' },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  };
}

/** Value of information: rms change of P(goal) once each input is known, with its noise floor. */
export function voiChart(r: SensitivityReport): VegaLiteSpec {
  const rows = r.valueOfInformation.slice(0, SHOWN).map((v) => ({
    input: label(v.factor),
    group: v.group,
    value: v.rmsChange,
    lo: v.rmsLo,
    hi: v.rmsHi,
    floor: v.noiseFloor,
  }));
  const y = {
    field: 'input',
    type: 'nominal',
    sort: rows.map((x) => x.input),
    title: null,
    axis: { labelLimit: 320 },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: `${r.goal.label} — which number is worth measuring`,
      subtitle:
        'how much P(goal) would move (root-mean-square) once the input is known; | = noise floor; line = 90% bootstrap interval',
    },
    data: { values: rows },
    width: 360,
    height: { step: 18 },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: { x: { field: 'value', type: 'quantitative', title: 'rms change of P(goal)' }, color },
      },
      {
        mark: { type: 'rule', color: '#333' },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
      {
        mark: { type: 'tick', color: '#c00', thickness: 2 },
        encoding: { x: { field: 'floor', type: 'quantitative' } },
      },
    ],
  };
}

/** P(goal | input) across each of the top inputs' priors (the curves behind the value of information). */
export function voiCurvesChart(r: SensitivityReport): VegaLiteSpec {
  const top = r.valueOfInformation.filter((v) => v.rmsChange > v.noiseFloor).slice(0, 6);
  const rows = top.flatMap((v) =>
    v.curve.map((c, k) => ({
      input: label(v.factor),
      percentile: (100 * (k + 0.5)) / v.curve.length,
      p: c.p,
      lo: c.lo,
      hi: c.hi,
    })),
  );
  return {
    $schema: SCHEMA,
    title: {
      text: `${r.goal.label} — P(goal) if the input were known`,
      subtitle: `by twentieths of each input's prior; dashed: P(goal) now (${r.probability.value.toFixed(3)})`,
    },
    data: { values: rows },
    facet: { field: 'input', type: 'nominal', title: null, sort: top.map((v) => label(v.factor)) },
    columns: 3,
    spec: {
      width: 180,
      height: 120,
      layer: [
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: {
              field: 'percentile',
              type: 'quantitative',
              title: 'prior percentile',
              scale: { domain: [0, 100] },
            },
            y: { field: 'p', type: 'quantitative', title: 'P(goal)', scale: { domain: [0, 1] } },
            tooltip: [{ field: 'lo' }, { field: 'hi' }, { field: 'p' }],
          },
        },
        {
          data: { values: [{ p: r.probability.value }] },
          mark: { type: 'rule', strokeDash: [4, 3] },
          encoding: { y: { field: 'p', type: 'quantitative' } },
        },
      ],
    },
  };
}

/** The bureau's choices: change in P(goal) for each lever off, halved, doubled, and budget caps. */
export function leverChart(r: SensitivityReport): VegaLiteSpec | undefined {
  if (r.levers.length === 0) return undefined;
  const rows = r.levers.map((l) => ({
    row: `${l.target === 'all-levers' ? 'all levers' : l.id} · ${l.variant}`,
    dP: l.dP,
    lo: l.dP - 2 * l.dPSe,
    hi: l.dP + 2 * l.dPSe,
  }));
  const y = {
    field: 'row',
    type: 'nominal',
    sort: rows.map((x) => x.row),
    title: null,
    axis: { labelLimit: 320 },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: `${r.goal.label} — what the bureau's choices do`,
      subtitle: `change in P(goal) against the plan as written (${r.settings.tornadoRuns} paired trajectories; line = ±2 s.e.)`,
    },
    data: { values: rows },
    width: 360,
    height: { step: 16 },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: 10, color: '#e6842a' },
        encoding: { x: { field: 'dP', type: 'quantitative', title: 'ΔP(goal)' } },
      },
      {
        mark: { type: 'rule', color: '#333' },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  };
}

/** Every chart of the report, by file stem. */
export function sensitivityCharts(r: SensitivityReport): Record<string, VegaLiteSpec> {
  const out: Record<string, VegaLiteSpec> = {
    tornado: tornadoChart(r),
    voi: voiChart(r),
    'voi-curves': voiCurvesChart(r),
  };
  const sobol = sobolChart(r);
  if (sobol !== undefined) out['sobol'] = sobol;
  const levers = leverChart(r);
  if (levers !== undefined) out['levers'] = levers;
  return out;
}
