import { InputError } from '../io/errors.js';
import { hintFor } from './options.js';

/** A number given on the command line, or a located usage error naming the option. */
export function parseNumberOption(v: unknown, option: string, expected = 'a number'): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw new InputError({
      code: 'E_USAGE',
      message: `bad ${option}`,
      location: { path: option },
      expected,
      found: JSON.stringify(v),
      ...hintFor(v),
    });
  }
  return n;
}

/**
 * The values of a sweep: `--values a,b,c`, or `--from A --to B [--steps N]` (N evenly spaced
 * values, ends included, default 5). Numbers only (3e5, 300000, 0.25); units are those of the
 * lever (yuan, shares, counts).
 */
export function sweepValues(args: {
  readonly values?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly steps?: string | undefined;
}): number[] {
  const range = args.from !== undefined || args.to !== undefined || args.steps !== undefined;
  if (args.values !== undefined && range) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'give either --values or --from/--to/--steps, not both',
      location: { path: '--values' },
      expected: '--values a,b,c or --from A --to B --steps N',
      found: `--values ${args.values} with --from/--to/--steps`,
    });
  }
  if (args.values !== undefined) {
    return args.values
      .split(',')
      .map((x) => parseNumberOption(x.trim(), '--values', 'comma-separated numbers, e.g. 0,150000,300000'));
  }
  if (args.from === undefined || args.to === undefined) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'a sweep needs the lever’s values',
      location: { path: args.from === undefined ? '--from' : '--to' },
      expected: '--values a,b,c or --from A --to B --steps N',
      found: args.from === undefined ? 'no --from' : 'no --to',
    });
  }
  const from = parseNumberOption(args.from, '--from');
  const to = parseNumberOption(args.to, '--to');
  const steps =
    args.steps === undefined ? 5 : parseNumberOption(args.steps, '--steps', 'a whole number from 2 to 101');
  if (!Number.isInteger(steps) || steps < 2 || steps > 101) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --steps',
      location: { path: '--steps' },
      expected: 'a whole number from 2 to 101',
      found: JSON.stringify(args.steps),
    });
  }
  return Array.from({ length: steps }, (_, i) =>
    i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1),
  );
}
