import type { Argv } from 'yargs';
import { mergeCommand } from '../../app/mergeParts.js';
import { formatRunTable } from '../formatRun.js';
import type { Io } from '../io.js';

/** `ladder merge <part files…> [--json] [--out DIR]` */
export function mergeCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'merge <parts..>',
    'Merge the part files of `ladder run … --shard i/n` into the result of the whole run (as `ladder run` prints and writes it)',
    (c) =>
      c
        .positional('parts', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'the part files of all n shards, in any order',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout' })
        .option('out', { type: 'string', describe: 'report folder (default: reports/<scenario>)' })
        .example('$0 merge part-*.json', 'the shards of one run'),
    async (args) => {
      const outcome = await mergeCommand({
        files: args.parts,
        ...(args.out !== undefined ? { out: args.out } : {}),
      });
      io.stdout(args.json ? `${JSON.stringify(outcome.summary, null, 2)}\n` : formatRunTable(outcome));
    },
  );
}
