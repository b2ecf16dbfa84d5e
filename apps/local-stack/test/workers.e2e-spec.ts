import { METRIC_PATHS } from '@app/metrics';
import {
  describeWithBinaries,
  liveWorkerPidsFromLog,
  present,
  scrape,
  startTestStack,
  sumSamples,
  waitFor,
  waitForBothApps,
} from '@app/testing';
import { runTraffic } from '@app/traffic';
import { type LocalStack, type StackApp } from '@app/local-stack';

const K = 200;
/** Each path's request counter for /one: its name and labels in the app's exposition, and its job in Prometheus. */
const COUNTED = {
  'prom-client-app': { name: 'http_requests_total', labels: { http_route: '/one' }, job: METRIC_PATHS.promClient.job },
  'otel-app': {
    name: 'http_server_request_duration_count',
    labels: { http_route: '/one' },
    job: METRIC_PATHS.otel.job,
  },
} as const satisfies Partial<Record<StackApp, unknown>>;
/** The same counters as PromQL selectors. */
const COUNTERS = Object.fromEntries(
  Object.entries(COUNTED).map(([app, { name, labels, job }]) => [
    app,
    `${name}{job="${job}", ${Object.entries(labels)
      .map(([label, value]) => `${label}="${value}"`)
      .join(',')}}`,
  ]),
) as Record<keyof typeof COUNTED, string>;
const APPS = Object.keys(COUNTED) as Array<keyof typeof COUNTED>;

/**
 * The course's Gunicorn examples done right, checked through the real Prometheus: with two workers per app,
 * Prometheus counts every request exactly once on both paths, and a worker killed mid-run is restarted
 * without a false counter reset (which would make increase() jump by a whole counter's worth).
 */
describeWithBinaries(['prometheus', 'alertmanager'], 'live stack: two workers per app', () => {
  let stack: LocalStack;
  // No sample when the query matches no series.
  const query = async (expr: string) => (await stack.prometheus.api.query(expr)).at(0)?.value;
  const appUrl = (app: keyof typeof COUNTED) => (app === 'otel-app' ? stack.urls.otelApp : stack.urls.promClientApp);
  const metricsUrl = (app: keyof typeof COUNTED) =>
    app === 'otel-app' ? stack.urls.otelMetrics : stack.urls.promClientMetrics;
  /** What the app itself counts now, over all its live series. */
  const appCount = async (app: keyof typeof COUNTED) =>
    sumSamples((await scrape(metricsUrl(app))).samples, COUNTED[app].name, COUNTED[app].labels);

  beforeAll(async () => {
    stack = await startTestStack({ WORKERS: '2' });
    await waitForBothApps(stack);
  }, 60_000);

  afterAll(async () => {
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (stack as LocalStack | undefined)?.stop();
  });

  it('counts exactly the requests sent, then survives a killed worker without a false reset', async () => {
    // Several connections, so that the primary hands them to both workers.
    const first = await runTraffic({ targets: APPS.map(appUrl), requests: 2 * K, concurrency: 8, mix: 'one=1' });
    expect(first.byStatus['200']).toBe(2 * K);
    for (const app of APPS) {
      await waitFor(`Prometheus to count ${K} requests on ${app}`, async () =>
        (await query(`sum(${COUNTERS[app]})`)) === K ? true : undefined,
      );
    }

    // Kill one worker of each app while traffic flows; the primaries start new ones.
    const victims = APPS.map((app) => {
      const [pid] = liveWorkerPidsFromLog(present(stack.processes.get(app), `the ${app} process`).logs);
      return { app, pid };
    });
    let underWay: () => void = () => undefined;
    const trafficUnderWay = new Promise<void>((resolve) => (underWay = resolve));
    const second = runTraffic(
      { targets: APPS.map(appUrl), requests: 2 * K, rate: 100, concurrency: 4, mix: 'one=1' },
      { progressIntervalMs: 50, onProgress: ({ sent }) => sent >= K / 2 && underWay() },
    );
    await trafficUnderWay;
    for (const { pid } of victims) process.kill(pid, 'SIGKILL');
    const report = await second;
    for (const { app, pid } of victims) {
      await waitFor(`${app} to replace worker ${pid}`, () => {
        const live = liveWorkerPidsFromLog(present(stack.processes.get(app), `the ${app} process`).logs);
        return live.length === 2 && !live.includes(pid) ? true : undefined;
      });
    }
    // Prometheus has scraped the restarted apps once their counts settled: it holds what they hold.
    for (const app of APPS) {
      const settled = await appCount(app);
      await waitFor(`Prometheus to catch up with ${app}'s own count, ${settled}`, async () =>
        (await query(`sum(${COUNTERS[app]})`)) === settled ? true : undefined,
      );
    }
    const sentPerApp = K + report.sent / 2;

    for (const app of APPS) {
      const counter = COUNTERS[app];
      // No series of either path ever went down: prom-client folds a dead worker's counts into the primary's
      // total, OpenTelemetry gives the new worker new series (another service_instance_id).
      expect({ app, resets: await query(`sum(resets(${counter}[10m]))`) }).toEqual({ app, resets: 0 });
      // Every series' highest value, added up: what Prometheus counted, dead workers included.
      const counted = await query(`sum(max_over_time(${counter}[10m]))`);
      expect(counted).toBeGreaterThanOrEqual(K);
      expect(counted).toBeLessThanOrEqual(sentPerApp);
      // increase() extrapolates at the window's edges, more on the short series of a restarted worker and on
      // the Collector's relayed samples (up to 12 % seen); a false reset would have added a whole counter's worth
      // (K, half of what was sent, or more).
      const increase = (await query(`sum(increase(${counter}[10m]))`)) ?? 0;
      expect(increase).toBeLessThanOrEqual(sentPerApp * 1.25);
    }
  }, 120_000);
});
