import { runRowBatch, type DesignRow, type RowBatch, type RowBatchResult } from '../engine/rowBatch.js';
import { compileModel, type CompiledModel } from '../model/compile.js';
import type { ResolvedScenario } from '../schema/scenario.js';

/**
 * Runs a batch of design rows for a scenario. The serial implementation compiles the scenario and
 * calls `runRowBatch`; a worker pool can take its place: batches are plain data and each result
 * depends only on (scenario, batch).
 */
export type Evaluate = (scenario: ResolvedScenario, batch: RowBatch) => Promise<RowBatchResult>;

/** Runs batches on this thread, compiling each scenario once. */
export function serialEvaluate(): Evaluate {
  const compiled = new WeakMap<ResolvedScenario, CompiledModel>();
  return (scenario, batch) => {
    let model = compiled.get(scenario);
    if (model === undefined) {
      model = compileModel(scenario);
      compiled.set(scenario, model);
    }
    return Promise.resolve(runRowBatch(model, batch));
  };
}

/** Trajectories per batch: the unit of work handed to `evaluate`. */
export const BATCH_TRAJECTORIES = 1000;

/**
 * Cuts rows into batches of about BATCH_TRAJECTORIES trajectories, evaluates them, and returns
 * the outcomes in row order (concatenated as if one batch had run them all).
 */
export async function runRows(
  evaluate: Evaluate,
  scenario: ResolvedScenario,
  seed: string,
  goal: number,
  rows: readonly DesignRow[],
  keepUniforms = false,
): Promise<RowBatchResult> {
  const batches: RowBatch[] = [];
  let current: DesignRow[] = [];
  let size = 0;
  for (const row of rows) {
    if (size > 0 && size + row.count > BATCH_TRAJECTORIES) {
      batches.push({ seed, goal, rows: current, keepUniforms });
      current = [];
      size = 0;
    }
    current.push(row);
    size += row.count;
  }
  if (current.length > 0) batches.push({ seed, goal, rows: current, keepUniforms });
  const results = await Promise.all(batches.map((b) => evaluate(scenario, b)));
  const total = results.reduce((a, r) => a + r.met.length, 0);
  const margin = new Float64Array(total);
  const met = new Uint8Array(total);
  const slots =
    total > 0 && keepUniforms ? (results[0]?.uniforms?.length ?? 0) / (results[0]?.met.length ?? 1) : 0;
  const uniforms = keepUniforms ? new Float64Array(total * slots) : undefined;
  let k = 0;
  for (const r of results) {
    margin.set(r.margin, k);
    met.set(r.met, k);
    if (uniforms !== undefined && r.uniforms !== undefined) uniforms.set(r.uniforms, k * slots);
    k += r.met.length;
  }
  return { margin, met, uniforms };
}

/** Rows for trajectories [start, start + count) in chunks of BATCH_TRAJECTORIES, all with uniforms `u`. */
export function spanRows(u: Float64Array, start: number, count: number): DesignRow[] {
  const rows: DesignRow[] = [];
  for (let s = start; s < start + count; s += BATCH_TRAJECTORIES) {
    rows.push({ u, start: s, count: Math.min(BATCH_TRAJECTORIES, start + count - s) });
  }
  return rows;
}
