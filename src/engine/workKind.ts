/**
 * A kind of work the pool runs: what a worker thread builds from a plain-data spec (once per
 * model and job sequence, see blockJob.ts) and how it runs one piece of a job. Specs, inputs,
 * pieces and results are plain data (strings, numbers, typed arrays, plain objects): they cross
 * threads by structured clone. A piece's result depends only on (model, input, piece), never on
 * the thread that ran it, so a job's result is the same on any number of threads.
 *
 * Kinds are registered by name in workKinds.ts; a worker thread looks them up by that name.
 */
export interface WorkKind<Spec, Model, Input, Piece, Result> {
  readonly name: string;
  /** the model a spec describes (a compiled model, or several) */
  compile(spec: Spec): Model;
  /** runs one piece of a job */
  run(model: Model, input: Input, piece: Piece): Result;
  /** trajectories a piece runs: the unit of the pool's progress counter */
  weight(piece: Piece): number;
  /**
   * Present when results add exactly (integer counts) in any order: each thread then runs its
   * pieces into one part (`runInto`), and the parts are merged (`merge`). Jobs of such a kind have
   * one model. Absent: each piece's result comes back on its own and the caller receives them in
   * piece order.
   */
  readonly fold?: {
    empty(model: Model): Result;
    runInto(model: Model, input: Input, piece: Piece, into: Result): void;
    merge(into: Result, from: Result): void;
  };
  /** buffers of a result that can be moved rather than copied to the thread that asked for it */
  transfer?(result: Result): readonly ArrayBuffer[];
}

/**
 * A model as a job carries it: its spec for the worker threads, compiled for this thread. The
 * handle's identity is the model's identity: a worker thread that holds it is not sent it again,
 * so make a handle once and use it for every job of that model.
 */
export interface PoolModel<Spec, Model> {
  readonly spec: Spec;
  readonly model: Model;
}

/** A piece of a job: the work (`p`) on model `m` of the job's list. */
export interface JobPiece<Piece> {
  readonly m: number;
  readonly p: Piece;
}

/** One job: its models, the input every piece shares, and the pieces in order. */
export interface Job<Spec, Model, Input, Piece> {
  readonly models: readonly PoolModel<Spec, Model>[];
  readonly input: Input;
  readonly pieces: readonly JobPiece<Piece>[];
}

/** Any kind, for the registry and the worker's dispatch (method parameters are bivariant). */
export type AnyWorkKind = WorkKind<unknown, unknown, unknown, unknown, unknown>;
