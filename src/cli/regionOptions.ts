import type { Argv } from 'yargs';
import { InputError } from '../io/errors.js';
import { hintFor, parseSeed, parseWorkers } from './options.js';
import { withWorkersOption } from './sharedOptions.js';

/** Parses a year option (`--until`, `--to`, `--origin`, `--break`): a whole number from 1949 to 2100. */
export function parseYearOption(v: unknown, flag: string): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < 1949 || n > 2100) {
    throw new InputError({
      code: 'E_USAGE',
      message: `bad ${flag}`,
      location: { path: flag },
      expected: 'a year from 1949 to 2100',
      found: JSON.stringify(v),
      ...hintFor(v),
    });
  }
  return n;
}

/** Parses `--particles`: a whole number from 50 to 100,000. */
export function parseParticles(v: unknown): number {
  const n = Number(v);
  if (typeof v === 'boolean' || !Number.isInteger(n) || n < 50 || n > 100_000) {
    throw new InputError({
      code: 'E_USAGE',
      message: 'bad --particles',
      location: { path: '--particles' },
      expected: 'a whole number from 50 to 100000',
      found: JSON.stringify(v),
    });
  }
  return n;
}

/**
 * The options every region command shares: --observed, --region, --break, --particles, --seed,
 * --workers, --json.
 */
export function regionOptions<T>(c: Argv<T>) {
  return withWorkersOption(c)
    .option('observed', {
      type: 'string',
      describe: 'observed-counts CSV (default: the shipped seeds/data/observed_counts.csv)',
    })
    .option('region', {
      type: 'string',
      demandOption: true,
      describe: 'region id as in the CSV (zhanjiang, hunan, …)',
    })
    .option('break', {
      type: 'string',
      describe: 'regime break year: first-certification applications may shift from it on (e.g. 2016)',
    })
    .option('particles', { type: 'string', describe: 'posterior particles (default 500)' })
    .option('seed', { type: 'string', describe: 'random seed (default "1")' })
    .option('json', { type: 'boolean', default: false, describe: 'print JSON on stdout' });
}

/** The shared options, parsed, for the app layer. */
export function regionFitArgs(args: {
  observed?: string | undefined;
  region: string;
  break?: string | undefined;
  particles?: string | undefined;
  seed?: string | undefined;
  workers?: string | undefined;
}): {
  observed?: string;
  region: string;
  breakYear?: number;
  particles?: number;
  seed?: string;
  workers?: number;
} {
  return {
    region: args.region,
    ...(args.observed !== undefined ? { observed: args.observed } : {}),
    ...(args.break !== undefined ? { breakYear: parseYearOption(args.break, '--break') } : {}),
    ...(args.particles !== undefined ? { particles: parseParticles(args.particles) } : {}),
    ...(args.seed !== undefined ? { seed: parseSeed(args.seed) } : {}),
    ...(args.workers !== undefined ? { workers: parseWorkers(args.workers) } : {}),
  };
}
