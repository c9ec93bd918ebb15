import type { Backtest } from '../schema/backtest.js';
import type { FitRow } from '../schema/posterior.js';
import type { Projection } from '../schema/projection.js';

/** A vega-lite specification (JSON). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * The fit and projection of a region as a chart: for each measure with a published figure (and
 * always the 高企 stock), the fan of the posterior predictive (90% and 50% bands, median) by
 * year, the observed figures over it (filled: fitted; hollow: held out), and a rule at the last
 * fitted year. One panel per measure, each with its own scale.
 */
export function fitChartSpec(p: Projection, rows: readonly FitRow[]): VegaLiteSpec {
  const figures = rows.filter(
    (r) =>
      r.status !== 'not-fitted' && /^\d{4}$/.test(r.year) && p.series.some((s) => s.measure === r.measure),
  );
  const measures = [...new Set(['hnte', ...figures.map((r) => r.measure)])];
  const values = [
    ...p.series
      .filter((s) => measures.includes(s.measure))
      .map((s) => ({
        type: 'fan',
        measure: s.measure,
        year: s.year,
        p05: s.p05,
        p25: s.p25,
        p50: s.p50,
        p75: s.p75,
        p95: s.p95,
      })),
    ...figures.map((r) => ({
      type: 'figure',
      measure: r.measure,
      year: Number(r.year),
      value: r.value,
      status: r.status === 'fitted' ? 'fitted' : 'held out',
    })),
  ];
  const x = { field: 'year', type: 'quantitative', axis: { format: 'd', title: null } };
  const panel = (measure: string): Record<string, unknown> => {
    const fan = { filter: `datum.type === 'fan' && datum.measure === '${measure}'` };
    return {
      title: measure,
      width: 420,
      height: 160,
      layer: [
        {
          transform: [fan],
          mark: { type: 'area', opacity: 0.2 },
          encoding: { x, y: { field: 'p05', type: 'quantitative', title: null }, y2: { field: 'p95' } },
        },
        {
          transform: [fan],
          mark: { type: 'area', opacity: 0.35 },
          encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
        },
        {
          transform: [fan],
          mark: { type: 'line' },
          encoding: { x, y: { field: 'p50', type: 'quantitative' } },
        },
        {
          transform: [{ filter: `datum.type === 'figure' && datum.measure === '${measure}'` }],
          mark: { type: 'point', size: 60, color: 'black' },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative' },
            shape: { field: 'status', type: 'nominal', title: 'figure' },
            fill: { condition: { test: "datum.status === 'fitted'", value: 'black' }, value: 'white' },
          },
        },
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' },
          encoding: { x: { datum: p.until, type: 'quantitative' } },
        },
      ],
    };
  };
  return {
    $schema: SCHEMA,
    title: `${p.region}: observed figures over the fitted fan (fitted to ${p.until})`,
    data: { values },
    vconcat: measures.map(panel),
  };
}

/**
 * A backtest as a chart: one panel per origin; for each scored figure, the 90% interval (thin)
 * and 50% interval (thick) with the median tick, of the model and of the naive trend side by
 * side, and the figure that came as a black point.
 */
export function backtestChartSpec(b: Backtest): VegaLiteSpec {
  const values = b.origins.flatMap((o) =>
    o.rows.flatMap((r) => {
      const figure = `${r.measure} ${r.year}`;
      const methods = [
        { method: 'model', f: r.model },
        ...(r.naive !== null ? [{ method: 'linear trend', f: r.naive }] : []),
      ];
      return methods.map(({ method, f }) => ({
        origin: o.origin,
        forecast: `${figure} · ${method}`,
        method,
        p05: f.p05,
        p25: f.p25,
        p50: f.p50,
        p75: f.p75,
        p95: f.p95,
        observed: r.value,
      }));
    }),
  );
  const x = { field: 'forecast', type: 'nominal', title: null, sort: null };
  const color = { field: 'method', type: 'nominal', title: 'forecast' };
  const panel = (origin: number): Record<string, unknown> => ({
    title: `from ${origin}`,
    transform: [{ filter: `datum.origin === ${origin}` }],
    width: { step: 28 },
    height: 220,
    layer: [
      {
        mark: { type: 'rule' },
        encoding: { x, color, y: { field: 'p05', type: 'quantitative', title: null }, y2: { field: 'p95' } },
      },
      {
        mark: { type: 'rule', strokeWidth: 6 },
        encoding: { x, color, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
      },
      {
        mark: { type: 'tick', color: 'white', thickness: 2 },
        encoding: { x, y: { field: 'p50', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', filled: true, color: 'black', size: 50 },
        encoding: { x, y: { field: 'observed', type: 'quantitative' } },
      },
    ],
  });
  return {
    $schema: SCHEMA,
    title: `${b.region}: backtest forecasts and the figures that came`,
    data: { values },
    hconcat: b.origins.map((o) => panel(o.origin)),
  };
}
