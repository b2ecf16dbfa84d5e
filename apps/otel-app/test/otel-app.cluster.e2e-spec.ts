/**
 * The OpenTelemetry app run as a cluster (WORKERS=3), compiled, as in production. Each worker has its
 * own SDK and instance id; the primary serves METRICS_PORT with the workers' expositions merged. Every
 * request is counted exactly once, by the worker that served it, and a killed worker's replacement
 * starts new series instead of resetting old ones. Needs `npm run build` first (`npm test` does it).
 */
import { OTEL_HTTP_METRICS, TASKS_METRICS } from '@app/metrics';
import { HEALTH_PATH } from '@app/tasks';
import {
  builtEntry,
  cluster,
  freePort,
  getOnNewConnection,
  isAlive,
  logContains,
  ManagedProcess,
  REPO_ROOT,
  requireBinaries,
  scrape,
  selectSamples,
  sumSamples,
  type Sample,
  type StartedApp,
} from '@app/testing';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { otelAppEnv } from './fixtures/otel-app-env.js';
import { attributesOf, type OtlpMetricsRequest, startOtlpReceiver } from './fixtures/otlp-receiver.js';

const APP = 'otel-app';
const WORKERS = 3;
const HTTP_COUNT = `${OTEL_HTTP_METRICS.duration.name}_count`;
const { outcomes } = TASKS_METRICS;
const INSTANCE_LABEL = 'service_instance_id';
/** Prometheus' scrape_timeout in the committed configuration (observability/test/prometheus-config.spec.ts). */
const SCRAPE_TIMEOUT_MS = 4_000;

/** [path, expected status, times]: K = 45 requests, each on its own connection. */
const TRAFFIC: ReadonlyArray<readonly [string, number, number]> = [
  ['/one', 200, 17],
  ['/two', 200, 12],
  ['/error', 500, 9],
  ['/no-such-page', 404, 7],
];
const K = TRAFFIC.reduce((total, [, , times]) => total + times, 0);

const instanceIdOf = (pid: number) => `${hostname()}-${pid}`;
const workerInstancesOf = (app: StartedApp): string[] => cluster.liveWorkerPids(app).map(instanceIdOf).sort();
const seriesKey = (sample: Sample) =>
  `${sample.name}{${Object.entries(sample.labels)
    .sort()
    .map(([key, value]) => `${key}=${value}`)
    .join(',')}}`;

interface RunningCluster {
  readonly app: StartedApp;
  readonly base: string;
  readonly metricsUrl: string;
}

function clusterEnv(port: number, metricsPort: number): Record<string, string> {
  return otelAppEnv(port, metricsPort, { WORKERS: String(WORKERS), WORKERS_SHUTDOWN_TIMEOUT_MS: '5000' });
}

