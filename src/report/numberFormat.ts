import type { Lang } from './lang.js';

/** Groups the digits of a non-negative integer string in threes: "12345" → "12,345". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Up to `sig` significant digits, trailing zeros dropped: 1.2300 → "1.23". */
function significant(x: number, sig: number): string {
  if (x === 0) return '0';
  const digits = Math.max(0, sig - 1 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(20, digits))));
}

/**
 * A count for the reader. Chinese: plain digits below 10,000 (4660), then 万 and 亿 with up to
 * four significant digits (1.235万, 3.3亿), as Chinese official texts write them. English:
 * digits grouped by thousands (12,345). Non-integers keep one decimal.
 */
export function formatCount(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return '–';
  const sign = n < 0 ? '−' : '';
  const a = Math.abs(n);
  if (lang === 'zh') {
    if (a >= 1e8) return `${sign}${significant(a / 1e8, 4)}亿`;
    if (a >= 1e4) return `${sign}${significant(a / 1e4, 4)}万`;
    return `${sign}${Number.isInteger(a) ? String(a) : a.toFixed(1)}`;
  }
  if (Number.isInteger(a)) return `${sign}${group(String(a))}`;
  const [int = '0', frac = ''] = a.toFixed(1).split('.');
  return `${sign}${group(int)}.${frac}`;
}

/**
 * A probability as a percentage with as many decimals as its standard error warrants (the SE's
 * first significant digit, at most 2 decimals): 0.0731 ± 0.0026 → "7.3%".
 */
export function formatPercent(p: number, se = 0): string {
  const decimals = se > 0 ? Math.min(2, Math.max(0, -Math.floor(Math.log10(se * 100)))) : 1;
  const s = (p * 100).toFixed(decimals);
  return `${Number(s) === 0 ? s.replace('-', '') : s}%`;
}

/** A standard error in percentage points, to one significant digit at least: 0.00055 → "0.06". */
export function formatPoints(se: number): string {
  if (se === 0) return '0';
  const decimals = Math.min(3, Math.max(0, -Math.floor(Math.log10(se * 100))));
  return (se * 100).toFixed(decimals);
}
