/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  if (s.length === 0) return Number.NaN;
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Runs `f` `reps` times and returns each run's wall time in milliseconds. */
export function timeRuns(reps: number, f: () => void): number[] {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Wall and CPU time (this process, all threads) of each of `reps` runs of `f`, in milliseconds. */
export function measureRuns(reps: number, f: () => void): { wallMs: number[]; cpuMs: number[] } {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wallMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { wallMs, cpuMs };
}
