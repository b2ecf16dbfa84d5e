import { expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeWithBinaries,
  freePort,
  ManagedProcess,
  scrape,
  startBuiltApp,
  type StartedApp,
  sumSamples,
  waitFor,
  waitForHttpOk,
} from '@app/testing';

/**
 * A real Alertmanager delivering to the compiled receiver: the validator must accept what Alertmanager
 * really sends (firing, then resolved), with the bearer token read from one file by both sides. A
 * second webhook with a wrong token shows that a misconfigured sender is refused and counted.
 */
describeWithBinaries(['alertmanager'], 'alert receiver fed by a real Alertmanager', (binaries) => {
  const ALERTNAME = 'ReceiverRoundTrip';
  let workDir: string;
  let receiver: StartedApp;
  let alertmanager: ManagedProcess;
  let receiverUrl: string;
  let alertmanagerUrl: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'alert-receiver-am-'));
    const tokenFile = join(workDir, 'receiver-token');
    writeFileSync(tokenFile, 'round-trip-secret\n');
    writeFileSync(join(workDir, 'wrong-token'), 'not-the-secret\n');
    const [receiverPort, alertmanagerPort] = [await freePort(), await freePort()];
    receiverUrl = `http://127.0.0.1:${receiverPort}`;
    alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
    receiver = await startBuiltApp(
      'alert-receiver',
      { PORT: String(receiverPort), HOST: '127.0.0.1', ALERT_RECEIVER_TOKEN_FILE: tokenFile },
      `${receiverUrl}/health`,
    );
    writeFileSync(join(workDir, 'alertmanager.yml'), alertmanagerConfig(`${receiverUrl}/alerts`, workDir));
    alertmanager = new ManagedProcess({
      name: 'alertmanager',
      command: binaries.alertmanager,
      args: [
        `--config.file=${join(workDir, 'alertmanager.yml')}`,
        `--storage.path=${join(workDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
        '--cluster.listen-address=',
      ],
    });
    try {
      await waitForHttpOk(`${alertmanagerUrl}/-/ready`, 20_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- alertmanager ---\n${alertmanager.logs}`);
    }
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (alertmanager as ManagedProcess | undefined)?.stop();
    await (receiver as StartedApp | undefined)?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function sendToAlertmanager(endsAt?: string): Promise<void> {
    const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          labels: { alertname: ALERTNAME, severity: 'warning', service: 'alert-receiver-e2e' },
          annotations: { summary: 'Round trip through Alertmanager', description: 'Posted by the e2e test.' },
          generatorURL: 'http://prometheus.invalid/graph',
          ...(endsAt === undefined ? {} : { endsAt }),
        },
      ]),
    });
    if (!response.ok) throw new Error(`Alertmanager answered ${response.status}: ${await response.text()}`);
  }

  async function stateOfRoundTripAlert(): Promise<Record<string, unknown> | undefined> {
    const body = (await (await fetch(`${receiverUrl}/alerts`)).json()) as { alerts: Array<Record<string, unknown>> };
    return body.alerts.find((alert) => alert.alertname === ALERTNAME);
  }

  const logsOfBoth = () => `--- receiver ---\n${receiver.process.logs}\n--- alertmanager ---\n${alertmanager.logs}`;

  it('receives the firing alert, then its resolution', async () => {
    await sendToAlertmanager();
    const firing = await waitFor('the firing notification', async () => {
      const state = await stateOfRoundTripAlert();
      return state?.status === 'firing' ? state : undefined;
    }).catch((error: unknown) => Promise.reject(new Error(`${(error as Error).message}\n${logsOfBoth()}`)));
    expect(firing).toMatchObject({
      severity: 'warning',
      summary: 'Round trip through Alertmanager',
      receiver: 'alert-receiver',
      endsAt: null,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    await sendToAlertmanager(new Date().toISOString());
    const resolved = await waitFor('the resolved notification', async () => {
      const state = await stateOfRoundTripAlert();
      return state?.status === 'resolved' ? state : undefined;
    }).catch((error: unknown) => Promise.reject(new Error(`${(error as Error).message}\n${logsOfBoth()}`)));
    expect(resolved.fingerprint).toBe(firing.fingerprint);
    expect(resolved.endsAt).not.toBeNull();

    const { samples } = await scrape(`${receiverUrl}/metrics`);
    expect(sumSamples(samples, 'alert_receiver_notifications_total', { status: 'firing' })).toBeGreaterThanOrEqual(1);
    expect(sumSamples(samples, 'alert_receiver_notifications_total', { status: 'resolved' })).toBeGreaterThanOrEqual(1);
    expect(sumSamples(samples, 'alert_receiver_rejected_requests_total', { reason: 'invalid_payload' })).toBe(0);
  });

  it('refuses, and counts, the webhook that carries the wrong token', async () => {
    await waitFor('a refused delivery to be counted', async () => {
      const { samples } = await scrape(`${receiverUrl}/metrics`);
      return sumSamples(samples, 'alert_receiver_rejected_requests_total', { reason: 'unauthorized' }) > 0
        ? true
        : undefined;
    });
  });
});

/** Every notification goes to the right receiver and, through `continue`, to one with a wrong token. */
function alertmanagerConfig(webhookUrl: string, workDir: string): string {
  return `
route:
  receiver: alert-receiver
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
  routes:
    - receiver: alert-receiver
      continue: true
    - receiver: wrong-token
receivers:
  - name: alert-receiver
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
        http_config:
          authorization:
            credentials_file: ${join(workDir, 'receiver-token')}
  - name: wrong-token
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
        http_config:
          authorization:
            credentials_file: ${join(workDir, 'wrong-token')}
`;
}
