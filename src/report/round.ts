/** Rounds to `digits` decimals, with −0 turned into 0 (stable JSON). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}
