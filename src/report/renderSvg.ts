import { logger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './fitChart.js';

/**
 * Renders a vega-lite specification to SVG text, headless (vega's 'none' renderer). The
 * compiler's warnings come back with the picture instead of going to the console.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const log = logger(Warn);
  log.warn = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return log;
  };
  const vg = compile(spec as unknown as TopLevelSpec, { logger: log }).spec;
  const view = new View(parse(vg), { renderer: 'none', logLevel: Warn });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}
