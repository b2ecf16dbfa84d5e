/**
 * `npm run dashboards`: writes the generated dashboards to observability/grafana/dashboards/. Commit the
 * result; `dashboards.spec.ts` fails while the committed JSON differs from what this produces.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDashboard, DASHBOARDS_DIR, GENERATED_DASHBOARDS, renderDashboard } from './dashboards.js';

mkdirSync(DASHBOARDS_DIR, { recursive: true });
for (const generated of GENERATED_DASHBOARDS) {
  const file = join(DASHBOARDS_DIR, generated.file);
  writeFileSync(file, renderDashboard(buildDashboard(generated)));
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
