/**
 * The compiled OpenTelemetry app as a real process (instrumentation patches modules as they load, which
 * jest's module registry would bypass), scraped on its exporter and parsed with a real parser.
 * `npm test` builds first; alone, run `npm run build` before `npx jest apps/otel-app`.
 */
import { expect } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import {
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  otelSeriesNameOf,
  TASK_NAMES,
  TASK_OUTCOMES,
  TASKS_METRICS,
} from '@app/metrics';
import { HTTP_SERVER_METER_NAME } from '@app/otel-metrics';
import { HEALTH_PATH } from '@app/tasks';
import {
  builtEntry,
  cluster,
  freePort,
  knownTraffic,
  ManagedProcess,
  REPO_ROOT,
  scrape,
  selectSamples,
  startBuiltApp,
  sumSamples,
  type Sample,
  type StartedApp,
  waitFor,
} from '@app/testing';
import { readRootPackageVersion } from '../src/root-package-version.js';
import { otelAppEnv } from './fixtures/otel-app-env.js';
import {
  attributesOf,
  CUMULATIVE,
  type OtlpMetricsRequest,
  type ReceivedExport,
  startOtlpReceiver,
} from './fixtures/otlp-receiver.js';

const HTTP = OTEL_HTTP_METRICS.duration;
const { outcomes, inFlight, workDuration } = TASKS_METRICS;
/** The histogram's name on this path: the translation's, without the unit suffix of the prom-client name. */
const WORK_DURATION = otelSeriesNameOf(workDuration);

async function get(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

/** Sends `count` requests, `concurrency` at a time, and returns the statuses seen. */
async function sendMany(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) statuses.push(await request(next++));
    }),
  );
  return statuses;
}

/** The label the exporter copies from the resource onto every series (RESOURCE_CONSTANT_LABELS). */
const INSTANCE_LABEL = 'service_instance_id';

/**
 * Labels of a sample without those the exporter adds to every series: the scope's (`otel_scope_name`,
 * `otel_scope_version`) and the instance's (`service_instance_id`).
 */
function ownLabels(sample: Sample): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sample.labels).filter(([key]) => !key.startsWith('otel_scope_') && key !== INSTANCE_LABEL),
  );
}

/** `method route status` → count, from the `_count` series of the HTTP server histogram. */
function requestCounts(samples: readonly Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of selectSamples(samples, `${HTTP.name}_count`)) {
    const labels = ownLabels(sample);
    // The convention's error_type on a server error only.
    const conventionLabels = HTTP.conventionLabelNames.filter(
      (label) => label !== 'error_type' || Number(labels.http_response_status_code) >= 500,
    );
    expect(Object.keys(labels).sort()).toEqual([...HTTP.labelNames, ...conventionLabels].sort());
    counts[`${labels.http_request_method} ${labels.http_route} ${labels.http_response_status_code}`] = sample.value;
  }
  return counts;
}

