/** `npm run generate:alertmanager`: writes alertmanager.compose.yml from alertmanager.yml. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { COMPOSE_ALERTMANAGER_CONFIG_FILE, renderComposeAlertmanagerConfig } from './compose-alertmanager-config.js';

writeFileSync(COMPOSE_ALERTMANAGER_CONFIG_FILE, renderComposeAlertmanagerConfig());
process.stdout.write(`wrote ${relative(process.cwd(), COMPOSE_ALERTMANAGER_CONFIG_FILE)}\n`);
