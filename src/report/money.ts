/**
 * Yuan as a planner reads them: 亿元 from 100 million, 万元 from 10 thousand, else 元; three
 * significant digits (e.g. 5.00亿元, 30.0万元, −1.25亿元).
 */
export function yuanText(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  const sig = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (a >= 1e8) return `${sign}${sig(a / 1e8)}亿元`;
  if (a >= 1e4) return `${sign}${sig(a / 1e4)}万元`;
  return `${sign}${Math.round(a)}元`;
}

/** A signed number with an explicit + (−0 shown as 0). */
export function signed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${s}` : s.replace('-', '−');
}

/** A standard error with two significant digits (0 as "0"). */
export function seText(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  return x >= 10 ? x.toFixed(0) : String(Number(x.toPrecision(2)));
}
