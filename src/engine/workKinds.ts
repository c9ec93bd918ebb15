import { compileSpec, type ModelSpec } from '../model/modelSpec.js';
import type { CompiledModel } from '../model/compile.js';
import { withSamples, type ParamSamples } from '../model/paramSource.js';
import { createAccumulator, mergeAccumulators, type Accumulator } from './accumulator.js';
import type { Block } from './blocks.js';
import { pairedOutcomes } from './pairedOutcomes.js';
import { runRowBatch, type DesignRow, type RowBatch, type RowBatchResult } from './rowBatch.js';
import { runRange, runRangeInto } from './runner.js';
import { simulateRows } from './simulateRows.js';
import type { AnyWorkKind, WorkKind } from './workKind.js';

/**
 * Blocks of trajectories of one model into an accumulator (`ladder run`, shards, posterior
 * runs): integer counts that merge exactly, so each thread folds its blocks into one part.
 */
export const TRAJECTORIES: WorkKind<ModelSpec, CompiledModel, { readonly seed: string }, Block, Accumulator> =
  {
    name: 'trajectories',
    compile: compileSpec,
    run: (model, input, b) => runRange(model, input.seed, b.start, b.count),
    weight: (b) => b.count,
    fold: {
      empty: (model) => createAccumulator(model),
      runInto: (model, input, b, into) => {
        runRangeInto(model, input.seed, b.start, b.count, into);
      },
      merge: mergeAccumulators,
    },
  };

/** What every block of a paired run shares. */
export interface PairedInput {
  readonly seed: string;
  /** goalIndex[k][g]: index into model k's goals of compared goal g */
  readonly goalIndex: readonly (readonly number[])[];
}

/**
 * Blocks of trajectories of several models on common random numbers (compare, sweep, goal-seek):
 * each block's outcome rows (engine/pairedOutcomes.ts), which the caller adds to its paired
 * statistics in block order.
 */
export const PAIRED: WorkKind<
  readonly ModelSpec[],
  readonly CompiledModel[],
  PairedInput,
  Block,
  Float64Array
> = {
  name: 'paired',
  compile: (specs) => specs.map(compileSpec),
  run: (models, input, b) => pairedOutcomes(models, input.goalIndex, input.seed, b.start, b.count),
  weight: (b) => b.count,
  transfer: (rows) => [rows.buffer as ArrayBuffer],
};

/**
 * A batch of design rows packed into flat arrays (one structured clone of a few buffers rather
 * than one per row): row r fixes uniforms `u[r·slots …]` and runs trajectories
 * [start[r], start[r] + count[r]).
 */
export interface PackedRowBatch {
  readonly seed: string;
  readonly goal: number;
  readonly keepUniforms: boolean;
  readonly slots: number;
  readonly u: Float64Array;
  readonly start: Float64Array;
  readonly count: Float64Array;
}

/** Packs a batch of design rows (see {@link PackedRowBatch}). */
export function packRowBatch(batch: RowBatch): PackedRowBatch {
  const slots = batch.rows[0]?.u.length ?? 0;
  const u = new Float64Array(batch.rows.length * slots);
  batch.rows.forEach((r, i) => {
    u.set(r.u.subarray(0, slots), i * slots);
  });
  return {
    seed: batch.seed,
    goal: batch.goal,
    keepUniforms: batch.keepUniforms,
    slots,
    u,
    start: Float64Array.from(batch.rows, (r) => r.start),
    count: Float64Array.from(batch.rows, (r) => r.count),
  };
}

/** The batch a packed batch holds (rows as views of its arrays). */
export function unpackRowBatch(p: PackedRowBatch): RowBatch {
  const rows: DesignRow[] = Array.from(p.start, (start, i) => ({
    u: p.u.subarray(i * p.slots, (i + 1) * p.slots),
    start,
    count: p.count[i] ?? 0,
  }));
  return { seed: p.seed, goal: p.goal, rows, keepUniforms: p.keepUniforms };
}

/** Batches of sensitivity design rows (`runRowBatch`), each on its own model (a scenario or a variant). */
export const DESIGN_ROWS: WorkKind<ModelSpec, CompiledModel, null, PackedRowBatch, RowBatchResult> = {
  name: 'design-rows',
  compile: compileSpec,
  run: (model, _input, p) => runRowBatch(model, unpackRowBatch(p)),
  weight: (p) => p.count.reduce((a, b) => a + b, 0),
  transfer: (r) => [
    r.margin.buffer as ArrayBuffer,
    r.met.buffer as ArrayBuffer,
    ...(r.uniforms !== undefined ? [r.uniforms.buffer as ArrayBuffer] : []),
  ],
};

/** What every block of a calibration's rows shares: the rows' parameters and stream indices. */
export interface SampledRowsInput {
  readonly seed: string;
  /** row r's parameters, base counts and break multiplier (weights unused) */
  readonly samples: ParamSamples;
  /** stream index of each row's trajectory */
  readonly streams: Float64Array;
}

/**
 * Blocks of rows of a model with given parameters (calibration: `simulateRows`): each block's
 * measure buffers, row after row, which the caller lays end to end in block order.
 */
export const SAMPLED_ROWS: WorkKind<ModelSpec, CompiledModel, SampledRowsInput, Block, Float64Array> = {
  name: 'sampled-rows',
  compile: compileSpec,
  run: (model, input, b) =>
    simulateRows(
      { model: withSamples(model, input.samples), streams: input.streams },
      input.seed,
      b.start,
      b.count,
    ),
  weight: (b) => b.count,
  transfer: (rows) => [rows.buffer as ArrayBuffer],
};

/** Every kind a worker thread serves, by name. */
export const WORK_KINDS: Readonly<Record<string, AnyWorkKind>> = Object.fromEntries(
  [TRAJECTORIES, PAIRED, DESIGN_ROWS, SAMPLED_ROWS].map((k) => [k.name, k as AnyWorkKind]),
);
