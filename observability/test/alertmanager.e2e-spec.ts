import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertmanagerServer } from '@app/local-stack';
import { describeWithBinaries, freePort, waitFor } from '@app/testing';
import { ALERT_RECEIVER_WEBHOOK_PATH, writeAlertmanagerConfig } from '../alertmanager/alertmanager-config.js';

/** One notification as a webhook receiver sees it. */
interface Delivery {
  path: string;
  authorization?: string;
  receiver: string;
  alerts: Array<{ labels: Record<string, string>; status: string }>;
}

/**
 * A real HTTP server that records the webhooks Alertmanager sends. It stands in for the alert receiver app
 * (tested on its own) so that this suite checks what Alertmanager sends: routes, inhibition, the secret.
 */
async function startWebhookSink(port: number): Promise<{ server: Server; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<Delivery, 'path' | 'authorization'>;
      deliveries.push({ path: request.url ?? '', authorization: request.headers.authorization, ...body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, deliveries };
}

const SECRET = 'webhook-secret-for-the-test';

const alert = (labels: Record<string, string>) => ({
  labels,
  annotations: { summary: `test alert ${labels.alertname}` },
  startsAt: new Date().toISOString(),
});

describeWithBinaries(
  ['alertmanager'],
  'Alertmanager running the committed routing, inhibition and webhook secret',
  (paths) => {
    let workDir: string;
    let alertmanager: AlertmanagerServer;
    let sink: Awaited<ReturnType<typeof startWebhookSink>>;

    beforeAll(async () => {
      workDir = mkdtempSync(join(tmpdir(), 'alertmanager-routing-'));
      // With a trailing newline, as an editor saves it: Alertmanager and the receiver both trim it.
      const secretFile = join(workDir, 'alert-receiver.token');
      writeFileSync(secretFile, `${SECRET}\n`, { mode: 0o600 });
      const sinkPort = await freePort();
      sink = await startWebhookSink(sinkPort);
      alertmanager = await AlertmanagerServer.start({
        binary: paths.alertmanager,
        configFile: writeAlertmanagerConfig(workDir, {
          alertReceiverUrl: `http://127.0.0.1:${sinkPort}`,
          webhookCredentialsFile: secretFile,
        }),
        port: await freePort(),
        workDir,
      });
      const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          alert({ alertname: 'HttpServerErrorRatioHigh', severity: 'critical', service: 'tasks-otel' }),
          alert({ alertname: 'HttpServerErrorRatioHigh', severity: 'warning', service: 'tasks-otel' }),
          alert({ alertname: 'HttpServerErrorRatioHigh', severity: 'warning', service: 'tasks-prom-client' }),
          alert({ alertname: 'Watchdog', severity: 'none' }),
        ]),
      });
      if (!response.ok) throw new Error(`posting alerts answered ${response.status}: ${await response.text()}`);
    });

    afterAll(async () => {
      // Unset when beforeAll failed before starting it: afterAll runs all the same.
      await (alertmanager as AlertmanagerServer | undefined)?.stop();
      const started = sink as typeof sink | undefined;
      await new Promise((resolve) => started?.server.close(resolve));
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    const deliveredTo = (receiver: string) =>
      waitFor(
        `a notification to ${receiver}`,
        () => sink.deliveries.find((delivery) => delivery.receiver === receiver),
        { timeoutMs: 30_000, intervalMs: 200 },
      );

    it('sends critical alerts to the critical receiver, with the shared secret as a bearer token', async () => {
      const delivery = await deliveredTo('alert-receiver-critical');
      expect(delivery.path).toBe(ALERT_RECEIVER_WEBHOOK_PATH);
      expect(delivery.authorization).toBe(`Bearer ${SECRET}`);
      expect(delivery.alerts.map((a) => a.labels)).toEqual([
        expect.objectContaining({
          alertname: 'HttpServerErrorRatioHigh',
          severity: 'critical',
          service: 'tasks-otel',
        }),
      ]);
    });

    it('sends warnings to the warning receiver, minus the one its critical twin inhibits', async () => {
      await deliveredTo('alert-receiver-warning');
      // Alertmanager never sends an alert it holds as inhibited: once it says so, its absence below is for good.
      await waitFor('the warning twin of the critical alert held as inhibited', async () => {
        const alerts = await alertmanager.api.alerts();
        const twin = alerts.find((a) => a.labels.severity === 'warning' && a.labels.service === 'tasks-otel');
        return (twin?.status.inhibitedBy.length ?? 0) > 0 ? true : undefined;
      });
      const deliveries = sink.deliveries.filter((delivery) => delivery.receiver === 'alert-receiver-warning');
      expect(deliveries.map((delivery) => delivery.authorization)).toEqual([`Bearer ${SECRET}`]);
      expect(deliveries.flatMap((delivery) => delivery.alerts.map((a) => a.labels))).toEqual([
        expect.objectContaining({ severity: 'warning', service: 'tasks-prom-client' }),
      ]);
    });

    it('marks the inhibited warning as suppressed by the critical alert of the same name and service', async () => {
      const alerts = await alertmanager.api.alerts();
      const find = (severity: string, service: string) =>
        alerts.find((a) => a.labels.severity === severity && a.labels.service === service);
      const critical = find('critical', 'tasks-otel');
      expect(find('warning', 'tasks-otel')?.status).toMatchObject({
        state: 'suppressed',
        inhibitedBy: [critical?.fingerprint],
      });
      expect(find('warning', 'tasks-prom-client')?.status).toMatchObject({ state: 'active', inhibitedBy: [] });
    });

    it('keeps the Watchdog off the webhook (its route has no integration)', async () => {
      // Its route waits 0 s, so by the time the others arrived (after 5 and 10 s) it would have been sent.
      await deliveredTo('alert-receiver-warning');
      const watchdogs = sink.deliveries.filter((delivery) =>
        delivery.alerts.some((a) => a.labels.alertname === 'Watchdog'),
      );
      expect(watchdogs).toEqual([]);
      const alerts = await alertmanager.api.alerts();
      expect(alerts.find((a) => a.labels.alertname === 'Watchdog')?.receivers).toEqual([
        { name: 'watchdog-heartbeat' },
      ]);
    });
  },
);
