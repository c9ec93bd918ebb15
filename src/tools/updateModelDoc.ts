/**
 * Rewrites the priors table of docs/model.md from the code (`npm run docs`), so the document
 * and DEFAULT_PRIORS cannot drift apart; test/modelDoc.test.ts fails when they do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../io/paths.js';
import { DEFAULT_PRIORS } from '../model/priors.js';
import { priorsMarkdownTable } from '../report/priorsTable.js';

const file = join(PACKAGE_ROOT, 'docs', 'model.md');
const doc = readFileSync(file, 'utf8');
const updated = doc.replace(
  /<!-- priors:start -->\n[\s\S]*?\n<!-- priors:end -->/,
  `<!-- priors:start -->\n${priorsMarkdownTable(DEFAULT_PRIORS)}\n<!-- priors:end -->`,
);
writeFileSync(file, updated);
process.stdout.write(
  updated === doc ? 'docs/model.md already up to date\n' : 'docs/model.md: priors table updated\n',
);