describe('otel-app metrics, scraped from the compiled app', () => {
  let app: StartedApp;
  let baseUrl: string;
  let metricsUrl: string;
  let samples: Sample[];
  let families: Map<string, string>;

  beforeAll(async () => {
    const [appPort, metricsPort] = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${appPort}`;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    app = await startBuiltApp('otel-app', otelAppEnv(appPort, metricsPort), `${baseUrl}/health`);
    // A scrape before the traffic: had the exporter's own server been measured, it would show below.
    await scrape(metricsUrl);
    // Probes before the traffic: none of them may be counted.
    for (let i = 0; i < 3; i += 1) expect(await get(`${baseUrl}${HEALTH_PATH}`)).toBe(200);
    await knownTraffic.send(baseUrl);
    ({ samples, families } = await scrape(metricsUrl));
  });

  // Unset when beforeAll failed before starting it: afterAll runs all the same.
  afterAll(() => (app as StartedApp | undefined)?.stop());

  it('counts each request once by method, route template and status, leaving /health and scrapes out', () => {
    expect(requestCounts(samples)).toEqual(knownTraffic.expectedRequestCounts());
    expect(families.get(HTTP.name)).toBe('HISTOGRAM');
  });

  it('uses the catalogue buckets, in seconds', () => {
    const oneOk = { http_route: '/one', http_response_status_code: '200' };
    const les = selectSamples(samples, `${HTTP.name}_bucket`, oneOk).map((s) => s.labels.le);
    expect(les).toEqual([...HTTP.buckets.map(String), '+Inf']);
    // Requests answered at once: all below the 1 s bucket, whatever the machine's speed.
    expect(sumSamples(samples, `${HTTP.name}_bucket`, { ...oneOk, le: '1' })).toBe(knownTraffic.times('/one'));
  });

  it('exports the task metrics under the catalogue names, labels and counts', () => {
    const expected = knownTraffic.expectedOutcomeCounts();
    for (const task of TASK_NAMES) {
      for (const outcome of TASK_OUTCOMES) {
        const series = selectSamples(samples, outcomes.name, { task_name: task, task_outcome: outcome });
        expect(series.map(ownLabels)).toEqual([{ task_name: task, task_outcome: outcome }]);
        expect(`${task} ${outcome} ${series[0].value}`).toBe(`${task} ${outcome} ${expected[`${task} ${outcome}`]}`);
      }
    }
    expect(families.get(outcomes.name)).toBe('COUNTER');

    const worked = knownTraffic.expectedWorkCounts();
    for (const task of TASK_NAMES) {
      const [count] = selectSamples(samples, `${WORK_DURATION}_count`, { task_name: task });
      expect(ownLabels(count)).toEqual({ task_name: task });
      expect(`${task} ${count.value}`).toBe(`${task} ${worked[task]}`);
      expect(sumSamples(samples, inFlight.name, { task_name: task })).toBe(0);
    }
    expect(families.get(WORK_DURATION)).toBe('HISTOGRAM');
    expect(families.get(inFlight.name)).toBe('GAUGE');
    const les = selectSamples(samples, `${WORK_DURATION}_bucket`, { task_name: 'one' }).map((s) => s.labels.le);
    expect(les).toEqual([...workDuration.buckets.map(String), '+Inf']);
  });

  it('names the instrumentation scope of every series', () => {
    // No span is exported: the HTTP histogram comes from the middleware, not from instrumentation-http.
    expect(selectSamples(samples, `${HTTP.name}_count`)[0].labels.otel_scope_name).toBe(HTTP_SERVER_METER_NAME);
    expect(selectSamples(samples, outcomes.name)[0].labels.otel_scope_name).toBe('tasks');
  });

  it('exposes the resource in target_info, with an instance id unique to the process', () => {
    const [target] = selectSamples(samples, 'target_info');
    expect(target.labels).toMatchObject({
      service_name: METRIC_PATHS.otel.service,
      service_version: readRootPackageVersion(REPO_ROOT),
      service_instance_id: `${hostname()}-${String(app.process.pid)}`,
    });
  });

  it(`labels every series ${INSTANCE_LABEL}, as each worker's are with WORKERS > 1: one label set in both modes`, () => {
    const instances = new Set(samples.map((sample) => sample.labels[INSTANCE_LABEL]));
    expect(instances).toEqual(new Set([`${hostname()}-${String(app.process.pid)}`]));
  });

  it('exports Node runtime metrics', () => {
    for (const name of ['nodejs_eventloop_delay_p99', 'nodejs_eventloop_utilization', 'v8js_memory_heap_used']) {
      expect(`${name} ${String(families.get(name))}`).toBe(`${name} GAUGE`);
    }
    expect(sumSamples(samples, 'v8js_memory_heap_used')).toBeGreaterThan(0);
  });

  it('keeps 1,000 random unknown paths in one series', async () => {
    const before = requestCounts((await scrape(metricsUrl)).samples);
    const statuses = await sendMany(1_000, 20, (i) =>
      get(`${baseUrl}/unknown/${i}-${Math.random().toString(36).slice(2)}?q=${i}`),
    );
    expect(new Set(statuses)).toEqual(new Set([404]));

    const { samples: after, text } = await scrape(metricsUrl);
    // One series for all of them, whatever the path: the series seen before, plus GET unmatched 404.
    expect(requestCounts(after)).toEqual({ ...before, 'GET unmatched 404': 1_000 });
    expect(text).not.toContain('/unknown/');
  });

  it('stops on SIGTERM, closing the scrape endpoint', async () => {
    app.process.signal('SIGTERM');
    await Promise.race([
      app.process.waitForExit(),
      new Promise((_, reject) => {
        setTimeout(() => reject(new Error(`no exit 5 s after SIGTERM:\n${app.process.logs}`)), 5_000).unref();
      }),
    ]);
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });
});

