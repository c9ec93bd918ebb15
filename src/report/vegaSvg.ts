import { logger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './sensitivityCharts.js';

/** An SVG chart and the warnings Vega-Lite and Vega raised making it (none expected). */
export interface RenderedSvg {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/**
 * Renders a Vega-Lite specification to SVG headlessly (no canvas: text widths are estimated).
 * Warnings are returned, not logged. The same specification gives the same SVG.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const log = logger(Warn, undefined, (_method, level, input) => {
    warnings.push(`${level}: ${input.map((x) => String(x)).join(' ')}`);
  });
  const view = new View(parse(compile(spec as unknown as TopLevelSpec, { logger: log }).spec), {
    renderer: 'none',
    logger: log,
  });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}
