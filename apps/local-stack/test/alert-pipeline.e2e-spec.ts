import { METRIC_PATHS, RUNBOOKS_PAGE } from '@app/metrics';
import { describeWithBinaries, readFiringAlerts, startTestStack, waitFor } from '@app/testing';
import { runTraffic } from '@app/traffic';
import type { LocalStack } from '@app/local-stack';

const ALERT = 'HttpErrorBudgetBurn';
const SERVICES = [METRIC_PATHS.otel.service, METRIC_PATHS.promClient.service];
const FOR_AT_MOST = '10s';

interface ReceiverAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
}

/**
 * The whole alerting pipeline, with the committed rules: a real 5xx ratio makes the fast error-budget burn alert fire
 * in Prometheus, reach Alertmanager, arrive at the receiver app and show on its page in a real browser; then errors
 * stop and it resolves, all the way to the receiver. The alert's `for:` (2 min) is cut to FOR_AT_MOST here, and only
 * here: its promtool tests prove that it fires after its real duration and not before.
 */
describeWithBinaries(['prometheus', 'alertmanager', 'chromium'], 'live stack: alert pipeline', () => {
  let stack: LocalStack;
  const background = new AbortController();

  beforeAll(async () => {
    stack = await startTestStack({}, { alertForAtMost: FOR_AT_MOST });
  }, 60_000);

  afterAll(async () => {
    background.abort();
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (stack as LocalStack | undefined)?.stop();
  });

  const receiverAlerts = async (): Promise<ReceiverAlert[]> => {
    const response = await fetch(`${stack.urls.alertReceiver}/alerts`);
    return ((await response.json()) as { alerts: ReceiverAlert[] }).alerts.filter(
      (alert) => alert.labels.alertname === ALERT,
    );
  };

  it(
    'fires on a high 5xx ratio on both paths, reaches the receiver, and resolves once errors stop',
    async () => {
      // The shared secret is on: a webhook without it is refused, so alerts that arrive came through Alertmanager.
      const anonymous = await fetch(`${stack.urls.alertReceiver}/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(anonymous.status).toBe(401);

      const targets = [stack.urls.otelApp, stack.urls.promClientApp];
      // 30% of /sample-signals answer 500: twice the fast burn threshold (14.4%), for as long as the test needs.
      const errors = runTraffic(
        { targets, durationSeconds: 300, rate: 40, concurrency: 4, mix: 'sample-signals=1', taskWeights: '70,0,30' },
        { signal: background.signal },
      );

      const firing = await waitFor(
        `${ALERT} firing in Prometheus for both services`,
        async () => {
          const alerts = (await stack.prometheus.api.firingAlerts()).filter(
            (alert) => alert.labels.alertname === ALERT,
          );
          const services = alerts.map((alert) => alert.labels.service).sort();
          return services.join() === [...SERVICES].sort().join() ? alerts : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 1_000 },
      );
      expect(firing.map((alert) => alert.labels.severity)).toEqual(['critical', 'critical']);
      expect(firing[0].annotations.runbook_url).toBe(`${RUNBOOKS_PAGE.url}#httperrorbudgetburn`);
      expect(firing[0].annotations.description).toMatch(/\d+(\.\d+)?% of the requests/);

      const inAlertmanager = await waitFor(`${ALERT} active in Alertmanager`, async () => {
        const alerts = (await stack.alertmanager.api.alerts()).filter((alert) => alert.labels.alertname === ALERT);
        return alerts.length === SERVICES.length && alerts.every((alert) => alert.status.state === 'active')
          ? alerts
          : undefined;
      });
      expect(inAlertmanager.flatMap((alert) => alert.receivers.map((receiver) => receiver.name))).toEqual([
        'alert-receiver-critical',
        'alert-receiver-critical',
      ]);
      // Its source link opens the query page of this Prometheus, at the address the student reaches it at.
      const [{ generatorURL }] = inAlertmanager;
      expect(generatorURL.startsWith(`${stack.urls.prometheus}/graph?`)).toBe(true);
      const source = await fetch(generatorURL);
      expect({ status: source.status, type: source.headers.get('content-type') }).toEqual({
        status: 200,
        type: 'text/html; charset=utf-8',
      });

      await waitFor(
        `${ALERT} firing at the receiver`,
        async () =>
          (await receiverAlerts()).filter((alert) => alert.status === 'firing').length === 2 ? true : undefined,
        { timeoutMs: 30_000, intervalMs: 1_000 },
      );
      const onPage = await readFiringAlerts(stack.urls.alertReceiver);
      const servicesOnPage = onPage
        .filter((alert) => alert.alertname === ALERT)
        .flatMap((alert) => alert.labels.filter((label) => label.startsWith('service=')))
        .sort();
      expect(servicesOnPage).toEqual([...SERVICES].sort().map((service) => `service="${service}"`));

      // Errors stop; a burst of successes brings the 5-minute error ratio under the threshold.
      background.abort();
      await errors;
      await runTraffic({ targets, durationSeconds: 30, concurrency: 16, mix: 'one=1' });

      await waitFor(
        `${ALERT} resolved in Prometheus`,
        async () => {
          const alerts = (await stack.prometheus.api.firingAlerts()).filter(
            (alert) => alert.labels.alertname === ALERT,
          );
          return alerts.length === 0 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      // Alertmanager sends the resolved notification at the group's next interval (1 min).
      await waitFor(
        `${ALERT} resolved at the receiver`,
        async () => {
          const alerts = await receiverAlerts();
          return alerts.length === 2 && alerts.every((alert) => alert.status === 'resolved') ? true : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 2_000 },
      );
    },
    8 * 60_000,
  );
});