describe('otel-app start-up checks', () => {
  async function runUntilExit(
    env: Record<string, string>,
    nodeArgs: readonly string[] = [],
  ): Promise<{ code: number | null; logs: string }> {
    const proc = new ManagedProcess({
      name: 'otel-app',
      command: process.execPath,
      args: [...nodeArgs, builtEntry('otel-app')],
      env,
      cwd: REPO_ROOT,
    });
    const code = await Promise.race([
      proc.waitForExit(),
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 15_000).unref()),
    ]);
    if (code === 'running') {
      await proc.stop();
      throw new Error(`otel-app kept running:\n${proc.logs}`);
    }
    return { code, logs: proc.logs };
  }

  it('refuses a bad variable, naming it, before anything starts', async () => {
    const env = otelAppEnv(await freePort(), 99_999, { TASKS_MAX_LATENCY_MS: 'soon' });
    const { code, logs } = await runUntilExit(env);
    expect(code).toBe(1);
    expect(logs).toContain('METRICS_PORT must be an integer between 1 and 65535, got 99999');
    expect(logs).toContain('TASKS_MAX_LATENCY_MS');
    expect(logs).not.toContain('Nest');
  });

  it('refuses to start when Express was loaded before telemetry, which would leave every route unlabelled', async () => {
    // As if main.ts imported the app statically: Express is loaded before the SDK and its loader hooks.
    const { code, logs } = await runUntilExit(otelAppEnv(await freePort(), await freePort()), ['--import', 'express']);
    expect(code).toBe(1);
    expect(logs).toContain('telemetry must start before express is loaded');
  });

  it('refuses to start when the scrape port is taken', async () => {
    const metricsPort = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(metricsPort, '127.0.0.1', resolve));
    try {
      const { code, logs } = await runUntilExit(otelAppEnv(await freePort(), metricsPort));
      expect(code).toBe(1);
      expect(logs).toMatch(/EADDRINUSE.*\d+/);
    } finally {
      squatter.close();
    }
  });
});

describe('otel-app sends no OTLP unless asked', () => {
  /**
   * Runs the app against the stand-in collector, sends a few requests, then stops it with SIGTERM:
   * shutting down flushes every span or log processor there is, so an export, if any, has happened
   * by the time the process is gone. No waiting on timers, no flakiness.
   */
  async function exportsAfterTraffic(extra: Record<string, string>): Promise<{ paths: string[]; logs: string }> {
    const collector = await startOtlpReceiver();
    try {
      const [appPort, metricsPort] = [await freePort(), await freePort()];
      const env = otelAppEnv(appPort, metricsPort, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, ...extra });
      const app = await startBuiltApp('otel-app', env, `http://127.0.0.1:${appPort}/health`);
      for (const path of ['/one', '/error', '/nowhere']) await get(`http://127.0.0.1:${appPort}${path}`);
      await app.stop();
      return { paths: collector.received.map(({ path }) => path), logs: app.process.logs };
    } finally {
      collector.close();
    }
  }

  // Logs are off by default too (no log processor is created), but nothing in this app emits a log
  // record through OpenTelemetry, so only the spans can be observed here.
  it('exports no span by default', async () => {
    const { paths, logs } = await exportsAfterTraffic({});
    expect(paths).toEqual([]);
    expect(logs).not.toMatch(/4318|ECONNREFUSED|OTLP/i);
  });

  it('exports spans once OTEL_TRACES_EXPORTER is set (the check above can fail)', async () => {
    const { paths } = await exportsAfterTraffic({ OTEL_TRACES_EXPORTER: 'otlp' });
    expect(paths).toContain('POST /v1/traces');
  });
});