async function startCluster(): Promise<RunningCluster> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const app = await cluster.start(APP, clusterEnv(port, metricsPort), `${base}${HEALTH_PATH}`, WORKERS);
  return { app, base, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` };
}

describe(`otel-app with WORKERS=${WORKERS}`, () => {
  describe(`after exactly K=${K} requests spread over the workers`, () => {
    let running: RunningCluster;
    let answeredBy: Set<string>;
    let samples: Sample[];
    let families: Map<string, string>;
    let text: string;

    beforeAll(async () => {
      running = await startCluster();
      // Probes and a scrape first: none may be counted.
      await cluster.sendEach(running.base, HEALTH_PATH, 200, 3);
      await scrape(running.metricsUrl);
      answeredBy = new Set();
      for (const [path, status, times] of TRAFFIC) {
        for (const id of await cluster.sendEach(running.base, path, status, times)) answeredBy.add(id);
      }
      ({ samples, families, text } = await scrape(running.metricsUrl));
    });

    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    afterAll(() => (running as RunningCluster | undefined)?.app.stop());

    it('spread the requests over every worker', () => {
      expect([...answeredBy].sort()).toEqual(['1', '2', '3']);
    });

    it("serves on METRICS_PORT every worker's series, each under its own service_instance_id", () => {
      const workerInstances = workerInstancesOf(running.app);
      expect(workerInstances).toHaveLength(WORKERS);
      expect([...new Set(selectSamples(samples, HTTP_COUNT).map((s) => s.labels[INSTANCE_LABEL]))].sort()).toEqual(
        workerInstances,
      );
      // Each worker counted its own share, not the app's.
      for (const instance of workerInstances) {
        const share = sumSamples(samples, HTTP_COUNT, { [INSTANCE_LABEL]: instance });
        expect([instance, share > 0 && share < K]).toEqual([instance, true]);
      }
      expect(
        selectSamples(samples, 'target_info')
          .map((s) => s.labels[INSTANCE_LABEL])
          .sort(),
      ).toEqual(workerInstances);
      const keys = samples.map(seriesKey);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it(`adds up to K requests over the instances, by route and status, as "sum by" rules do`, () => {
      const byRoute: Record<string, number> = {};
      for (const sample of selectSamples(samples, HTTP_COUNT)) {
        const { http_route: route = '', http_response_status_code: status } = sample.labels;
        const key = `${route} ${status}`;
        byRoute[key] = (byRoute[key] ?? 0) + sample.value;
      }
      expect(byRoute).toEqual({ '/one 200': 17, '/two 200': 12, '/error 500': 9, 'unmatched 404': 7 });
      expect(sumSamples(samples, HTTP_COUNT)).toBe(K);
      expect(sumSamples(samples, outcomes.name, { task_name: 'one', task_outcome: 'ok' })).toBe(17);
      expect(sumSamples(samples, outcomes.name, { task_name: 'error', task_outcome: 'server_error' })).toBe(9);
      expect(families.get(outcomes.name)).toBe('COUNTER');
    });

    const promtool = requireBinaries('promtool');
    (promtool.skipReason ? it.skip : it)('is an exposition Prometheus accepts: one header per family', () => {
      const check = spawnSync(promtool.paths.promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect([check.status, check.stderr]).toEqual([0, '']);
    });
  });

  describe('when a worker is killed mid-run', () => {
    let running: RunningCluster;

    beforeAll(async () => {
      running = await startCluster();
    });

    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    afterAll(() => (running as RunningCluster | undefined)?.app.stop());

    it('restarts it under a new instance id; no series ever goes down; the total stays within the requests served', async () => {
      const { app, base, metricsUrl } = running;
      await cluster.sendEach(base, '/one', 200, 30);
      const beforeKill = sumSamples((await scrape(metricsUrl)).samples, HTTP_COUNT);
      expect(beforeKill).toBe(30);

      // Last value of every series ever scraped, as Prometheus would store them.
      const lastValues = new Map<string, number>();
      const drops: string[] = [];
      const record = (samples: readonly Sample[]) => {
        for (const sample of selectSamples(samples, HTTP_COUNT)) {
          const key = seriesKey(sample);
          const last = lastValues.get(key);
          if (last !== undefined && sample.value < last) drops.push(`${key}: ${last} -> ${sample.value}`);
          lastValues.set(key, sample.value);
        }
      };
      record((await scrape(metricsUrl)).samples);

      let served = 30;
      const traffic = cluster.loopInBackground(async () => {
        const response = await getOnNewConnection(`${base}/two`).catch(() => undefined);
        if (response?.status === 200) served += 1;
        return true;
      });
      const scraping = cluster.loopInBackground(async () => {
        const scraped = await scrape(metricsUrl).catch(() => undefined);
        if (scraped) record(scraped.samples);
        return scraped !== undefined;
      }, 50);

      const { victim, live: replacement } = await cluster.killOneWorkerUnderLoad(app, WORKERS, { traffic, scraping });

      expect(isAlive(victim)).toBe(false);
      expect(app.process.running).toBe(true);
      // Each series only grows: the replacement has a new instance id, so its series are new ones
      // starting from 0, not a reset of the victim's. Prometheus' increase() sees no false jump.
      expect(drops).toEqual([]);
      const now = (await scrape(metricsUrl)).samples;
      record(now);
      const instancesNow = new Set(selectSamples(now, 'target_info').map((s) => s.labels[INSTANCE_LABEL]));
      expect(instancesNow).toEqual(new Set(replacement.map(instanceIdOf)));
      expect(instancesNow.has(instanceIdOf(victim))).toBe(false);
      // The sum of every series' last value: what sum(increase()) over the run adds up to.
      const counted = [...lastValues.values()].reduce((a, b) => a + b, 0);
      expect(counted).toBeGreaterThanOrEqual(beforeKill);
      expect(counted).toBeLessThanOrEqual(served);

      // With the replacement running, counting is exact again.
      const liveBefore = sumSamples(now, HTTP_COUNT);
      await cluster.sendEach(base, '/three', 200, 12);
      expect(sumSamples((await scrape(metricsUrl)).samples, HTTP_COUNT)).toBe(liveBefore + 12);
    });
  });

  describe('when a worker hangs', () => {
    it(`answers the scrape within ${SCRAPE_TIMEOUT_MS} ms with the other workers' series, and says which one is missing`, async () => {
      const { app, base, metricsUrl } = await startCluster();
      try {
        await cluster.sendEach(base, '/one', 200, 9);
        const workers = cluster.liveWorkers(app);
        expect(cluster.workersUp((await scrape(metricsUrl)).samples)).toEqual(cluster.expectedWorkersUp(workers));
        await cluster.whileOneWorkerHangs(app, async (hung) => {
          const started = Date.now();
          const { samples } = await scrape(metricsUrl);
          expect(Date.now() - started).toBeLessThan(SCRAPE_TIMEOUT_MS);
          expect(cluster.workersUp(samples)).toEqual(cluster.expectedWorkersUp(workers, hung));
          const instances = new Set(
            selectSamples(samples, 'target_info').map((sample) => sample.labels[INSTANCE_LABEL]),
          );
          expect(instances).toEqual(
            new Set(workers.filter(({ pid }) => pid !== hung.pid).map(({ pid }) => instanceIdOf(pid))),
          );
        });
        // Back: every worker answers again, its series whole.
        const { samples } = await scrape(metricsUrl);
        expect(cluster.workersUp(samples)).toEqual(cluster.expectedWorkersUp(workers));
        expect(sumSamples(samples, HTTP_COUNT)).toBe(9);
      } finally {
        await app.stop();
      }
    });
  });

  describe('on SIGTERM', () => {
    it('stops every worker gracefully and the metrics endpoint, then the primary exits 0, within the bound', async () => {
      const { app, metricsUrl } = await startCluster();
      await cluster.expectGracefulStop(app, WORKERS);
      await expect(fetch(metricsUrl)).rejects.toThrow();
    });
  });

  it('refuses to start when METRICS_PORT is taken, before forking any worker', async () => {
    const metricsPort = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(metricsPort, '127.0.0.1', resolve));
    const proc = new ManagedProcess({
      name: APP,
      command: process.execPath,
      args: [builtEntry(APP)],
      env: clusterEnv(await freePort(), metricsPort),
      cwd: REPO_ROOT,
    });
    try {
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
      expect(await Promise.race([proc.waitForExit(), timeout])).toBe(1);
      expect(proc.logs).toMatch(new RegExp(`EADDRINUSE.*${metricsPort}`));
      expect(logContains(proc.logs, /starting \d+ workers/)).toBe(false);
    } finally {
      await proc.stop();
      squatter.close();
    }
  });
});

