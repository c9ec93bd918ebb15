import type { Argv } from 'yargs';
import { initCommand } from '../../app/initScenario.js';
import type { Io } from '../io.js';

/** `ladder init <plan-id> [--out FILE] [--force]` */
export function initCommandSpec(y: Argv, io: Io): Argv {
  return y.command(
    'init <plan>',
    'Write a commented scenario of a plan, to edit',
    (c) =>
      c
        .positional('plan', { type: 'string', demandOption: true, describe: 'plan id (see `ladder plans`)' })
        .option('out', { type: 'string', describe: 'file to write (default: <plan-id>.what-if.yaml here)' })
        .option('force', { type: 'boolean', default: false, describe: 'overwrite the file if it exists' })
        .example(
          '$0 init jiangmen-2021 --out my-jiangmen.yaml',
          'then edit it and `ladder run my-jiangmen.yaml`',
        ),
    (args) => {
      const { file } = initCommand({
        plan: args.plan,
        ...(args.out !== undefined ? { out: args.out } : {}),
        force: args.force,
      });
      io.stdout(`Wrote ${file}. Edit it, then: ladder run ${file}\n`);
    },
  );
}
