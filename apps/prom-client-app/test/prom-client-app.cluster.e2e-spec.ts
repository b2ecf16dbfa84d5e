/**
 * The prom-client app run as a cluster (WORKERS=3), compiled, as in production: every request is
 * counted exactly once in the /metrics that any worker serves, and no counter goes down when a worker
 * dies. Needs `npm run build` first (`npm test` does it).
 */
import { PROM_CLIENT_HTTP_METRICS, TASK_NAMES, TASKS_METRICS } from '@app/metrics';
import { HEALTH_PATH, NO_WAIT_TASKS_ENV } from '@app/tasks';
import {
  cluster,
  freePort,
  getOnNewConnection,
  isAlive,
  logContains,
  parseExposition,
  selectSamples,
  sumSamples,
  type Sample,
  type StartedApp,
} from '@app/testing';

const APP = 'prom-client-app';
/** Prometheus' scrape_timeout in the committed configuration (observability/test/prometheus-config.spec.ts). */
const SCRAPE_TIMEOUT_MS = 4_000;
const WORKERS = 3;
const { requests, duration } = PROM_CLIENT_HTTP_METRICS;
const { outcomes, inFlight, workDurationSummary } = TASKS_METRICS;

/** No waits, fixed seed: every count is exact. */
const QUIET_ENV = {
  HOST: '127.0.0.1',
  TASKS_SEED: '20240601',
  ...NO_WAIT_TASKS_ENV,
  WORKERS: String(WORKERS),
  WORKERS_SHUTDOWN_TIMEOUT_MS: '5000',
};

/** [path, expected status, times]: K = 60 requests, each on its own connection. */
const TRAFFIC: ReadonlyArray<readonly [string, number, number]> = [
  ['/one', 200, 20],
  ['/two', 200, 13],
  ['/error', 500, 11],
  ['/sample-signals?weight_ok=0&weight_not_found=1&weight_server_error=0', 404, 9],
  ['/no-such-page', 404, 7],
];
const K = TRAFFIC.reduce((total, [, , times]) => total + times, 0);

/** The app's whole request count, as the aggregated /metrics says. */
const totalRequests = (samples: readonly Sample[]) => sumSamples(samples, requests.name);

interface Scrape {
  readonly samples: Sample[];
  readonly families: Map<string, string>;
  /** The worker that served the scrape (and asked the primary for everyone's metrics). */
  readonly workerId: string | undefined;
}

/** A scrape on a new connection: whichever worker the primary hands it to answers. */
async function scrapeAnyWorker(base: string): Promise<Scrape> {
  const response = await getOnNewConnection(`${base}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: ${response.body}`);
  return { ...parseExposition(response.body), workerId: response.workerId };
}

async function startCluster(): Promise<{ app: StartedApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await cluster.start(APP, { ...QUIET_ENV, PORT: String(port) }, `${base}${HEALTH_PATH}`, WORKERS);
  return { app, base };
}

