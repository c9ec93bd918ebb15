import type { Io } from './io.js';

/**
 * "[██████░░░░░░] 48%  4,800/10,000  ETA 3s": a progress line for a terminal; an estimated total
 * is shown as "≈10,000".
 */
export function progressLine(
  done: number,
  total: number,
  elapsedMs: number,
  width = 28,
  estimated = false,
): string {
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(f * width);
  const eta = done > 0 && done < total ? ((total - done) * elapsedMs) / done / 1000 : 0;
  const etaText =
    done >= total
      ? estimated
        ? 'ETA …' // the estimate ran out before the work did
        : 'done'
      : done === 0
        ? 'ETA …'
        : eta >= 60
          ? `ETA ${Math.floor(eta / 60)}m${String(Math.round(eta % 60)).padStart(2, '0')}s`
          : `ETA ${Math.ceil(eta)}s`;
  const n = (x: number): string => x.toLocaleString('en-US');
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${n(done)}/${estimated ? '≈' : ''}${n(total)}  ${etaText}`;
}

/** A progress bar on stderr; silent unless stderr is a terminal. */
export interface ProgressBar {
  readonly update: (done: number, total: number, estimated?: boolean) => void;
  /** clears the line */
  readonly finish: () => void;
}

/**
 * Draws on stderr only when it is a terminal (`io.stderrIsTTY`): nothing in pipes, files or CI.
 * Waits `delayMs` before the first draw, so quick runs show nothing, and redraws at most every
 * `intervalMs`.
 */
export function progressBar(io: Io, now: () => number, delayMs = 400, intervalMs = 100): ProgressBar {
  if (io.stderrIsTTY !== true) return { update: () => undefined, finish: () => undefined };
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update: (done, total, estimated = false) => {
      const t = now();
      if (t - start < delayMs || (t - last < intervalMs && done < total)) return;
      last = t;
      drawn = true;
      io.stderr(`\r${progressLine(done, total, t - start, 28, estimated)}\x1b[K`);
    },
    finish: () => {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}
