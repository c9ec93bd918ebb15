import { displayWidth } from '../text.js';

/**
 * Width of a text in em, as charts lay it out: a CJK character is 1 em wide; any other character
 * counts 0.8 em — vega's own estimate when no canvas measures text, which it uses to size the
 * chart, so staying under it keeps titles from widening the chart.
 */
export function textEm(s: string): number {
  let em = 0;
  for (const ch of s) em += displayWidth(ch) === 2 ? 1 : 0.8;
  return em;
}

/**
 * Breaks a chart title into lines no wider than `widthPx` at `fontSize`: between words for
 * Latin text, between any two characters for CJK text. Returns one string when it fits.
 */
export function wrapTitle(text: string, widthPx: number, fontSize: number): string | string[] {
  const maxEm = widthPx / fontSize;
  if (textEm(text) <= maxEm) return text;
  // tokens: a run of non-space, non-CJK characters (a word) or a single CJK character, with spaces kept
  const tokens = text.match(
    /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s+/g,
  ) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line !== '' && textEm(line + tok) > maxEm && !/^\s+$/.test(tok)) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (line === '' && /^\s+$/.test(tok)) continue;
    line += tok;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length === 1 ? (lines[0] ?? text) : lines;
}

/**
 * How many entries of a horizontal legend fit side by side in `widthPx`: vega lays a legend with
 * columns out as a grid, every column as wide as the widest entry (symbol, gap, label, padding).
 */
export function legendColumns(labels: readonly string[], widthPx: number, fontSize: number): number {
  const entry = Math.max(...labels.map((l) => textEm(l) * fontSize)) + 16 + 16;
  return Math.max(1, Math.min(labels.length, Math.floor(widthPx / entry)));
}
