import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/cli/progressBar.js';
import { runSerial } from '../src/engine/runner.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';
import { workMeter } from '../src/app/workProgress.js';

describe('progress', () => {
  it('tells the engine’s progress block by block, ending at the total', () => {
    const scenario = loadTarget('zhanjiang-2023').scenario;
    const seen: [number, number][] = [];
    runSerial(compileModel(scenario), '1', 2500, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });

  it('draws a bar with an ETA', () => {
    expect(progressLine(2500, 10_000, 1000, 20)).toBe('[█████░░░░░░░░░░░░░░░]  25%  2,500/10,000  ETA 3s');
    expect(progressLine(10_000, 10_000, 4000, 10)).toBe('[██████████] 100%  10,000/10,000  done');
    // a total the analysis is still estimating
    expect(progressLine(2500, 10_000, 1000, 20, true)).toBe(
      '[█████░░░░░░░░░░░░░░░]  25%  2,500/≈10,000  ETA 3s',
    );
  });

  it('counts the work of a command of many jobs, never past its total', () => {
    const seen: [number, number, boolean | undefined][] = [];
    const meter = workMeter((done, total, estimated) => seen.push([done, total, estimated]));
    meter.expect(1000, true);
    const first = meter.job();
    first?.(100);
    first?.(400);
    meter.add(400);
    meter.expect(700);
    meter.job()?.(200);
    meter.add(300);
    expect(seen).toEqual([
      [100, 1000, true],
      [400, 1000, true],
      [400, 1000, true],
      [600, 700, false],
      [700, 700, false],
    ]);
    expect(meter.done()).toBe(700);
    // without a listener there is nothing to tell
    expect(workMeter(undefined).job()).toBeUndefined();
  });

  it('writes nothing when stderr is not a terminal, and clears its line when it is', () => {
    const notTty: string[] = [];
    const quiet = progressBar({ stdout: () => undefined, stderr: (s) => notTty.push(s) }, () => 10_000, 0, 0);
    quiet.update(1, 2);
    quiet.finish();
    expect(notTty).toEqual([]);
    const tty: string[] = [];
    let t = 0;
    const bar = progressBar(
      { stdout: () => undefined, stderr: (s) => tty.push(s), stderrIsTTY: true },
      () => t,
      0,
      0,
    );
    t = 500;
    bar.update(1, 2);
    bar.finish();
    expect(tty[0]).toMatch(/^\r\[█+░+\] {2}50%/);
    expect(tty[tty.length - 1]).toBe('\r\x1b[K');
  });
});
