import type { DesignRow, RowBatchResult } from '../engine/rowBatch.js';
import { stream } from '../engine/rng.js';
import type { SensitivityReport } from '../schema/sensitivity.js';
import { mean, round, sig, type DesignContext } from './designContext.js';
import type { Factor } from './factors.js';
import { abRow, sobolBootstrap, sobolIndices } from './sobol.js';
import { warningSentence } from '../model/warnings.js';

/** Sobol' intervals wider than this trigger the convergence warning. */
export const WIDE = 0.1;
export const SOBOL_LEVEL = 0.95;

export interface SobolDesignResult {
  readonly result: NonNullable<SensitivityReport['sobol']>;
  readonly warnings: readonly string[];
}

/**
 * Sobol' indices of the goal margin over the given inputs. Saltelli et al. (2010) design: A_j and
 * B_j are the uniforms of streams (seed, j, 'sobol-a') and (seed, j, 'sobol-b'); AB⁽ⁱ⁾_j is A_j
 * with input i's slot from B_j. A row's output is the mean margin of `replicates` trajectories.
 * A_j and every AB⁽ⁱ⁾_j run the same trajectories (jR … jR + R − 1 of seed/sobol-a), B_j its own
 * (seed/sobol-b): process noise is one more input, drawn independently in A and B, so the indices
 * are shares of a variance that includes it; `noiseShare` says how much (the within-row variance
 * over R, averaged over the A rows, divided by V). Estimators and bootstrap: sobol.ts.
 */
export async function sobolDesign(
  ctx: DesignContext,
  factors: readonly Factor[],
  rows: number,
  replicates: number,
  bootstrap: number,
): Promise<SobolDesignResult> {
  const N = rows;
  const R = replicates;
  const A: Float64Array[] = [];
  const B: Float64Array[] = [];
  for (let j = 0; j < N; j++) {
    const ua = stream(ctx.seed, j, 'sobol-a');
    const ub = stream(ctx.seed, j, 'sobol-b');
    A.push(Float64Array.from({ length: ctx.slots }, () => ua()));
    B.push(Float64Array.from({ length: ctx.slots }, () => ub()));
  }
  const rowsOf = (us: readonly Float64Array[]): DesignRow[] =>
    us.map((u, j) => ({ u, start: j * R, count: R }));
  const seedA = `${ctx.seed}/sobol-a`;
  const [fA, fB, ...fAB] = await Promise.all([
    ctx.run(ctx.scenario, seedA, rowsOf(A)),
    ctx.run(ctx.scenario, `${ctx.seed}/sobol-b`, rowsOf(B)),
    ...factors.map((f) => ctx.run(ctx.scenario, seedA, rowsOf(A.map((a, j) => abRow(a, B[j] ?? a, f.slot))))),
  ]);
  const rowMeans = (r: RowBatchResult): Float64Array =>
    Float64Array.from({ length: N }, (_, j) => mean(r.margin.subarray(j * R, (j + 1) * R)));
  const outputs = { fA: rowMeans(fA), fB: rowMeans(fB), fAB: fAB.map(rowMeans) };
  const est = sobolIndices(outputs);
  const ci = sobolBootstrap(outputs, stream(ctx.seed, 0, 'sobol-bootstrap'), bootstrap, SOBOL_LEVEL);
  let within = 0;
  if (R > 1) {
    for (let j = 0; j < N; j++) {
      const xs = fA.margin.subarray(j * R, (j + 1) * R);
      const mu = mean(xs);
      let ss = 0;
      for (const x of xs) ss += (x - mu) ** 2;
      within += ss / (R - 1);
    }
    within /= N;
  }
  const noiseShare = est.variance > 0 ? within / R / est.variance : 0;
  const indices = factors
    .map((f, i) => ({
      factor: f.name,
      group: f.group,
      reliance: f.reliance,
      s1: round(est.s1[i] ?? 0, 3),
      s1Lo: round(ci.s1[i]?.lo ?? 0, 3),
      s1Hi: round(ci.s1[i]?.hi ?? 0, 3),
      st: round(est.st[i] ?? 0, 3),
      stLo: round(ci.st[i]?.lo ?? 0, 3),
      stHi: round(ci.st[i]?.hi ?? 0, 3),
    }))
    .sort((a, b) => b.st - a.st || b.s1 - a.s1); // stable: ties stay in layout order
  let widest = 0;
  let widestName = '';
  for (const x of indices) {
    for (const w of [x.s1Hi - x.s1Lo, x.stHi - x.stLo]) {
      if (w > widest) {
        widest = w;
        widestName = x.factor;
      }
    }
  }
  const warnings: string[] = [];
  const converged = widest <= WIDE;
  if (!converged) {
    warnings.push(
      warningSentence('sobol-not-converged', {
        level: String(SOBOL_LEVEL * 100),
        factor: widestName,
        width: String(round(widest, 3)),
        limit: String(WIDE),
      }),
    );
  }
  if (noiseShare > 0.2) {
    warnings.push(warningSentence('sobol-noise', { share: String(round(100 * noiseShare, 0)) }));
  }
  return {
    result: {
      output: 'margin',
      rows: N,
      replicates: R,
      trajectories: N * (factors.length + 2) * R,
      variance: sig(est.variance),
      noiseShare: round(noiseShare, 3),
      level: SOBOL_LEVEL,
      bootstrap,
      converged,
      indices,
    },
    warnings,
  };
}
