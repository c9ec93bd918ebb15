import type { CompiledModel } from '../model/compile.js';
import type { ProcessSampler } from '../model/sampler.js';
import { simulateTrajectory, type TrajectoryTrace } from '../model/trajectory.js';
import { PARAM_NAMES } from '../schema/params.js';
import { accumulate, createAccumulator, type Accumulator } from './accumulator.js';
import { accumulateEffect } from './effect.js';
import { binomial } from './binomial.js';
import { poisson } from './poisson.js';
import { keyedStream, stream, type Uniform } from './rng.js';

/** Trajectories per block: the unit of work of the block queue. */
export const BLOCK_SIZE = 1000;

/** The exact samplers bound to one uniform stream. */
export function processSampler(u: Uniform): ProcessSampler {
  return {
    binomial: (n, p) => binomial(u, n, p),
    poisson: (mean) => poisson(u, mean),
  };
}

/**
 * Simulates trajectories [start, start + count) and returns their accumulator. Trajectory i
 * draws its parameters from stream (seed, i, 'param') and its process noise from
 * (seed, i, 'proc'): its result depends on nothing else.
 */
export function runRange(model: CompiledModel, seed: string, start: number, count: number): Accumulator {
  const acc = createAccumulator(model);
  runRangeInto(model, seed, start, count, acc);
  return acc;
}

/**
 * Adds trajectories [start, start + count) to `acc` (see {@link runRange}). The generators,
 * sampler and buffers are made once per call, not once per trajectory.
 */
export function runRangeInto(
  model: CompiledModel,
  seed: string,
  start: number,
  count: number,
  acc: Accumulator,
): void {
  const out = new Float64Array(model.measures.length * model.years.length);
  const params = new Float64Array(PARAM_NAMES.length);
  const paramStream = keyedStream(seed, 'param');
  const procStream = keyedStream(seed, 'proc');
  const draw = processSampler(procStream.u);
  const cf = model.counterfactual;
  const base = cf === undefined ? undefined : new Float64Array(cf.measures.length * cf.years.length);
  for (let i = start; i < start + count; i++) {
    paramStream.seek(i);
    procStream.seek(i);
    simulateTrajectory(model, paramStream.u, draw, params, out);
    accumulate(model, acc, out);
    if (cf !== undefined && base !== undefined && acc.effect !== undefined) {
      // the same trajectory without the plan's levers: same streams, from their start
      paramStream.seek(i);
      procStream.seek(i);
      simulateTrajectory(cf, paramStream.u, draw, params, base);
      accumulateEffect(model, cf, acc.effect, out, base);
    }
  }
}

/** One trajectory with its full trace (for tests and diagnostics). */
export function traceTrajectory(
  model: CompiledModel,
  seed: string,
  index: number,
): { out: Float64Array; trace: TrajectoryTrace; params: Float64Array } {
  const out = new Float64Array(model.measures.length * model.years.length);
  const params = new Float64Array(PARAM_NAMES.length);
  const trace: TrajectoryTrace = { ledgers: [], states: [], marks: [] };
  simulateTrajectory(
    model,
    stream(seed, index, 'param'),
    processSampler(stream(seed, index, 'proc')),
    params,
    out,
    trace,
  );
  return { out, trace, params };
}

/**
 * Told how much of the work is done: `done` of `total` trajectories. `estimated`: the total is an
 * estimate that may still change (an analysis whose amount of work depends on what it finds).
 */
export type Progress = (done: number, total: number, estimated?: boolean) => void;

/** Runs `runs` trajectories in blocks on this thread; `onProgress` hears after every block. */
export function runSerial(
  model: CompiledModel,
  seed: string,
  runs: number,
  onProgress?: Progress,
): Accumulator {
  const total = createAccumulator(model);
  for (let start = 0; start < runs; start += BLOCK_SIZE) {
    const count = Math.min(BLOCK_SIZE, runs - start);
    runRangeInto(model, seed, start, count, total);
    onProgress?.(start + count, runs);
  }
  return total;
}

/**
 * Runs trajectories [start, start + count) with a given parameter vector (PARAM_NAMES order)
 * instead of drawing it: base counts and process noise still come from the (seed, i) streams.
 * For sensitivity designs that choose the parameters.
 */
export function runRangeWithParams(
  model: CompiledModel,
  params: Float64Array,
  seed: string,
  start: number,
  count: number,
  visit: (index: number, out: Float64Array) => void,
): void {
  const out = new Float64Array(model.measures.length * model.years.length);
  const p = Float64Array.from(params);
  for (let i = start; i < start + count; i++) {
    p.set(params);
    simulateTrajectory(
      model,
      stream(seed, i, 'param'),
      processSampler(stream(seed, i, 'proc')),
      p,
      out,
      undefined,
      true,
    );
    visit(i, out);
  }
}
