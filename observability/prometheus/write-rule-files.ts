import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderRuleFiles } from './generated-rule-files.js';

/** Writes every generated rule file and promtool test (`npm run generate:rules`); commit the result. */
for (const [file, content] of Object.entries(renderRuleFiles())) {
  writeFileSync(file, content);
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
