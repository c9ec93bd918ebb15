import { median } from './stats.js';

/** Wall times of an analysis on one thread and on all cores, and whether their outputs agree. */
export interface AnalysisTiming {
  readonly label: string;
  /** median wall time on one thread (ms) */
  readonly oneMs: number;
  /** median wall time on `threads` threads (ms) */
  readonly allMs: number;
  readonly threads: number;
  /** every run, on either thread count, printed the same output */
  readonly identical: boolean;
}

/**
 * Times `run(workers)` — an analysis as its command runs it, pool start-up included — `reps`
 * times on one thread and `reps` times on `threads`, alternating so that a change in the
 * machine's load falls on both, after one untimed run on one thread when `warmUp` (so that the
 * first timed run does not pay for compiling the code); returns the medians and whether every
 * output was the same.
 */
export async function timeAnalysis(
  label: string,
  reps: number,
  threads: number,
  run: (workers: number) => Promise<string>,
  warmUp = true,
): Promise<AnalysisTiming> {
  const one: number[] = [];
  const all: number[] = [];
  const outputs = new Set<string>();
  if (warmUp) outputs.add(await run(1));
  for (let r = 0; r < reps; r++) {
    for (const [workers, into] of [
      [1, one],
      [threads, all],
    ] as const) {
      const t0 = performance.now();
      outputs.add(await run(workers));
      into.push(performance.now() - t0);
    }
  }
  return { label, oneMs: median(one), allMs: median(all), threads, identical: outputs.size === 1 };
}

/** A Markdown table of analysis timings. */
export function analysisTable(rows: readonly AnalysisTiming[]): string {
  const threads = rows[0]?.threads ?? 1;
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  return [
    `| analysis | wall, 1 thread | wall, ${threads} threads | speed-up | same output |`,
    `|${' --- |'.repeat(5)}`,
    ...rows.map(
      (r) =>
        `| ${r.label} | ${s(r.oneMs)} s | ${s(r.allMs)} s | ${(r.oneMs / r.allMs).toFixed(2)}× | ${r.identical ? 'yes' : '**NO**'} |`,
    ),
  ].join('\n');
}
