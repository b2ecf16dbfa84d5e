import {
  describeWithBinaries,
  freePort,
  readFiringAlerts,
  startBuiltApp,
  type StartedApp,
  waitForFiringAlert,
} from '@app/testing';
import { type AlertSpec, webhookPayload } from './fixtures/alertmanager-payloads.js';

/** The page as a person sees it, in headless Chromium: the firing alerts, legible, and nothing else. */
const SCREENSHOT_PATH = '/tmp/alert-receiver.png';

/**
 * Critical, firing for 7 minutes: first on the page though older, severity before recency. Its labels (service
 * among them) as its card must list them.
 */
const ERROR_RATE = {
  alertname: 'HighErrorRate',
  severity: 'critical',
  summary: 'More than 5% of requests fail with 5xx',
  description: 'tasks-otel answered 12.4% of its requests with a 5xx over the last 5 minutes.',
  labels: { instrumentation: 'otel', job: 'tasks-otel', service: 'tasks-otel' },
} satisfies AlertSpec;

/** A warning, firing for 2 minutes: second. Its summary holds markup, which the page must show as text. */
const SLOW_ROUTE = {
  alertname: 'HighLatencyP95',
  severity: 'warning',
  service: 'tasks-prom-client',
  summary: 'p95 latency above 1 s on <four>',
  description: 'The 95th percentile of /four has been above 1 s for 10 minutes.',
  labels: { job: 'prom-client-app', http_route: '/four' },
} satisfies AlertSpec;

/** Resolved a minute ago: not among the firing alerts. */
const RESOLVED = {
  alertname: 'TargetDown',
  severity: 'critical',
  summary: 'A scrape target went away',
  status: 'resolved',
  labels: { job: 'tasks-otel' },
} satisfies AlertSpec;

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

describeWithBinaries(['chromium'], 'alert receiver page in Chromium', ({ chromium }) => {
  let app: StartedApp;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = await startBuiltApp('alert-receiver', { PORT: String(port), HOST: '127.0.0.1' }, `${baseUrl}/health`);
    // Each in a notification of its own, as Alertmanager groups by alertname.
    const notifications = [
      webhookPayload([{ ...ERROR_RATE, startsAt: minutesAgo(7) }]),
      webhookPayload([{ ...SLOW_ROUTE, startsAt: minutesAgo(2) }]),
      webhookPayload([{ ...RESOLVED, endsAt: minutesAgo(1) }]),
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
    expect(alerts.map((alert) => alert.alertname)).toEqual([ERROR_RATE.alertname, SLOW_ROUTE.alertname]);
    expect(alerts[0]).toMatchObject({
      severity: 'CRITICAL', // the badge is upper-cased by CSS: innerText is what a reader sees
      summary: ERROR_RATE.summary,
      description: ERROR_RATE.description,
      labels: ['instrumentation="otel"', 'job="tasks-otel"', 'service="tasks-otel"'],
    });
    expect(alerts[0].since).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    // Escaped markup is shown as text, not interpreted.
    expect(alerts[1].summary).toBe(SLOW_ROUTE.summary);
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
