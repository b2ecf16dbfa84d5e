/**
 * Both compiled apps stopped by SIGTERM while they answer requests, as one process and as a cluster: every request
 * in flight is answered (200, none reset, none a 5xx of the shutdown), then the app exits 0 within its shutdown
 * timeout. In flight means counted by the app's own `tasks_in_flight`, not merely sent: a request still in the
 * connection backlog when the server closes is not in flight. Needs `npm run build` first.
 */
import { SAMPLED_ROUTE_PARAMETERS, TASK_ROUTES, TASKS_METRICS } from '@app/metrics';
import { HEALTH_PATH } from '@app/tasks';
import { cluster, freePort, scrape, startBuiltApp, type StartedApp, sumSamples, waitFor } from '@app/testing';

const REQUESTS = 8;
/** Each request waits a uniform time up to this: most are still being answered when the signal comes. */
const MAX_WAIT_MS = 3_000;
const SHUTDOWN_TIMEOUT_MS = 6_000;
const WORKERS = 3;

const { weights, maxLatencyMs } = SAMPLED_ROUTE_PARAMETERS;
const SLOW_OK_REQUEST =
  `${TASK_ROUTES.sample.path}?${weights.ok}=1&${weights.not_found}=0&${weights.server_error}=0` +
  `&${maxLatencyMs}=${MAX_WAIT_MS}`;

interface AppUnderTest {
  readonly app: StartedApp;
  readonly base: string;
  readonly metricsUrl: string;
}

/** The apps, by their folder under apps/. */
type AppName = 'prom-client-app' | 'otel-app';

async function start(name: AppName, workers: number): Promise<AppUnderTest> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const env = {
    HOST: '127.0.0.1',
    PORT: String(port),
    WORKERS: String(workers),
    WORKERS_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    ...(name === 'otel-app' ? { METRICS_HOST: '127.0.0.1', METRICS_PORT: String(metricsPort) } : {}),
  };
  const healthUrl = `${base}${HEALTH_PATH}`;
  const app =
    workers === 1 ? await startBuiltApp(name, env, healthUrl) : await cluster.start(name, env, healthUrl, workers);
  const metricsUrl = name === 'otel-app' ? `http://127.0.0.1:${metricsPort}/metrics` : `${base}/metrics`;
  return { app, base, metricsUrl };
}

/** The app's own count of requests being answered, over every worker. */
async function inFlight(metricsUrl: string): Promise<number> {
  const { samples } = await scrape(metricsUrl);
  return sumSamples(samples, TASKS_METRICS.inFlight.name, { task_name: 'sample' });
}

describe.each(['prom-client-app', 'otel-app'] as const)('%s on SIGTERM', (name) => {
  let started: AppUnderTest | undefined;
  afterEach(() => started?.app.stop());

  it.each([1, WORKERS])(
    `WORKERS=%i: answers every request in flight, then exits 0 within WORKERS_SHUTDOWN_TIMEOUT_MS`,
    async (workers) => {
      started = await start(name, workers);
      const { app, base, metricsUrl } = started;
      let answered = 0;
      const answers = Array.from({ length: REQUESTS }, () =>
        fetch(`${base}${SLOW_OK_REQUEST}`).then(
          async (response) => {
            await response.arrayBuffer();
            answered += 1;
            return { status: response.status, at: Date.now() };
          },
          (error: unknown) => ({ status: String((error as Error).cause ?? error), at: Date.now() }),
        ),
      );
      // Every request is being answered, or already was: none is left waiting for a connection.
      await waitFor('every request in flight or answered', async () =>
        (await inFlight(metricsUrl)) + answered === REQUESTS ? true : undefined,
      );
      const signalledAt = Date.now();
      const stopped = cluster.stopBySigterm(app, SHUTDOWN_TIMEOUT_MS + 2_000);
      const results = await Promise.all(answers);
      const { code, elapsedMs } = await stopped;

      expect(results.map(({ status }) => status)).toEqual(Array(REQUESTS).fill(200));
      // The point of the test: some were still being answered when the signal came, and were answered.
      expect(results.filter(({ at }) => at > signalledAt).length).toBeGreaterThan(0);
      expect({ code, withinTimeout: elapsedMs < SHUTDOWN_TIMEOUT_MS }).toEqual({ code: 0, withinTimeout: true });
      expect(app.process.logs).not.toMatch(/killing|exiting now/);
    },
  );
});
