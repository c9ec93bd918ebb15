import type { Argv } from 'yargs';
import { listPlans } from '../../app/listPlans.js';
import { formatPlans } from '../formatPlans.js';
import type { Io } from '../io.js';

/** `ladder plans [--json]` */
export function plansCommand(y: Argv, io: Io): Argv {
  return y.command(
    'plans',
    'List the plans shipped in seeds/ with their goals',
    (c) => c.option('json', { type: 'boolean', default: false, describe: 'print JSON' }),
    (args) => {
      const plans = listPlans();
      io.stdout(args.json ? `${JSON.stringify(plans, null, 2)}\n` : formatPlans(plans));
    },
  );
}
