import type { CompareResult } from '../schema/compareResult.js';
import type { GoalSeekResult } from '../schema/goalSeekResult.js';
import type { SweepResult } from '../schema/sweepResult.js';
import type { Lang } from './lang.js';
import { csvField, UTF8_BOM } from './seriesCsv.js';

type Value = string | number | null | undefined;

/** A CSV file (RFC 4180, CRLF, UTF-8 with a BOM); numbers as JSON writes them, null as empty. */
function csv(header: readonly string[], rows: readonly (readonly Value[])[]): string {
  const line = (r: readonly Value[]): string =>
    r.map((v) => (v === null || v === undefined ? '' : csvField(String(v)))).join(',');
  return `${UTF8_BOM}${[header.join(','), ...rows.map(line)].join('\r\n')}\r\n`;
}

/**
 * series.csv of a comparison: per scenario one row per goal (P(met), SE, mean and quantiles of
 * its count; the paired difference from the first scenario) and one row `spend` (the money, its
 * difference from the first). The numbers of summary.json, for Excel.
 */
export function compareCsv(r: CompareResult, lang: Lang): string {
  const header = [
    'scenario',
    'name',
    'item',
    'label',
    'probability',
    'probabilityStdErr',
    'mean',
    'meanStdErr',
    'p05',
    'p50',
    'p95',
    'diffProbability',
    'diffProbabilityPairedStdErr',
    'diffMean',
    'diffMeanPairedStdErr',
    'yuanPerFirm',
    'yuanPerFirmStdErr',
  ];
  const rows: Value[][] = [];
  r.results.forEach((res, k) => {
    const s = r.scenarios[k];
    const name = lang === 'zh' ? s?.name : s?.nameEn;
    const d = k === 0 ? undefined : r.differences[k - 1];
    for (const e of res.goals) {
      const g = r.goals.find((x) => x.id === e.id);
      const dg = d?.goals.find((x) => x.id === e.id);
      rows.push([
        res.scenario,
        name,
        e.id,
        lang === 'zh' ? g?.label : g?.labelEn,
        e.probability,
        e.probabilityStdErr,
        e.mean,
        null,
        e.p05,
        e.p50,
        e.p95,
        dg?.probability.diff,
        dg?.probability.pairedStdErr,
        dg?.value.diff,
        dg?.value.pairedStdErr,
        dg?.yuanPerFirm,
        dg?.yuanPerFirmStdErr,
      ]);
    }
    rows.push([
      res.scenario,
      name,
      'spend',
      lang === 'zh' ? '财政支出（元）' : 'spend (yuan)',
      null,
      null,
      res.spend.mean,
      res.spend.stdErr,
      res.spend.p05,
      res.spend.p50,
      res.spend.p95,
      null,
      null,
      d?.spend.diff,
      d?.spend.pairedStdErr,
      null,
      null,
    ]);
  });
  return csv(header, rows);
}

/**
 * series.csv of a sweep: per lever value one row per goal (P(met), SE, mean and quantiles, the
 * paired change from the previous value), one row `spend` and one `overspend:<budget>` per cap.
 */
export function sweepCsv(r: SweepResult, lang: Lang): string {
  const header = [
    'value',
    'item',
    'label',
    'probability',
    'probabilityStdErr',
    'mean',
    'meanStdErr',
    'p05',
    'p50',
    'p95',
    'fromPrevious',
    'fromPreviousPairedStdErr',
  ];
  const rows: Value[][] = [];
  for (const p of r.points) {
    for (const e of p.goals) {
      const g = r.goals.find((x) => x.id === e.id);
      rows.push([
        p.value,
        e.id,
        lang === 'zh' ? g?.label : g?.labelEn,
        e.probability,
        e.probabilityStdErr,
        e.mean,
        null,
        e.p05,
        e.p50,
        e.p95,
        e.fromPrevious?.diff,
        e.fromPrevious?.pairedStdErr,
      ]);
    }
    rows.push([
      p.value,
      'spend',
      lang === 'zh' ? '财政支出（元）' : 'spend (yuan)',
      null,
      null,
      p.spend.mean,
      p.spend.stdErr,
      p.spend.p05,
      p.spend.p50,
      p.spend.p95,
      null,
      null,
    ]);
    for (const b of p.budgets) {
      rows.push([
        p.value,
        `overspend:${b.id}`,
        lang === 'zh' ? '超支概率' : 'P(overspend)',
        b.overspendProbability,
        b.overspendStdErr,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
  }
  return csv(header, rows);
}

/** series.csv of a goal-seek: every value evaluated, by value (as summary.json lists them). */
export function goalSeekCsv(r: GoalSeekResult): string {
  return csv(
    ['value', 'probability', 'probabilityStdErr', 'spend'],
    r.evaluations.map((e) => [e.value, e.probability, e.probabilityStdErr, e.spend]),
  );
}
