import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORS } from '../src/model/priors.js';
import { priorsMarkdownTable } from '../src/report/priorsTable.js';
import { PARAM_NAMES } from '../src/schema/params.js';

const doc = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');

describe('docs/model.md', () => {
  it('carries exactly the priors of the code', () => {
    const m = /<!-- priors:start -->\n([\s\S]*?)\n<!-- priors:end -->/.exec(doc);
    expect(m?.[1]?.trim()).toBe(priorsMarkdownTable(DEFAULT_PRIORS));
  });
  it('explains every parameter by name', () => {
    const prose = doc.replace(/<!-- priors:start -->[\s\S]*<!-- priors:end -->/, '');
    for (const name of PARAM_NAMES) expect(prose, `parameter ${name}`).toContain(name);
  });
});
