import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseDocument } from 'yaml';
import { findSourceDirectory } from '../prometheus/prometheus-files.js';

/** observability/alertmanager in the sources. */
export const ALERTMANAGER_DIR = findSourceDirectory('observability/alertmanager/alertmanager.yml');
export const ALERTMANAGER_CONFIG_FILE = join(ALERTMANAGER_DIR, 'alertmanager.yml');
/** The alert receiver app's webhook: Alertmanager POSTs its notifications there. */
export const ALERT_RECEIVER_WEBHOOK_PATH = '/alerts';

/** The parts of alertmanager.yml this module and the tests read. */
export interface AlertmanagerConfig {
  route: { receiver: string; group_by: string[]; routes: Array<{ matchers: string[]; receiver: string }> };
  inhibit_rules: Array<{ source_matchers: string[]; target_matchers: string[]; equal: string[] }>;
  receivers: Array<{
    name: string;
    webhook_configs?: Array<{
      url: string;
      send_resolved?: boolean;
      http_config?: { authorization?: { type?: string; credentials_file?: string } };
    }>;
  }>;
}

export interface AlertmanagerConfigOverrides {
  /** Base URL of the alert receiver app, e.g. `http://127.0.0.1:41234`; its webhook is POST `<base>/alerts`. */
  alertReceiverUrl: string;
  /**
   * Absolute path of a file holding the secret the alert receiver expects as `Authorization: Bearer <secret>`.
   * Alertmanager 0.25 reads it at every notification (it expands no environment variables), so the secret stays
   * out of every config file and a rotated secret needs no reload. Absent: webhooks are sent without it.
   */
  webhookCredentialsFile?: string;
}

export function loadAlertmanagerConfig(): AlertmanagerConfig {
  return parseDocument(readFileSync(ALERTMANAGER_CONFIG_FILE, 'utf8')).toJS() as AlertmanagerConfig;
}

/** The committed alertmanager.yml with every webhook pointed at the given receiver (and its secret, if any). */
export function renderAlertmanagerConfig(overrides: AlertmanagerConfigOverrides): string {
  const webhookUrl = new URL(ALERT_RECEIVER_WEBHOOK_PATH, checkedBaseUrl(overrides.alertReceiverUrl)).toString();
  const credentialsFile = overrides.webhookCredentialsFile;
  if (credentialsFile !== undefined && !isAbsolute(credentialsFile)) {
    // A relative path would be resolved against the directory of the RENDERED file, a temporary one.
    throw new Error(`webhookCredentialsFile must be an absolute path, got "${credentialsFile}"`);
  }

  const document = parseDocument(readFileSync(ALERTMANAGER_CONFIG_FILE, 'utf8'));
  const config = document.toJS() as AlertmanagerConfig;
  let webhooks = 0;
  config.receivers.forEach((receiver, receiverIndex) => {
    receiver.webhook_configs?.forEach((_webhook, webhookIndex) => {
      const path = ['receivers', receiverIndex, 'webhook_configs', webhookIndex];
      document.setIn([...path, 'url'], webhookUrl);
      if (credentialsFile !== undefined) {
        document.setIn([...path, 'http_config'], {
          authorization: { type: 'Bearer', credentials_file: credentialsFile },
        });
      }
      webhooks += 1;
    });
  });
  if (webhooks === 0) throw new Error(`${ALERTMANAGER_CONFIG_FILE} has no webhook to point at the alert receiver`);
  return document.toString();
}

/** Writes the rendered configuration as `alertmanager.yml` in `directory` and returns its path. */
export function writeAlertmanagerConfig(directory: string, overrides: AlertmanagerConfigOverrides): string {
  const file = join(directory, 'alertmanager.yml');
  writeFileSync(file, renderAlertmanagerConfig(overrides));
  return file;
}

function checkedBaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`alertReceiverUrl "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`alertReceiverUrl "${url}" must be http(s)`);
  }
  return parsed;
}
