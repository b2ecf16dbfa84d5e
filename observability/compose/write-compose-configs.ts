/** `npm run generate:compose`: writes the compose configurations of Prometheus and Alertmanager from the local ones. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  COMPOSE_ALERTMANAGER_CONFIG_FILE,
  renderComposeAlertmanagerConfig,
} from '../alertmanager/compose-alertmanager-config.js';
import {
  COMPOSE_PROMETHEUS_CONFIG_FILE,
  renderComposePrometheusConfig,
} from '../prometheus/compose-prometheus-config.js';

for (const [file, render] of [
  [COMPOSE_ALERTMANAGER_CONFIG_FILE, renderComposeAlertmanagerConfig],
  [COMPOSE_PROMETHEUS_CONFIG_FILE, renderComposePrometheusConfig],
] as const) {
  writeFileSync(file, render());
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
