/**
 * Label values stay bounded whatever the request: both compiled apps are flooded with random methods (every one
 * Node's parser accepts), paths, query strings, headers and bodies, flood after flood with new values, until a whole
 * flood adds no series: the count saturates, far below the number of distinct requests, and every method and route
 * label is one of its closed set. Needs `npm run build` first.
 */
import { METHODS, request } from 'node:http';
import { expect } from '@jest/globals';
import { KNOWN_HTTP_METHODS, OTHER_HTTP_METHOD, TASK_ROUTES, UNMATCHED_ROUTE } from '@app/metrics';
import { SeededRandomSource } from '@app/random';
import { HEALTH_PATH, NO_WAIT_TASKS_ENV, WORKLOAD_PATH } from '@app/tasks';
import { freePort, scrape, startBuiltApp, type Sample, type StartedApp } from '@app/testing';

const FLOOD = 400;
/** Floods at most: each brings new paths, queries, headers and bodies. */
const MAX_FLOODS = 8;
/** CONNECT asks for a tunnel, not an answer: the server closes it, and no route ever sees it. */
const FLOOD_METHODS = METHODS.filter((method) => method !== 'CONNECT');
const ROUTE_PATHS = Object.values(TASK_ROUTES).map((route) => route.path);

interface AppUnderTest {
  readonly name: string;
  readonly base: string;
  readonly metricsUrl: string;
  readonly app: StartedApp;
  /** The labels that carry the method and the route on this path. */
  readonly methodLabel: string;
  readonly routeLabel: string;
}

/** One request of any method, with whatever target, headers and body, on a connection of its own. */
function send(base: string, method: string, target: string, headers: Record<string, string>, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const sent = request(`${base}${target}`, { method, headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

async function flood(base: string, random: SeededRandomSource): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)];
  const token = () => Math.floor(random.next() * 2 ** 32).toString(36);
  for (let i = 0; i < FLOOD; i += 1) {
    const path = random.next() < 0.5 ? pick(ROUTE_PATHS) : `/${token()}/${token()}`;
    const target = `${path}?${token()}=${token()}&weight_ok=${token()}`;
    const headers = { [`x-${token()}`]: token(), 'content-type': pick(['application/json', 'text/plain', token()]) };
    const body = random.next() < 0.5 ? `{"${token()}": ${token()}` : undefined;
    await send(base, pick(FLOOD_METHODS), target, headers, body);
  }
}

const seriesOf = (samples: readonly Sample[]): string[] =>
  samples
    .filter(
      (sample) =>
        !sample.name.startsWith('process_') && !sample.name.startsWith('nodejs_') && !sample.name.startsWith('v8js_'),
    )
    .map(
      (sample) =>
        `${sample.name}{${Object.entries(sample.labels)
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}}`,
    )
    .sort();

describe('label values under a flood of random requests', () => {
  const apps: AppUnderTest[] = [];

  beforeAll(async () => {
    const env = { HOST: '127.0.0.1', ...NO_WAIT_TASKS_ENV, TASKS_SEED: '1', OTEL_TRACES_EXPORTER: '' };
    const promClientPort = await freePort();
    const promClientBase = `http://127.0.0.1:${String(promClientPort)}`;
    apps.push({
      name: 'prom-client-app',
      base: promClientBase,
      metricsUrl: `${promClientBase}/metrics`,
      app: await startBuiltApp(
        'prom-client-app',
        { ...env, PORT: String(promClientPort) },
        `${promClientBase}${HEALTH_PATH}`,
      ),
      methodLabel: 'http_request_method',
      routeLabel: 'http_route',
    });
    const [otelPort, metricsPort] = [await freePort(), await freePort()];
    const otelBase = `http://127.0.0.1:${String(otelPort)}`;
    apps.push({
      name: 'otel-app',
      base: otelBase,
      metricsUrl: `http://127.0.0.1:${String(metricsPort)}/metrics`,
      app: await startBuiltApp(
        'otel-app',
        { ...env, PORT: String(otelPort), METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' },
        `${otelBase}${HEALTH_PATH}`,
      ),
      methodLabel: 'http_request_method',
      routeLabel: 'http_route',
    });
  });

  afterAll(() => Promise.all(apps.map(({ app }) => app.stop())));

  it('names no framework in the answers (no X-Powered-By)', async () => {
    for (const { base } of apps) {
      const response = await fetch(`${base}${TASK_ROUTES.one.path}`);
      await response.arrayBuffer();
      expect({ base, poweredBy: response.headers.get('x-powered-by') }).toEqual({ base, poweredBy: null });
    }
  });

  it.each(['prom-client-app', 'otel-app'])(
    '%s: the series count saturates under random requests, each label from its closed set',
    async (name) => {
      const app = apps.find((started) => started.name === name);
      if (app === undefined) throw new Error(`${name} did not start`);
      const counts: number[] = [];
      let samples: Sample[] = [];
      // Seeded: the same floods every run. Saturated once a whole flood of new values adds nothing.
      for (let seed = 1; seed <= MAX_FLOODS && !(counts.length >= 2 && counts.at(-1) === counts.at(-2)); seed += 1) {
        await flood(app.base, new SeededRandomSource(seed));
        ({ samples } = await scrape(app.metricsUrl));
        counts.push(seriesOf(samples).length);
      }
      expect(counts.at(-1)).toBe(counts.at(-2));
      expect(counts.at(-1)).toBeLessThan((counts.length * FLOOD) / 2);

      const methods = new Set(samples.flatMap((sample) => sample.labels[app.methodLabel] ?? []));
      expect([...methods].filter((method) => !KNOWN_HTTP_METHODS.has(method) && method !== OTHER_HTTP_METHOD)).toEqual(
        [],
      );
      expect(methods.has(OTHER_HTTP_METHOD)).toBe(true);
      const routes = new Set(samples.flatMap((sample) => sample.labels[app.routeLabel] ?? []));
      const knownRoutes = new Set([...ROUTE_PATHS, WORKLOAD_PATH, UNMATCHED_ROUTE]);
      expect([...routes].filter((route) => !knownRoutes.has(route))).toEqual([]);
    },
  );
});
