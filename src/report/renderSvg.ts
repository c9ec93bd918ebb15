import { parse, View, Warn, type LoggerInterface } from 'vega';
import { compile } from 'vega-lite';
import type { ChartDef } from './document.js';

/** A chart rendered to SVG, with the warnings vega-lite and vega gave (warnings are data). */
export interface RenderedChart {
  readonly id: string;
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** A vega / vega-lite logger that keeps errors and warnings instead of writing to the console. */
class CollectingLogger implements LoggerInterface {
  constructor(private readonly sink: string[]) {}
  level(_: number): this;
  level(): number;
  level(_?: number): this | number {
    return _ === undefined ? Warn : this;
  }
  error(...args: readonly unknown[]): this {
    this.sink.push(`error: ${args.map(String).join(' ')}`);
    return this;
  }
  warn(...args: readonly unknown[]): this {
    this.sink.push(`warning: ${args.map(String).join(' ')}`);
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/**
 * Gives every id of an SVG a prefix (and the references to it: `url(#…)`, `href="#…"`), so that
 * several charts inlined into one HTML page never share a clip path or gradient.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (m[1] !== undefined) ids.add(m[1]);
  if (ids.size === 0) return svg;
  const rename = (id: string): string => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_m, a: string, id: string) => `${a}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_m, a: string, id: string) => `${a}#${rename(id)}"`);
}

/**
 * Renders a chart to a standalone SVG string: vega-lite compiles the spec to vega, a headless
 * vega view (no canvas, no network: the data are inline) draws it. Without a canvas, vega sizes
 * text by an estimate, so layout is the same on every machine. Ids are prefixed with the chart id.
 */
export async function renderChartSvg(chart: ChartDef): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = new CollectingLogger(warnings);
  const vg = compile(chart.spec, { logger }).spec;
  const view = new View(parse(vg), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    return { id: chart.id, svg: prefixSvgIds(svg, chart.id), warnings };
  } finally {
    view.finalize();
  }
}
