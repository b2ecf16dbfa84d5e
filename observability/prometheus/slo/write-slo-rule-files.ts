import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderSloRuleFiles } from './slo-rule-files.js';

/**
 * Writes the generated SLO rule files (`npm run generate:slo-rules`). Run it after changing AVAILABILITY_SLO,
 * the burn-rate windows or the recording-rule names; commit the result.
 */
for (const [file, content] of Object.entries(renderSloRuleFiles())) {
  writeFileSync(file, content);
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
