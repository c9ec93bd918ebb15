import type { ParamName } from '../schema/params.js';
import type { Prior } from '../schema/prior.js';

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/** A prior in short form: "PERT(0.45, 0.7, 0.9)", "U(0.01, 0.04)", "= 0.5". */
export function priorText(p: Prior): string {
  switch (p.dist) {
    case 'pert':
      return `PERT(${fmt(p.low)}, ${fmt(p.mode)}, ${fmt(p.high)})`;
    case 'uniform':
      return `U(${fmt(p.low)}, ${fmt(p.high)})`;
    case 'fixed':
      return `= ${fmt(p.value)}`;
    case 'loguniform':
      return `logU(${fmt(p.low)}, ${fmt(p.high)})`;
  }
}

/** The Markdown table of the model's default priors (docs/model.md embeds it verbatim). */
export function priorsMarkdownTable(priors: Readonly<Record<ParamName, Prior>>): string {
  const rows = (Object.entries(priors) as [ParamName, Prior][]).map(
    ([name, p]) => `| \`${name}\` | ${priorText(p)} | ${p.tag} | ${p.source.replace(/\|/g, '\\|')} |`,
  );
  return ['| parameter | prior | tag | evidence |', '|---|---|---|---|', ...rows].join('\n');
}
