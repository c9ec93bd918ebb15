/**
 * Edit distance with adjacent transpositions (optimal string alignment, Damerau 1964): the
 * fewest insertions, deletions, substitutions and swaps of two neighbouring letters that turn
 * `a` into `b`, ignoring case. A swap (`rusn` → `runs`) is the commonest typo, so it counts as one.
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      cur.push(d);
    }
    before = prev;
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * The closest candidate within a third of the word's length (at least 1, at most 3 edits), and
 * fewer edits than the word has letters: a one-letter word is not "near" every other letter.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d <= bestD && d < word.length && c !== word) {
      if (best === undefined || d < bestD) {
        best = c;
        bestD = d;
      }
    }
  }
  return best;
}
