import type { Progress } from '../engine/runner.js';

/**
 * Progress of a command made of many jobs, in trajectories: the work of the jobs finished so far
 * plus the running job's, against a total the command sets (and may revise as it learns how much
 * work remains: an estimate).
 */
export interface WorkMeter {
  /** an `onWork` for the next job: its progress is counted after the work already done */
  readonly job: () => ((done: number) => void) | undefined;
  /** the job just run is finished, with `work` trajectories */
  readonly add: (work: number) => void;
  /** the total expected; `estimated`: it may still change */
  readonly expect: (total: number, estimated?: boolean) => void;
  /** trajectories finished so far */
  readonly done: () => number;
}

/** A meter that tells `onProgress` (nothing to tell without one). */
export function workMeter(onProgress: Progress | undefined): WorkMeter {
  let finished = 0;
  let total = 0;
  let estimated = false;
  const tell = (done: number): void => {
    onProgress?.(done, Math.max(total, done), estimated);
  };
  return {
    job: () => {
      if (onProgress === undefined) return undefined;
      const base = finished;
      return (done) => {
        tell(base + done);
      };
    },
    add: (work) => {
      finished += work;
      tell(finished);
    },
    expect: (t, est = false) => {
      total = t;
      estimated = est;
    },
    done: () => finished,
  };
}
