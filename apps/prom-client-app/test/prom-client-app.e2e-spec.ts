/**
 * The prom-client app as it runs in production: compiled, in its own Node process, scraped over HTTP
 * and read with a real exposition parser. Known traffic in, exact counts out.
 * Needs `npm run build` first (`npm test` does it).
 */
import { METRIC_PATHS, PROM_CLIENT_HTTP_METRICS, TASK_NAMES, TASKS_METRICS, UNMATCHED_ROUTE } from '@app/metrics';
import { HEALTH_PATH, NO_WAIT_TASKS_ENV } from '@app/tasks';
import {
  builtEntry,
  freePort,
  knownTraffic,
  ManagedProcess,
  REPO_ROOT,
  type Sample,
  scrape,
  selectSamples,
  startBuiltApp,
  type StartedApp,
  sumSamples,
} from '@app/testing';
import { randomUUID } from 'node:crypto';

const APP = 'prom-client-app';
const SERVICE = METRIC_PATHS.promClient.service;
const { requests, duration } = PROM_CLIENT_HTTP_METRICS;
const { outcomes, inFlight, workDuration, workDurationSummary } = TASKS_METRICS;

/** No waits, fixed seed: every count below is exact, and the run is fast. */
const QUIET_ENV = {
  HOST: '127.0.0.1',
  TASKS_SEED: '20240601',
  ...NO_WAIT_TASKS_ENV,
};

/** Series of `name` keyed `METHOD route status`, the way a reader checks them by eye. */
function httpSeries(samples: readonly Sample[], name: string): Record<string, number> {
  return Object.fromEntries(
    selectSamples(samples, name).map((s) => [
      `${s.labels.http_request_method} ${s.labels.http_route} ${s.labels.http_response_status_code}`,
      s.value,
    ]),
  );
}

async function get(url: string, expectedStatus: number): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== expectedStatus)
    throw new Error(`GET ${url} answered ${response.status}, not ${expectedStatus}`);
}

