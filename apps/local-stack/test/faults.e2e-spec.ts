/**
 * Faults in the stack, made on purpose on the real stack (the compiled apps, Prometheus, Alertmanager, the alert
 * receiver): a monitoring setup must keep working when things go wrong, which is when people look at it.
 *
 * The steps run in order on one stack, each from where the last one left it:
 * 1. Prometheus stopped: the apps serve as before; restarted, it scrapes them again and loses no count.
 * 2. Alertmanager stopped while an alert starts firing (the prom-client app stopped: TargetDown): once it is back,
 *    Prometheus' re-sends reach it and the receiver is notified.
 * 3. The alert receiver stopped while that alert resolves: its store is in memory and starts empty, but
 *    Alertmanager retries the notification it could not deliver, and the restarted receiver gets it.
 * 4. A component that dies by itself (SIGKILL) is restarted by the stack, which says so: what the demo does.
 */
import { METRIC_PATHS, PROM_CLIENT_HTTP_METRICS } from '@app/metrics';
import type { LocalStack } from '@app/local-stack';
import { describeWithBinaries, present, requestEach, startTestStack, waitFor } from '@app/testing';

interface ReceivedAlert {
  readonly alertname: string;
  readonly status: 'firing' | 'resolved';
  readonly labels: Readonly<Record<string, string>>;
}

const PROM_CLIENT_JOB = METRIC_PATHS.promClient.job;
const APP_JOBS = `${METRIC_PATHS.otel.job}|${PROM_CLIENT_JOB}`;
/** Every alert's `for:` is cut to this here (TargetDown's is 1m): its promtool tests prove the real one. */
const FOR_AT_MOST = '5s';
const TARGET_DOWN_FIRES_WITHIN_MS = 30_000;

async function receivedAlerts(stack: LocalStack): Promise<ReceivedAlert[]> {
  const response = await fetch(`${stack.urls.alertReceiver}/alerts`);
  if (!response.ok) throw new Error(`the receiver answered ${response.status}`);
  return ((await response.json()) as { alerts: ReceivedAlert[] }).alerts;
}

const targetDownOf = (alerts: readonly ReceivedAlert[]) =>
  alerts.find((alert) => alert.alertname === 'TargetDown' && alert.labels.job === PROM_CLIENT_JOB);

/** The value of an instant query that returns one sample (or undefined while it returns none). */
async function scalar(stack: LocalStack, query: string): Promise<number | undefined> {
  return (await stack.prometheus.api.query(query)).at(0)?.value;
}

describeWithBinaries(['prometheus', 'alertmanager'], 'the stack under faults, in order', () => {
  let stack: LocalStack;
  const lines: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({}, { alertForAtMost: FOR_AT_MOST });
    await waitFor('a first scrape of both apps', async () =>
      (await scalar(stack, `sum(up{job=~"${APP_JOBS}"})`)) === 2 ? true : undefined,
    );
  });

  afterAll(() => (stack as LocalStack | undefined)?.stop());

  it('1. Prometheus stopped: the apps serve as before; restarted, it scrapes them again with no count lost', async () => {
    const requests = `sum(${PROM_CLIENT_HTTP_METRICS.requests.name}{job="${PROM_CLIENT_JOB}"})`;
    await requestEach([stack.urls.promClientApp], ['/one'], 5);
    const before = await waitFor('the first requests scraped', async () => {
      const value = await scalar(stack, requests);
      return value !== undefined && value >= 5 ? value : undefined;
    });
    await stack.stopComponent('prometheus');
    const during = await requestEach([stack.urls.otelApp, stack.urls.promClientApp], ['/one', '/error'], 5);
    expect(during).toBe(20);
    expect((await fetch(stack.urls.promClientMetrics)).status).toBe(200);
    expect((await fetch(stack.urls.otelMetrics)).status).toBe(200);

    await stack.startComponent('prometheus');
    await waitFor(
      'both apps scraped again, with the requests made while Prometheus was down',
      async () => {
        const up = await scalar(stack, `sum(up{job=~"${APP_JOBS}"})`);
        const total = await scalar(stack, requests);
        return up === 2 && total !== undefined && total >= before + 10 ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );
  });

  it('2. Alertmanager stopped while an alert starts firing: the receiver is notified once it is back', async () => {
    await stack.stopComponent('alertmanager');
    await stack.stopComponent('prom-client-app');
    await waitFor(
      'TargetDown firing in Prometheus, with no Alertmanager to send it to',
      async () =>
        (await stack.prometheus.api.firingAlerts()).some(
          (alert) => alert.labels.alertname === 'TargetDown' && alert.labels.job === PROM_CLIENT_JOB,
        )
          ? true
          : undefined,
      { timeoutMs: TARGET_DOWN_FIRES_WITHIN_MS, intervalMs: 1_000 },
    );
    expect(targetDownOf(await receivedAlerts(stack))).toBeUndefined();

    await stack.startComponent('alertmanager');
    const received = await waitFor(
      'TargetDown at the receiver',
      async () => targetDownOf(await receivedAlerts(stack)),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(received.status).toBe('firing');
  }, 200_000);

  it("3. the receiver stopped while the alert resolves: Alertmanager's retries deliver it to the restarted one", async () => {
    await stack.stopComponent('alert-receiver');
    await stack.startComponent('prom-client-app');
    // Alertmanager has tried to send the resolution (at the group's next interval, 1m at most), and failed: the
    // receiver was down. Each attempt counts, the retries too.
    await waitFor(
      'a failed attempt to notify the receiver',
      async () => {
        const failed = await scalar(
          stack,
          'sum(alertmanager_notification_requests_failed_total{integration="webhook"})',
        );
        return failed !== undefined && failed > 0 ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    await stack.startComponent('alert-receiver');
    // The store is in memory: the restarted receiver knows nothing of what came before.
    const resolved = await waitFor(
      'the resolved TargetDown at the restarted receiver',
      async () => {
        const alert = targetDownOf(await receivedAlerts(stack));
        return alert?.status === 'resolved' ? alert : undefined;
      },
      // Alertmanager retries within the flush, then at the group's next interval (1m).
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    expect(resolved.labels.job).toBe(PROM_CLIENT_JOB);
  }, 200_000);

  it('4. a component that dies by itself is restarted, and the stack says so', async () => {
    stack.keepRunning({
      log: (line) => lines.push(line),
      onGiveUp: (component) => lines.push(`gave up: ${component}`),
    });
    const victim = present(stack.processes.get('prom-client-app')?.pid, 'the prom-client app pid');
    process.kill(victim, 'SIGKILL');
    await waitFor(
      'the restart',
      () => (lines.some((line) => /prom-client-app restarted/.test(line)) ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    expect(lines.join('\n')).toMatch(/prom-client-app was killed.*: restarting it in \d+ ms/);
    expect(stack.processes.get('prom-client-app')?.pid).not.toBe(victim);
    const restartedAt = Date.now() / 1000;
    await waitFor('the restarted app scraped', async () => {
      const scrapedAt = await scalar(stack, `timestamp(up{job="${PROM_CLIENT_JOB}"} == 1)`);
      return scrapedAt !== undefined && scrapedAt > restartedAt ? true : undefined;
    });
    expect(lines.filter((line) => line.startsWith('gave up'))).toEqual([]);
  });
});
