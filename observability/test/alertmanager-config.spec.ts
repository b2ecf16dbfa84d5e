import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeWithBinaries } from '@app/testing';
import {
  ALERT_RECEIVER_WEBHOOK_PATH,
  loadAlertmanagerConfig,
  renderAlertmanagerConfig,
  writeAlertmanagerConfig,
  type AlertmanagerConfig,
} from '../alertmanager/alertmanager-config.js';
import { expectSuccess, runTool } from '@app/testing';

const webhooks = (config: AlertmanagerConfig) => config.receivers.flatMap((receiver) => receiver.webhook_configs ?? []);

describe('alertmanager.yml', () => {
  const config = loadAlertmanagerConfig();

  it('sends every webhook to the alert receiver app on its default port, resolved alerts included', () => {
    expect(webhooks(config).length).toBeGreaterThan(0);
    for (const webhook of webhooks(config)) {
      expect(webhook).toEqual({ url: `http://127.0.0.1:8082${ALERT_RECEIVER_WEBHOOK_PATH}`, send_resolved: true });
    }
  });

  it('holds no secret: the shared secret is added at render time, as a file', () => {
    expect(webhooks(config).some((webhook) => webhook.http_config !== undefined)).toBe(false);
  });

  it('groups by alert name and service, and lets a critical alert inhibit its warning twin', () => {
    expect(config.route.group_by).toEqual(['alertname', 'service']);
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['alertname', 'service'],
      },
    ]);
  });
});

describe('renderAlertmanagerConfig', () => {
  it('points every webhook at the given receiver', () => {
    const config = parse(
      renderAlertmanagerConfig({ alertReceiverUrl: 'http://127.0.0.1:45678' }),
    ) as AlertmanagerConfig;
    expect(webhooks(config).map((webhook) => webhook.url)).toEqual(
      webhooks(loadAlertmanagerConfig()).map(() => 'http://127.0.0.1:45678/alerts'),
    );
    expect(webhooks(config).some((webhook) => webhook.http_config !== undefined)).toBe(false);
  });

  it('adds the secret file as a bearer credential to every webhook', () => {
    const config = parse(
      renderAlertmanagerConfig({
        alertReceiverUrl: 'http://127.0.0.1:45678',
        webhookCredentialsFile: '/run/secrets/token',
      }),
    ) as AlertmanagerConfig;
    for (const webhook of webhooks(config)) {
      expect(webhook.http_config).toEqual({
        authorization: { type: 'Bearer', credentials_file: '/run/secrets/token' },
      });
    }
  });

  it.each([
    [{ alertReceiverUrl: '127.0.0.1:8082' }, 'alertReceiverUrl'],
    [{ alertReceiverUrl: 'ftp://127.0.0.1:8082' }, 'must be http(s)'],
    [{ alertReceiverUrl: 'http://127.0.0.1:8082', webhookCredentialsFile: 'token' }, 'absolute path'],
  ])('rejects a bad override, naming it (%#)', (overrides, message) => {
    expect(() => renderAlertmanagerConfig(overrides)).toThrow(message);
  });
});

describeWithBinaries(['amtool'], 'the rendered Alertmanager configuration in amtool', ({ amtool }) => {
  it('passes amtool check-config with the secret file', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'alertmanager-config-'));
    try {
      const secretFile = join(workDir, 'token');
      writeFileSync(secretFile, 'secret\n', { mode: 0o600 });
      const file = writeAlertmanagerConfig(workDir, {
        alertReceiverUrl: 'http://127.0.0.1:45678',
        webhookCredentialsFile: secretFile,
      });
      expectSuccess(await runTool(amtool, ['check-config', file]), 'amtool check-config (rendered)');
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