describe(`prom-client app with WORKERS=${WORKERS}`, () => {
  describe(`after exactly K=${K} requests spread over the workers`, () => {
    let app: StartedApp;
    let base: string;
    let answeredBy: Map<string, number>;
    let scrapes: Scrape[];

    beforeAll(async () => {
      ({ app, base } = await startCluster());
      // Probes and scrapes first: none may be counted.
      await cluster.sendEach(base, HEALTH_PATH, 200, 3);
      await scrapeAnyWorker(base);
      answeredBy = new Map();
      for (const [path, status, times] of TRAFFIC) {
        for (const id of await cluster.sendEach(base, path, status, times))
          answeredBy.set(id, (answeredBy.get(id) ?? 0) + 1);
      }
      // As many scrapes as workers, on new connections: each lands on another worker.
      scrapes = [];
      for (let i = 0; i < WORKERS * 2; i += 1) scrapes.push(await scrapeAnyWorker(base));
    });

    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    afterAll(() => (app as StartedApp | undefined)?.stop());

    it('spread the requests over every worker', () => {
      expect([...answeredBy.keys()].sort()).toEqual(['1', '2', '3']);
      expect([...answeredBy.values()].reduce((a, b) => a + b, 0)).toBe(K);
    });

    it(`counts K requests in ${requests.name}, by route and status, whichever worker is scraped`, () => {
      expect(new Set(scrapes.map((scrape) => scrape.workerId)).size).toBe(WORKERS);
      for (const { samples } of scrapes) {
        const series = Object.fromEntries(
          selectSamples(samples, requests.name).map((s) => [
            `${s.labels.http_route} ${s.labels.http_response_status_code}`,
            s.value,
          ]),
        );
        expect(series).toEqual({
          '/one 200': 20,
          '/two 200': 13,
          '/error 500': 11,
          '/sample-signals 404': 9,
          'unmatched 404': 7,
        });
        expect(totalRequests(samples)).toBe(K);
        expect(sumSamples(samples, `${duration.name}_count`)).toBe(K);
        expect(sumSamples(samples, `${duration.name}_bucket`, { le: '+Inf' })).toBe(K);
      }
    });

    it(`sums ${outcomes.name} and the in-flight gauge across workers`, () => {
      const { samples } = scrapes[0];
      expect(sumSamples(samples, outcomes.name, { task_name: 'one', task_outcome: 'ok' })).toBe(20);
      expect(sumSamples(samples, outcomes.name, { task_name: 'error', task_outcome: 'server_error' })).toBe(11);
      expect(sumSamples(samples, outcomes.name, { task_name: 'sample', task_outcome: 'not_found' })).toBe(9);
      expect(sumSamples(samples, outcomes.name)).toBe(20 + 13 + 11 + 9);
      // One series per task (not one per worker), each the sum of the workers' gauges.
      expect(selectSamples(samples, inFlight.name).map((s) => [s.labels.task_name, s.value])).toEqual(
        TASK_NAMES.map((task) => [task, 0]),
      );
    });

    it(`sums the summary's _count and _sum, and keeps each worker's quantiles apart: summaries do not aggregate`, () => {
      const { samples, families } = scrapes[0];
      expect(families.get(workDurationSummary.name)).toBe('SUMMARY');
      expect(sumSamples(samples, `${workDurationSummary.name}_count`, { task_name: 'one' })).toBe(20);
      const quantiles = selectSamples(samples, workDurationSummary.name, { task_name: 'one', quantile: '0.99' });
      expect(quantiles.map((sample) => sample.labels.worker).sort()).toEqual(['1', '2', '3']);
    });

    it('aggregates the default Node metrics as prom-client declares them', () => {
      const { samples, families } = scrapes[0];
      // Counters summed, one series for the app.
      expect(selectSamples(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
      // "first": one version line, not one per worker.
      expect(selectSamples(samples, 'nodejs_version_info')).toHaveLength(1);
      // "omit": three start times have no meaningful merge.
      expect(families.has('process_start_time_seconds')).toBe(false);
    });
  });

  describe('when a worker is killed mid-run', () => {
    let app: StartedApp;
    let base: string;

    beforeAll(async () => {
      ({ app, base } = await startCluster());
    });

    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    afterAll(() => (app as StartedApp | undefined)?.stop());

    it('restarts it, keeps serving, and no counter ever goes down; the total stays within the requests served', async () => {
      await cluster.sendEach(base, '/one', 200, 30);
      const beforeKill = totalRequests((await scrapeAnyWorker(base)).samples);
      expect(beforeKill).toBe(30);

      // Traffic and scrapes run while a worker is killed and replaced.
      let served = 30;
      let failed = 0;
      const traffic = cluster.loopInBackground(async () => {
        const response = await getOnNewConnection(`${base}/two`).catch(() => undefined);
        if (response?.status === 200) served += 1;
        else failed += 1;
        return true;
      });
      const totals: number[] = [];
      const scraping = cluster.loopInBackground(async () => {
        const scraped = await scrapeAnyWorker(base).catch(() => undefined);
        if (scraped) totals.push(totalRequests(scraped.samples));
        return scraped !== undefined;
      }, 50);

      const { victim } = await cluster.killOneWorkerUnderLoad(app, WORKERS, { traffic, scraping });

      expect(isAlive(victim)).toBe(false);
      expect(app.process.running).toBe(true);
      // Connections handed to the victim as it died may fail; the rest were served.
      expect(failed).toBeLessThanOrEqual(3);
      expect(totals.length).toBeGreaterThan(5);
      // Never down: a drop would be read by Prometheus as a counter reset, and increase() would jump.
      const drops = totals.flatMap((total, i) =>
        i > 0 && total < totals[i - 1] ? [`${totals[i - 1]} -> ${total}`] : [],
      );
      expect(drops).toEqual([]);
      const afterKill = totalRequests((await scrapeAnyWorker(base)).samples);
      expect(afterKill).toBeGreaterThanOrEqual(beforeKill);
      // What the victim counted after its last snapshot is lost with it: at most the requests served.
      expect(afterKill).toBeLessThanOrEqual(served);

      // Once the replacement runs, counting is exact again.
      await cluster.sendEach(base, '/three', 200, 12);
      expect(totalRequests((await scrapeAnyWorker(base)).samples)).toBe(afterKill + 12);
    });
  });

  describe('when a worker hangs', () => {
    it(`the other workers answer the scrape within ${SCRAPE_TIMEOUT_MS} ms, with its last counts, saying it is missing`, async () => {
      const { app, base } = await startCluster();
      try {
        await cluster.sendEach(base, '/one', 200, 9);
        const workers = cluster.liveWorkers(app);
        expect(cluster.workersUp((await scrapeAnyWorker(base)).samples)).toEqual(cluster.expectedWorkersUp(workers));
        await cluster.whileOneWorkerHangs(app, async (hung) => {
          // The primary hands connections out in turn: a scrape handed to the hung worker waits with it (what only
          // a scrape served by the primary would avoid); the next ones are answered by the others.
          const answered = [];
          for (let i = 0; i < WORKERS && answered.length < 2; i += 1) {
            const started = Date.now();
            const response = await getOnNewConnection(`${base}/metrics`, SCRAPE_TIMEOUT_MS).catch(() => undefined);
            if (response) answered.push({ ...response, ms: Date.now() - started });
          }
          expect(answered.map(({ workerId }) => workerId)).not.toContain(String(hung.id));
          for (const response of answered) {
            expect(response.status).toBe(200);
            expect(response.ms).toBeLessThan(SCRAPE_TIMEOUT_MS);
            const { samples } = parseExposition(response.body);
            expect(cluster.workersUp(samples)).toEqual(cluster.expectedWorkersUp(workers, hung));
            // The hung worker's requests are still counted, from its last snapshot: no counter goes down.
            expect(totalRequests(samples)).toBe(9);
          }
        });
        const { samples } = await scrapeAnyWorker(base);
        expect(cluster.workersUp(samples)).toEqual(cluster.expectedWorkersUp(workers));
      } finally {
        await app.stop();
      }
    });
  });

  describe('on SIGTERM', () => {
    it('stops every worker gracefully, then the primary exits 0, within the shutdown bound', async () => {
      const { app } = await startCluster();
      await cluster.expectGracefulStop(app, WORKERS);
      expect(logContains(app.process.logs, /stopped \(exit code 0\)/)).toBe(true);
    });
  });
});