/** The task's outcome count in the last OTLP/JSON push received (cumulative: every request so far), if any. */
function lastPushedOutcomes(received: readonly ReceivedExport[], task: string): number | undefined {
  const last = received.at(-1);
  if (!last) return undefined;
  const request = JSON.parse(last.body.toString('utf8')) as OtlpMetricsRequest;
  const point = request.resourceMetrics
    .flatMap(({ scopeMetrics }) => scopeMetrics.flatMap(({ metrics }) => metrics))
    .filter(({ name }) => name === outcomes.instrumentName)
    .flatMap((metric) => metric.sum?.dataPoints ?? [])
    .find((candidate) => attributesOf(candidate.attributes)['task.name'] === task);
  return point === undefined ? undefined : Number(point.asInt ?? point.asDouble);
}

describe('otel-app pushes its metrics as OTLP when asked (OTEL_METRICS_EXPORTER=otlp)', () => {
  /**
   * Runs the app with OTLP only, sends known traffic, then stops it: the periodic reader's interval is far
   * longer than the test, so the one push is the flush that shutdown makes, with every request in it.
   */
  async function pushedAfterTraffic(protocol: string) {
    const receiver = await startOtlpReceiver();
    try {
      const [appPort, metricsPort] = [await freePort(), await freePort()];
      const env = otelAppEnv(appPort, metricsPort, {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_METRIC_EXPORT_INTERVAL: '600000',
      });
      const app = await startBuiltApp('otel-app', env, `http://127.0.0.1:${appPort}/health`);
      const scrapeRefused = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then(
        () => false,
        () => true,
      );
      for (const path of ['/one', '/one', '/one', '/nowhere', '/error'])
        await get(`http://127.0.0.1:${appPort}${path}`);
      await app.stop();
      return { received: receiver.received, scrapeRefused, logs: app.process.logs };
    } finally {
      receiver.close();
    }
  }

  it('sends names, units, attributes, cumulative temporality and exponential histograms, and serves no scrape', async () => {
    const { received, scrapeRefused } = await pushedAfterTraffic('http/json');
    expect(scrapeRefused).toBe(true);
    expect(received.map(({ path, contentType }) => `${path} ${contentType}`)).toEqual([
      'POST /v1/metrics application/json',
    ]);
    const request = JSON.parse(received[0].body.toString('utf8')) as OtlpMetricsRequest;
    expect(request.resourceMetrics).toHaveLength(1);
    const [{ resource, scopeMetrics }] = request.resourceMetrics;
    expect(attributesOf(resource.attributes)).toMatchObject({
      'service.name': METRIC_PATHS.otel.service,
      'service.instance.id': expect.stringMatching(new RegExp(`^${hostname()}-\\d+$`)),
    });
    const metrics = new Map(scopeMetrics.flatMap((scope) => scope.metrics).map((metric) => [metric.name, metric]));

    const http = metrics.get(HTTP.instrumentName);
    // OTLP alone: exponential buckets, which Prometheus stores as native histograms (telemetry-views.ts).
    expect({ unit: http?.unit, temporality: http?.exponentialHistogram?.aggregationTemporality }).toEqual({
      unit: 's',
      temporality: CUMULATIVE,
    });
    const points = (http?.exponentialHistogram?.dataPoints ?? []).map((point): Record<string, string | number> => ({
      ...attributesOf(point.attributes),
      count: Number(point.count),
    }));
    expect(points).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          'http.route': '/one',
          'http.request.method': 'GET',
          'http.response.status_code': '200',
          count: 3,
        }),
        expect.objectContaining({ 'http.route': 'unmatched', 'http.response.status_code': '404', count: 1 }),
      ]),
    );
    // The convention's required and recommended attributes (as instrumentation-http records them), and on a server
    // error its conditionally required error.type: every point has a scheme and a protocol version.
    expect(points.map((point) => [point['url.scheme'], point['network.protocol.version']])).toEqual(
      points.map(() => ['http', '1.1']),
    );
    expect(points.filter((point) => 'error.type' in point)).toEqual([
      expect.objectContaining({ 'http.route': '/error', 'http.response.status_code': '500', 'error.type': '500' }),
    ]);

    const taskOutcomes = metrics.get(outcomes.instrumentName);
    expect(taskOutcomes?.unit).toBe(outcomes.unit);
    expect({
      monotonic: taskOutcomes?.sum?.isMonotonic,
      temporality: taskOutcomes?.sum?.aggregationTemporality,
    }).toEqual({ monotonic: true, temporality: CUMULATIVE });
    const one = taskOutcomes?.sum?.dataPoints.find((point) => {
      const attributes = attributesOf(point.attributes);
      return attributes['task.name'] === 'one' && attributes['task.outcome'] === 'ok';
    });
    expect(Number(one?.asInt ?? one?.asDouble)).toBe(3);
    expect(metrics.get(workDuration.instrumentName)).toMatchObject({
      unit: 's',
      exponentialHistogram: { aggregationTemporality: CUMULATIVE },
    });
  });

  it('on SIGTERM while an export is being sent, completes it, sends a last one with every request, and exits 0', async () => {
    // A slow receiver: each export is held 0.6 s of the 1.5 s interval (and timeout), so one is often in flight,
    // while the last export, sent on shutdown by a loaded CI machine, still has 0.9 s of margin (0.1 s did not).
    const receiver = await startOtlpReceiver({ holdMs: 600 });
    try {
      const [appPort, metricsPort] = [await freePort(), await freePort()];
      const env = otelAppEnv(appPort, metricsPort, {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_METRIC_EXPORT_INTERVAL: '1500',
        OTEL_METRIC_EXPORT_TIMEOUT: '1500',
      });
      const app = await startBuiltApp('otel-app', env, `http://127.0.0.1:${appPort}/health`);
      for (const path of ['/one', '/one', '/one']) await get(`http://127.0.0.1:${appPort}${path}`);
      await waitFor('an export in flight', () => (receiver.pending > 0 ? true : undefined));
      const { code } = await cluster.stopBySigterm(app);
      expect(code).toBe(0);
      await waitFor('every export answered', () => (receiver.pending === 0 ? true : undefined));
      // None given up on: the exporter waited for each answer before the process left.
      expect(receiver.received.map(({ answered }) => answered)).toEqual(receiver.received.map(() => true));
      expect(lastPushedOutcomes(receiver.received, 'one')).toBe(3);
      expect(app.process.logs).not.toMatch(/timed out|exiting now/);
    } finally {
      receiver.close();
    }
  });

  it('keeps serving while the receiver is down, and pushes again once it is back, with every request counted', async () => {
    let receiver = await startOtlpReceiver();
    const receiverPort = Number(new URL(receiver.url).port);
    const [appPort, metricsPort] = [await freePort(), await freePort()];
    const app = await startBuiltApp(
      'otel-app',
      otelAppEnv(appPort, metricsPort, {
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_METRIC_EXPORT_INTERVAL: '300',
        OTEL_METRIC_EXPORT_TIMEOUT: '300',
      }),
      `http://127.0.0.1:${appPort}/health`,
    );
    try {
      for (let i = 0; i < 3; i += 1) await get(`http://127.0.0.1:${appPort}/one`);
      await waitFor('the first pushes', () => (lastPushedOutcomes(receiver.received, 'one') === 3 ? true : undefined));

      receiver.close();
      // Down: whatever connects is cut at once, so that the test sees the pushes it refuses.
      let refused = 0;
      const down = createServer((socket) => {
        refused += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => down.listen(receiverPort, '127.0.0.1', resolve));
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push(await get(`http://127.0.0.1:${appPort}/one`));
      expect(statuses).toEqual([200, 200, 200]);
      await waitFor('pushes refused', () => (refused >= 3 ? true : undefined));
      await new Promise((resolve) => down.close(resolve));

      receiver = await startOtlpReceiver({ port: receiverPort });
      // Cumulative: the first push after the outage carries the requests made during it.
      await waitFor('pushes again, with every request', () =>
        lastPushedOutcomes(receiver.received, 'one') === 6 ? true : undefined,
      );
      expect(app.process.running).toBe(true);
    } finally {
      receiver.close();
      await app.stop();
    }
  });

  it('sends OTLP/protobuf by default, the encoding the Collector and Prometheus take', async () => {
    const { received } = await pushedAfterTraffic('');
    expect(received.map(({ path, contentType }) => `${path} ${contentType}`)).toEqual([
      'POST /v1/metrics application/x-protobuf',
    ]);
    // The same data in the binary encoding: the route template is among its strings.
    expect(received[0].body.includes(Buffer.from('/one'))).toBe(true);
  });
});
