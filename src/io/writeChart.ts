import type { TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../report/fitChart.js';
import { renderChartSvg } from '../report/renderSvg.js';
import { writeTextFile } from './writeJson.js';

/**
 * Writes a chart: SVG when the file name ends in .svg, else the vega-lite specification as JSON.
 * Returns the renderer's warnings.
 */
export async function writeChart(file: string, spec: VegaLiteSpec): Promise<string[]> {
  if (!file.toLowerCase().endsWith('.svg')) {
    writeTextFile(file, `${JSON.stringify(spec, null, 2)}\n`);
    return [];
  }
  const { svg, warnings } = await renderChartSvg({
    id: 'chart',
    alt: '',
    spec: spec as unknown as TopLevelSpec,
  });
  writeTextFile(file, svg);
  return [...warnings];
}
