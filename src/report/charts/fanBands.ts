import type { Axis } from 'vega-lite/build/src/axis.js';
import type { ColorDef, Field, PositionDef } from 'vega-lite/build/src/channeldef.js';
import type { Scale } from 'vega-lite/build/src/scale.js';
import type { SeriesRow } from '../../schema/result.js';
import type { ChartLayer } from './theme.js';

/** A year's quantiles, as the band layers read them. */
export interface BandRow {
  readonly year: number;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** The band layers' data: each row's year and quantiles (nothing else goes into the chart). */
export function bandRows(rows: readonly SeriesRow[]): BandRow[] {
  return rows.map((r) => ({ year: r.year, p05: r.p05, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 }));
}

export interface FanBandOptions {
  readonly rows: readonly BandRow[];
  /** the year axis, shared with the chart's other layers */
  readonly x: PositionDef<Field>;
  /** axis and scale of the count axis (set on the first band) */
  readonly y: { readonly axis: Axis; readonly scale: Scale };
  /** the colour encoding of a legend entry, shared with the chart's other layers */
  readonly color: (label: string) => ColorDef<Field>;
  readonly legend: { readonly band90: string; readonly band50: string; readonly median: string };
  /** a dot on the median at every year */
  readonly medianPoints?: boolean;
}

/**
 * The layers every fan chart is built on: the 5%–95% band, the 25%–75% band and the median line,
 * each a legend entry. Pure: data in, vega-lite layers out.
 */
export function fanBandLayers(o: FanBandOptions): ChartLayer[] {
  const values = [...o.rows];
  return [
    {
      data: { values },
      mark: { type: 'area', opacity: 1 },
      encoding: {
        x: o.x,
        y: { field: 'p05', type: 'quantitative', axis: o.y.axis, scale: o.y.scale },
        y2: { field: 'p95' },
        color: o.color(o.legend.band90),
      },
    },
    {
      data: { values },
      mark: { type: 'area', opacity: 1 },
      encoding: {
        x: o.x,
        y: { field: 'p25', type: 'quantitative' },
        y2: { field: 'p75' },
        color: o.color(o.legend.band50),
      },
    },
    {
      data: { values },
      mark: {
        type: 'line',
        strokeWidth: 2.5,
        ...(o.medianPoints === true ? { point: { filled: true, size: 28 } } : {}),
      },
      encoding: { x: o.x, y: { field: 'p50', type: 'quantitative' }, color: o.color(o.legend.median) },
    },
  ];
}
