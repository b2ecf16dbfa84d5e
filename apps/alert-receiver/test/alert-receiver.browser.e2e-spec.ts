import {
  describeWithBinaries,
  freePort,
  readFiringAlerts,
  startBuiltApp,
  type StartedApp,
  waitForFiringAlert,
} from '@app/testing';
import { webhookPayload } from './fixtures/alertmanager-payloads.js';

/** The page as a person sees it, in headless Chromium: the firing alerts, legible, and nothing else. */
const SCREENSHOT_PATH = '/tmp/alert-receiver.png';

describeWithBinaries(['chromium'], 'alert receiver page in Chromium', ({ chromium }) => {
  let app: StartedApp;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = await startBuiltApp('alert-receiver', { PORT: String(port), HOST: '127.0.0.1' }, `${baseUrl}/health`);
    const notifications = [
      webhookPayload([
        {
          alertname: 'HighErrorRate',
          severity: 'critical',
          service: 'tasks-otel',
          summary: 'More than 5% of requests fail with 5xx',
          description: 'tasks-otel answered 12.4% of its requests with a 5xx over the last 5 minutes.',
          labels: { job: 'otel-app', instrumentation: 'otel' },
          startsAt: new Date(Date.now() - 7 * 60_000).toISOString(),
        },
      ]),
      webhookPayload([
        {
          alertname: 'HighLatencyP95',
          severity: 'warning',
          service: 'tasks-prom-client',
          summary: 'p95 latency above 1 s on <four>',
          description: 'The 95th percentile of /four has been above 1 s for 10 minutes.',
          labels: { job: 'prom-client-app', route: '/four' },
          startsAt: new Date(Date.now() - 2 * 60_000).toISOString(),
        },
      ]),
      webhookPayload([
        {
          alertname: 'TargetDown',
          severity: 'critical',
          summary: 'A scrape target went away',
          status: 'resolved',
          labels: { job: 'otel-app' },
          endsAt: new Date(Date.now() - 60_000).toISOString(),
        },
      ]),
    ];
    for (const body of notifications) {
      const response = await fetch(`${baseUrl}/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`seeding answered ${response.status}: ${await response.text()}`);
    }
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (app as StartedApp | undefined)?.stop();
  });

  it('shows the firing alerts, most severe first, with their summary, and not the resolved one', async () => {
    const alerts = await readFiringAlerts(baseUrl, { executablePath: chromium, screenshotPath: SCREENSHOT_PATH });
    expect(alerts.map((alert) => alert.alertname)).toEqual(['HighErrorRate', 'HighLatencyP95']);
    expect(alerts[0]).toMatchObject({
      severity: 'CRITICAL', // the badge is upper-cased by CSS: innerText is what a reader sees
      summary: 'More than 5% of requests fail with 5xx',
      description: 'tasks-otel answered 12.4% of its requests with a 5xx over the last 5 minutes.',
      labels: ['instrumentation="otel"', 'job="otel-app"', 'service="tasks-otel"'],
    });
    expect(alerts[0].since).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    // Escaped markup is shown as text, not interpreted.
    expect(alerts[1].summary).toBe('p95 latency above 1 s on <four>');
  });

  it('sees an alert that arrives while it watches', async () => {
    setTimeout(() => {
      void fetch(`${baseUrl}/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookPayload([{ alertname: 'LateArrival', severity: 'info', summary: 'Arrived late' }])),
      });
    }, 1_500);
    const alert = await waitForFiringAlert(baseUrl, 'LateArrival', {
      executablePath: chromium,
      waitMs: 20_000,
      intervalMs: 500,
    });
    expect(alert.summary).toBe('Arrived late');
  });
});