describe(`otel-app with WORKERS=${WORKERS} pushing OTLP`, () => {
  it("pushes each worker's own counts, under its own service.instance.id, adding up to every request once", async () => {
    const receiver = await startOtlpReceiver();
    try {
      const [port, metricsPort] = [await freePort(), await freePort()];
      const base = `http://127.0.0.1:${port}`;
      const env = {
        ...clusterEnv(port, metricsPort),
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        // Longer than the test: the pushes are the flushes each worker makes as it stops.
        OTEL_METRIC_EXPORT_INTERVAL: '600000',
      };
      const app = await cluster.start(APP, env, `${base}${HEALTH_PATH}`, WORKERS);
      const [path, status, times] = TRAFFIC[0];
      const answeredBy = new Set(await cluster.sendEach(base, path, status, times));
      const workerInstances = workerInstancesOf(app);
      await app.stop();

      const pushes = receiver.received.map((push) => JSON.parse(push.body.toString('utf8')) as OtlpMetricsRequest);
      const byInstance = new Map<string, number>();
      for (const { resourceMetrics } of pushes) {
        for (const { resource, scopeMetrics } of resourceMetrics) {
          const instance = attributesOf(resource.attributes)['service.instance.id'];
          const points = scopeMetrics
            .flatMap((scope) => scope.metrics)
            .filter((metric) => metric.name === OTEL_HTTP_METRICS.duration.instrumentName)
            .flatMap((metric) => metric.exponentialHistogram?.dataPoints ?? [])
            .filter((point) => attributesOf(point.attributes)['http.route'] === path);
          const count = points.reduce((total, point) => total + Number(point.count), 0);
          // Cumulative: a worker's last push holds all it counted.
          byInstance.set(instance, Math.max(byInstance.get(instance) ?? 0, count));
        }
      }
      expect(answeredBy.size).toBeGreaterThan(1);
      expect([...byInstance.keys()].sort()).toEqual(workerInstances);
      expect([...byInstance.values()].reduce((total, count) => total + count, 0)).toBe(times);
      // Nothing listens on METRICS_PORT: the primary serves no scrape when nothing is scraped.
      await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
    } finally {
      receiver.close();
    }
  });
});
