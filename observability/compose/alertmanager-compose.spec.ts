/**
 * The compose Alertmanager loads alertmanager.compose.yml, rendered from the committed alertmanager.yml for the
 * compose network: every webhook points at the alert-receiver service and sends the compose secret as its bearer
 * token, which the receiver requires. Checked here: the file is in step with its source, amtool takes it, and
 * compose wires the secret to both containers by the same path.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeWithBinaries, present, REPO_ROOT } from '@app/testing';
import { ALERTMANAGER_CONFIG_FILE, type AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import {
  COMPOSE_ALERTMANAGER_CONFIG_FILE,
  COMPOSE_WEBHOOK_SECRET,
  readComposeAlertmanagerConfig,
  renderComposeAlertmanagerConfig,
} from '../alertmanager/compose-alertmanager-config.js';
import { containerPortsOf, hostAndPort, hostPathOf, loadComposeProject, mountsOf } from './compose-project.js';

const project = loadComposeProject();
const alertmanager = project.services.alertmanager;
const receiver = project.services['alert-receiver'];
const configMount = present(
  mountsOf(alertmanager).find((mount) => mount.source.endsWith('alertmanager.compose.yml')),
  'a mounted alertmanager.compose.yml',
);

const webhooksOf = (config: AlertmanagerConfig) =>
  config.receivers.flatMap((candidate) => candidate.webhook_configs ?? []);
const committed = parse(readFileSync(ALERTMANAGER_CONFIG_FILE, 'utf8')) as AlertmanagerConfig;
const composed = parse(readComposeAlertmanagerConfig()) as AlertmanagerConfig;

it('is in step with alertmanager.yml (run `npm run generate:compose` after editing it)', () => {
  expect(readComposeAlertmanagerConfig()).toBe(renderComposeAlertmanagerConfig());
});

it('is the file compose mounts, where Alertmanager is told to read it, with clustering off', () => {
  expect(hostPathOf(configMount)).toBe(COMPOSE_ALERTMANAGER_CONFIG_FILE);
  expect(alertmanager.entrypoint).toBeUndefined();
  expect(alertmanager.command).toEqual([
    `--config.file=${configMount.target}`,
    '--storage.path=/alertmanager',
    '--cluster.listen-address=',
  ]);
});

it('sends every webhook to the alert-receiver service, on the port it listens on, and changes nothing else', () => {
  const webhooks = webhooksOf(composed);
  expect(webhooks.length).toBeGreaterThan(0);
  for (const { url } of webhooks) {
    const { host, port } = hostAndPort(url);
    expect({ url, host, portServed: containerPortsOf(receiver).includes(port) }).toEqual({
      url,
      host: 'alert-receiver',
      portServed: true,
    });
  }
  const withoutWebhookWiring = (config: object) =>
    JSON.stringify(config, (key, value: unknown) => (key === 'url' || key === 'http_config' ? undefined : value));
  expect(withoutWebhookWiring(composed)).toBe(withoutWebhookWiring(committed));
  expect(webhooksOf(committed).map(({ url }) => new URL(url).pathname)).toEqual(
    webhooks.map(({ url }) => new URL(url).pathname),
  );
});

describe("the receiver's bearer token", () => {
  const { name, variable, file } = COMPOSE_WEBHOOK_SECRET;

  it('is a compose secret read from a variable of .env, which .env.example asks for, with no value', () => {
    expect((project.secrets as Record<string, unknown> | undefined)?.[name]).toEqual({ environment: variable });
    expect(readFileSync(join(REPO_ROOT, '.env.example'), 'utf8')).toMatch(new RegExp(`^${variable}=$`, 'm'));
  });

  it('is mounted in both containers, and never put in their environment', () => {
    for (const service of [alertmanager, receiver]) {
      expect(service.secrets).toEqual([name]);
      expect(Object.keys(service.environment ?? {})).not.toContain(variable);
    }
  });

  it('is the file every webhook sends and the file the receiver checks', () => {
    expect(`/run/secrets/${name}`).toBe(file);
    expect(receiver.environment?.ALERT_RECEIVER_TOKEN_FILE).toBe(file);
    for (const webhook of webhooksOf(composed)) {
      expect(webhook.http_config).toEqual({ authorization: { type: 'Bearer', credentials_file: file } });
    }
  });
});

describeWithBinaries(['amtool'], 'the configuration the compose Alertmanager loads', ({ amtool }) => {
  it('is valid for amtool', () => {
    const output = execFileSync(amtool, ['check-config', COMPOSE_ALERTMANAGER_CONFIG_FILE], { encoding: 'utf8' });
    expect(output).toContain('SUCCESS');
  });
});
