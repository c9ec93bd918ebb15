import { classifyMeasure, type Observation } from '../schema/observed.js';
import { EXACT_CV } from './observationModel.js';

/** A normal forecast of one figure. */
export interface NormalForecast {
  readonly mean: number;
  readonly sd: number;
}

/** Least-squares line y = a + b·t through points with at least two distinct t; undefined otherwise. */
export function leastSquaresLine(
  points: readonly (readonly [number, number])[],
): { a: number; b: number } | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const tm = points.reduce((s, [t]) => s + t, 0) / n;
  const ym = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [t, y] of points) {
    sxx += (t - tm) ** 2;
    sxy += (t - tm) * (y - ym);
  }
  if (sxx === 0) return undefined;
  const b = sxy / sxx;
  return { a: ym - b * tm, b };
}

/**
 * The naive benchmark a backtest sets beside the model: a straight line through the region's
 * earlier figures of the same series, extended to the target year, with a normal band.
 * - A tier's stock (and its net increase): the stock figures up to the origin, plus the stock a
 *   year earlier implied by a net increase published with a stock (Sₜ₋₁ = Sₜ − netₜ).
 * - A yearly flow: its own figures up to the origin.
 * The line is the least-squares fit (two distinct years at least; otherwise no forecast). The
 * forecast of a stock or flow at year T is a + b·T; of a net increase, b. Its standard deviation
 * is max(½·|b|·h, cv·|mean|, 1) with h the years since the last point: the next increments are
 * taken as uncertain by half their size, and never tighter than reporting noise (cv 5%).
 * Cumulative spans, lower bounds and measures without earlier figures get none.
 */
export function naiveTrendForecast(
  earlier: readonly Observation[],
  target: Observation,
): NormalForecast | undefined {
  const cls = classifyMeasure(target.measure);
  if (cls === undefined || target.qualifier === 'lower_bound') return undefined;
  const same = (o: Observation): boolean =>
    o.region === target.region && o.kind !== 'target' && o.qualifier !== 'lower_bound';
  let points: [number, number][] = [];
  if (cls.type === 'stock' || cls.type === 'net') {
    const tier = cls.tier;
    const stocks = earlier.filter((o) => same(o) && o.measure === tier);
    points = stocks.map((o) => [o.year.from, o.value]);
    for (const net of earlier.filter((o) => same(o) && o.measure === `${tier}_net`)) {
      const s = stocks.find((o) => o.year.from === net.year.from);
      if (s !== undefined && !stocks.some((o) => o.year.from === net.year.from - 1)) {
        points.push([net.year.from - 1, s.value - net.value]);
      }
    }
  } else if (cls.type === 'flow') {
    points = earlier
      .filter((o) => same(o) && o.measure === target.measure)
      .map((o) => [o.year.from, o.value]);
  } else {
    return undefined;
  }
  const line = leastSquaresLine(points);
  if (line === undefined) return undefined;
  const lastT = Math.max(...points.map(([t]) => t));
  const T = target.year.from;
  const h = Math.max(1, T - lastT);
  const mean = cls.type === 'net' ? line.b : line.a + line.b * T;
  const sd = Math.max(0.5 * Math.abs(line.b) * (cls.type === 'net' ? 1 : h), EXACT_CV * Math.abs(mean), 1);
  return { mean, sd };
}