describe('prom-client app, compiled and run as a process', () => {
  let app: StartedApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startBuiltApp(APP, { ...QUIET_ENV, PORT: String(port) }, `${base}${HEALTH_PATH}`);
  });

  // Unset when beforeAll failed before starting it: afterAll runs all the same.
  afterAll(() => (app as StartedApp | undefined)?.stop());

  describe('after a known set of requests', () => {
    let samples: Sample[];
    let families: Map<string, string>;
    let contentType: string | null;

    beforeAll(async () => {
      // Probes and scrapes before the traffic: none of them may be counted.
      for (let i = 0; i < 3; i += 1) await get(`${base}${HEALTH_PATH}`, 200);
      await get(`${base}/metrics`, 200);
      await knownTraffic.send(base);
      contentType = (await fetch(`${base}/metrics`)).headers.get('content-type');
      ({ samples, families } = await scrape(`${base}/metrics`));
    });

    const expectedHttpCounts = knownTraffic.expectedRequestCounts();

    it('serves the Prometheus text format, version 0.0.4', () => {
      const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
      expect(mediaType).toBe('text/plain');
      expect(parameters).toContain('version=0.0.4');
    });

    it(`counts ${requests.name} exactly, by route template, method and status; /health and /metrics not at all`, () => {
      expect(families.get(requests.name)).toBe('COUNTER');
      expect(httpSeries(samples, requests.name)).toEqual(expectedHttpCounts);
    });

    it(`times the same requests in ${duration.name}, with the catalogue buckets`, () => {
      expect(families.get(duration.name)).toBe('HISTOGRAM');
      expect(httpSeries(samples, `${duration.name}_count`)).toEqual(expectedHttpCounts);
      const edges = selectSamples(samples, `${duration.name}_bucket`, {
        http_route: '/one',
        http_response_status_code: '200',
      });
      expect(edges.map((s) => s.labels.le)).toEqual([...duration.buckets.map(String), '+Inf']);
      expect(edges.at(-1)?.value).toBe(knownTraffic.times('/one'));
    });

    it(`counts ${outcomes.name} by task and outcome; rejected requests (400) did no work`, () => {
      const expected = knownTraffic.expectedOutcomeCounts();
      const counted = selectSamples(samples, outcomes.name).map((s) => [
        `${s.labels.task_name} ${s.labels.task_outcome}`,
        s.value,
      ]);
      expect(Object.fromEntries(counted)).toEqual(expected);
    });

    it(`times each task's work in ${workDuration.name} and ${workDurationSummary.name}`, () => {
      const workCounts = knownTraffic.expectedWorkCounts();
      for (const [task, count] of Object.entries(workCounts)) {
        expect([task, sumSamples(samples, `${workDuration.name}_count`, { task_name: task })]).toEqual([task, count]);
        expect([task, sumSamples(samples, `${workDurationSummary.name}_count`, { task_name: task })]).toEqual([
          task,
          count,
        ]);
        const quantiles = selectSamples(samples, workDurationSummary.name, { task_name: task }).map(
          (s) => s.labels.quantile,
        );
        expect([task, quantiles]).toEqual([task, workDurationSummary.percentiles.map(String)]);
      }
      expect(families.get(workDurationSummary.name)).toBe('SUMMARY');
    });

    it(`shows nothing left in ${inFlight.name}`, () => {
      const gauges = selectSamples(samples, inFlight.name).map((s) => [s.labels.task_name, s.value]);
      expect(gauges).toEqual(TASK_NAMES.map((task) => [task, 0]));
    });

    it('exposes the default Node metrics', () => {
      for (const name of [
        'process_cpu_user_seconds_total',
        'process_resident_memory_bytes',
        'process_start_time_seconds',
        'nodejs_eventloop_lag_seconds',
        'nodejs_heap_size_used_bytes',
        'nodejs_version_info',
      ]) {
        expect([name, selectSamples(samples, name).length > 0]).toEqual([name, true]);
      }
    });

    it(`labels every series service="${SERVICE}"`, () => {
      expect(samples.filter((sample) => sample.labels.service !== SERVICE)).toEqual([]);
    });
  });

  it(`files 1,000 requests to random unknown paths under the one route "${UNMATCHED_ROUTE}", adding no series per path`, async () => {
    const before = (await scrape(`${base}/metrics`)).samples;
    const paths = Array.from({ length: 1_000 }, (_, i) => `/${randomUUID()}/${i}?q=${randomUUID()}`);
    const concurrency = 20;
    for (let start = 0; start < paths.length; start += concurrency) {
      await Promise.all(paths.slice(start, start + concurrency).map((path) => get(`${base}${path}`, 404)));
    }
    const after = (await scrape(`${base}/metrics`)).samples;

    const unmatched = `GET ${UNMATCHED_ROUTE} 404`;
    const requestsBefore = httpSeries(before, requests.name);
    const unmatchedBefore = requestsBefore[unmatched] ?? 0;
    expect(httpSeries(after, requests.name)).toEqual({ ...requestsBefore, [unmatched]: unmatchedBefore + 1_000 });
    expect(httpSeries(after, `${duration.name}_count`)[unmatched]).toBe(unmatchedBefore + 1_000);
    // At most one new label set in the histogram: its buckets (+Inf included), _sum and _count.
    const histogramSamples = (samples: readonly Sample[]) => samples.filter((s) => s.name.startsWith(duration.name));
    const newLabelSet = unmatched in requestsBefore ? 0 : duration.buckets.length + 3;
    expect(histogramSamples(after).length - histogramSamples(before).length).toBe(newLabelSet);
    // The whole exposition: a thousand new paths would mean a thousand new samples at least.
    expect(after.length - before.length).toBeLessThan(50);
  });
});

describe('prom-client app start-up', () => {
  /** Runs the compiled app and waits for it to exit on its own, which a valid configuration never does. */
  async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const proc = new ManagedProcess({
      name: APP,
      command: process.execPath,
      args: [builtEntry(APP)],
      env,
      cwd: REPO_ROOT,
    });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    const result = await Promise.race([proc.waitForExit(), timeout]);
    if (result === 'timeout') {
      await proc.stop();
      throw new Error(`${APP} did not stop on a bad configuration:\n${proc.logs}`);
    }
    return { code: result, output: proc.logs };
  }

  it.each([
    ['PORT', 'abc'],
    ['TASKS_WEIGHTS', '0,0,0'],
    ['SERVICE_NAME', 'two words'],
  ])('refuses %s=%s, names it, and exits non-zero without a stack trace', async (name, value) => {
    const port = String(await freePort());
    const { code, output } = await runUntilExit({ ...QUIET_ENV, PORT: port, [name]: value });
    expect(code).not.toBe(0);
    expect(output).toMatch(new RegExp(`^\\s+- ${name} `, 'm'));
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('lists every bad variable in one go', async () => {
    const { code, output } = await runUntilExit({ ...QUIET_ENV, PORT: 'abc', TASKS_WEIGHTS: '0,0,0' });
    expect(code).not.toBe(0);
    expect(output).toContain('PORT must be an integer');
    expect(output).toContain('TASKS_WEIGHTS must have a positive sum');
  });
});
