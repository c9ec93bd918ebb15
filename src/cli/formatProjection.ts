import type { ProjectOutcome } from '../app/projectRegion.js';
import { table } from '../report/text.js';

/** Measures a projection table shows (the JSON has them all). */
const SHOWN = ['hnte', 'hnte_new', 'srdi', 'giant', 'tsme'];

/** What `ladder project` prints: the main measures by year, median and intervals. */
export function formatProjection(o: ProjectOutcome): string {
  const p = o.projection;
  const rows = p.series
    .filter((r) => SHOWN.includes(r.measure))
    .sort((a, b) => SHOWN.indexOf(a.measure) - SHOWN.indexOf(b.measure) || a.year - b.year)
    .map((r) => [
      r.measure,
      String(r.year),
      r.year <= p.until ? 'fit' : 'projected',
      String(r.p50),
      `${r.p25}–${r.p75}`,
      `${r.p05}–${r.p95}`,
    ]);
  let s =
    `Projection of ${p.region}, fitted to observed counts up to ${p.until} (base year ${o.baseYear}, ${o.particles} posterior particles), no plan\n\n` +
    table(['measure', 'year', '', 'median', '50%', '90%'], rows, ['l', 'r', 'l', 'r', 'r', 'r']) +
    '\n';
  for (const w of o.warnings) s += `warning: ${w}\n`;
  return s;
}
