import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERTMANAGER_DIR, renderAlertmanagerConfig } from './alertmanager-config.js';

/** What the compose Alertmanager loads: the committed alertmanager.yml, rendered for the compose network. */
export const COMPOSE_ALERTMANAGER_CONFIG_FILE = join(ALERTMANAGER_DIR, 'alertmanager.compose.yml');

/**
 * The alert receiver's shared secret in compose: a compose secret (read from the ALERT_RECEIVER_TOKEN variable of
 * `.env`), mounted as a file in both containers. The receiver reads it through ALERT_RECEIVER_TOKEN_FILE,
 * Alertmanager at every notification through `credentials_file`: it never sits in a configuration file or in
 * either container's environment.
 */
export const COMPOSE_WEBHOOK_SECRET = {
  name: 'alert_receiver_token',
  variable: 'ALERT_RECEIVER_TOKEN',
  file: '/run/secrets/alert_receiver_token',
} as const;

/** The alert receiver as the compose network names it: its service, on the port it listens on. */
export const COMPOSE_ALERT_RECEIVER_URL = 'http://alert-receiver:8082';

const HEADER = `# GENERATED from alertmanager.yml by \`npm run generate:compose\`: edit that file, then run it.
# The compose Alertmanager's configuration: every webhook points at the alert-receiver service and sends the
# compose secret ${COMPOSE_WEBHOOK_SECRET.name} as its bearer token; everything else is alertmanager.yml as committed.
`;

export function renderComposeAlertmanagerConfig(): string {
  return (
    HEADER +
    renderAlertmanagerConfig({
      alertReceiverUrl: COMPOSE_ALERT_RECEIVER_URL,
      webhookCredentialsFile: COMPOSE_WEBHOOK_SECRET.file,
    })
  );
}

/** The committed compose configuration, as it is on disk. */
export function readComposeAlertmanagerConfig(): string {
  return readFileSync(COMPOSE_ALERTMANAGER_CONFIG_FILE, 'utf8');
}
