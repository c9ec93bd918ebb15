import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/cli/progressBar.js';
import { runSerial } from '../src/engine/runner.js';
import { loadTarget } from '../src/io/loadScenario.js';
import { compileModel } from '../src/model/compile.js';

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
