/** Chinese and Western magnitude words, longest first, as people paste them from plans and Excel. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
  ['k', 1e3],
  ['K', 1e3],
];

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Unit words that only name what is counted or paid (元, 家, 个, 年 …): dropped. */
const UNIT_WORDS = /(元|块|家|个|户|项|年|人|次|倍)$/u;

/**
 * The number a person meant by a text with a unit or separators: "30万" → 300000,
 * "1.5亿元" → 150000000, "3,000,000" → 3000000, "25%" → 0.25, "２０２５年" → 2025.
 * `undefined` when the text is not a number written that way (or is a plain number already: a
 * plain number needs no hint).
 */
export function numberFromText(text: string): number | undefined {
  let s = text.normalize('NFKC').trim();
  if (s === '' || PLAIN.test(s)) return undefined;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(UNIT_WORDS, '').trim();
  for (const [word, factor] of MAGNITUDES) {
    if (s.endsWith(word)) {
      scale *= factor;
      s = s.slice(0, -word.length).trim();
      break;
    }
  }
  // thousands separators: 3,000,000 or 3 000 000
  if (/^[+-]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ]/g, '');
  if (!PLAIN.test(s)) return undefined;
  const n = Number(s) * scale;
  // 0.1 × 3 is 0.30000000000000004: keep 12 significant digits
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : undefined;
}

/**
 * A hint for a text found where a number was expected: "did you mean 300000? (…)" for "30万", a
 * reminder to drop the quotes for "500"; nothing for other text.
 */
export function numberHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (PLAIN.test(value.trim())) return `did you mean ${value.trim()}? (a number is written without quotes)`;
  const n = numberFromText(value);
  return n === undefined
    ? undefined
    : `did you mean ${String(n)}? (write numbers alone, without units or separators)`;
}
