/**
 * Bad input everywhere: every route of every compiled app (read from the routes Nest maps at start-up, so that a
 * route added later is fuzzed too) gets random query strings, headers and bodies: malformed, oversized, repeated,
 * of unexpected types, with property-based generation (fast-check, seeded: the same requests every run). Whatever
 * comes in, the answer is a success, or a 4xx with a JSON error saying what was wrong, or the 500 a task route
 * answers by design; never another 5xx, never a crashed process or worker. Needs `npm run build` first.
 */
import { request } from 'node:http';
import { expect } from '@jest/globals';
import fc from 'fast-check';
import { SAMPLED_ROUTE_PARAMETERS, TASK_NAMES, TASK_OUTCOMES } from '@app/metrics';
import { HEALTH_PATH, NO_WAIT_TASKS_ENV } from '@app/tasks';
import {
  cluster,
  describeWithBinaries,
  freePort,
  logContains,
  type StartedApp,
  startBuiltApp,
  waitFor,
} from '@app/testing';
import { PrometheusServer } from '@app/local-stack';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS_PER_APP = 1_000;
const TOKEN = 'fuzz-shared-secret';
/** Every app parses bodies up to 100 kB at most (the receiver's limit is set below): this is over all of them. */
const OVERSIZED_BYTES = 200_000;

interface Route {
  readonly method: string;
  /** The route's template: `:name` segments are filled in by the fuzzer. */
  readonly path: string;
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

interface AppUnderFuzz {
  readonly name: string;
  readonly app: StartedApp;
  readonly base: string;
  readonly routes: readonly Route[];
}

/** The routes Nest says it mapped: `Mapped {/alerts, POST} route`, in its plain and its JSON logs alike. */
function mappedRoutes(logs: string): Route[] {
  const routes = [...logs.matchAll(/Mapped \{([^,]+), (\w+)\} route/g)].map(([, path, method]) => ({ method, path }));
  return [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
}

/**
 * One request on a connection of its own, whatever its method, target, headers and body. A body is framed by its
 * length, whatever the method: Node's client sends a GET's body unframed, which no server can parse.
 */
function send(base: string, method: string, target: string, headers: Record<string, string>, body?: string) {
  const framed = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise<Answer>((resolve, reject) => {
    const sent = request(`${base}${target}`, { method, headers: framed, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Query values: plain, numeric-looking, malformed percent-encodings, huge, nested or repeated. */
const queryValue = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('', '0', '1', '-1', '1e3', '0x10', 'NaN', 'Infinity', '1.5', ' 1', '%E0%A4%A', '%', '%00', '+'),
  fc.constant('9'.repeat(2_000)),
  fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent),
);
const queryKey = fc.oneof(
  fc.constantFrom(
    ...Object.values(SAMPLED_ROUTE_PARAMETERS.weights),
    SAMPLED_ROUTE_PARAMETERS.maxLatencyMs,
    'query',
    'start',
    'end',
    'step',
    'time',
  ),
  fc.string({ minLength: 1, maxLength: 8 }).map(encodeURIComponent),
  fc.constantFrom('a[b]', '__proto__', 'constructor[prototype]', 'x[]', '%5B%5D'),
);
/** Up to five parameters, some repeated (`?a=1&a=2`). */
const queryString = fc
  .array(fc.tuple(queryKey, fc.array(queryValue, { minLength: 1, maxLength: 3 })), { maxLength: 5 })
  .map((pairs) => pairs.flatMap(([key, values]) => values.map((value) => `${key}=${value}`)).join('&'));
const pathSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'main.js', 'uPlot.min.js', '%00', 'a'.repeat(300)),
);
const body = fc.option(
  fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('{"', '[1,2', 'null', '"x"', '{"alerts": 3}', '{"version":"4","alerts":[{}]}'),
    fc.constant(`{"pad":"${'x'.repeat(OVERSIZED_BYTES)}"}`),
  ),
  { nil: undefined },
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'garbage',
);
const authorization = fc.constantFrom(undefined, `Bearer ${TOKEN}`, 'Bearer wrong', 'Basic eDp5', '');

function fuzzedRequest(routes: readonly Route[]) {
  return fc.record({
    route: fc.constantFrom(...routes),
    segments: fc.array(pathSegment, { minLength: 2, maxLength: 2 }),
    trailingSlash: fc.boolean(),
    query: queryString,
    body,
    contentType,
    authorization,
    accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'garbage'),
  });
}

/** A task route's own answer, by design (the course's 404 and 500 among them): `{ task, outcome }`. */
function isTaskAnswer(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { outcome?: unknown; task?: unknown };
    return (
      (TASK_NAMES as readonly unknown[]).includes(parsed.task) &&
      (TASK_OUTCOMES as readonly unknown[]).includes(parsed.outcome)
    );
  } catch {
    return false;
  }
}

/** What no answer may be: a 5xx other than a task's designed failure, or a 4xx that is not a JSON error. */
function problemWith(answer: Answer): string | undefined {
  if (answer.status >= 400 && isTaskAnswer(answer.body)) return undefined;
  if (answer.status >= 500) return `a ${answer.status} that no task designed`;
  if (answer.status >= 400) {
    if (!answer.contentType.startsWith('application/json'))
      return `a ${answer.status} in ${answer.contentType || 'no type'}`;
    try {
      const parsed = JSON.parse(answer.body) as { message?: unknown };
      if (typeof parsed.message !== 'string' && !Array.isArray(parsed.message))
        return `a ${answer.status} with no message`;
    } catch {
      return `a ${answer.status} whose body is not JSON`;
    }
  }
  return undefined;
}

describeWithBinaries(['prometheus'], 'every route of every app, fuzzed', (binaries) => {
  const apps: AppUnderFuzz[] = [];
  let prometheus: PrometheusServer | undefined;
  let workDir: string | undefined;

  beforeAll(async () => {
    // The dashboard proxies to a real Prometheus: what it answers to bad queries is part of what is checked.
    workDir = mkdtempSync(join(tmpdir(), 'route-fuzz-'));
    const prometheusPort = await freePort();
    writeFileSync(join(workDir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    prometheus = await PrometheusServer.start({
      binary: binaries.prometheus,
      configFile: join(workDir, 'prometheus.yml'),
      port: prometheusPort,
      workDir,
    });
    const tasksEnv = { HOST: '127.0.0.1', ...NO_WAIT_TASKS_ENV, TASKS_SEED: '9' };
    const start = async (name: string, env: Record<string, string>, workers = 1) => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const fullEnv = { ...env, PORT: String(port), HOST: '127.0.0.1' };
      const health = `${base}${HEALTH_PATH}`;
      const app =
        workers > 1 ? await cluster.start(name, fullEnv, health, workers) : await startBuiltApp(name, fullEnv, health);
      apps.push({ name, app, base, routes: mappedRoutes(app.process.logs) });
    };
    await start('prom-client-app', { ...tasksEnv, WORKERS: '2' }, 2);
    await start(
      'otel-app',
      { ...tasksEnv, WORKERS: '2', METRICS_HOST: '127.0.0.1', METRICS_PORT: String(await freePort()) },
      2,
    );
    await start('baseline-app', tasksEnv);
    await start('alert-receiver', { ALERT_RECEIVER_TOKEN: TOKEN, ALERT_RECEIVER_BODY_LIMIT_BYTES: '65536' });
    await start('local-dashboard', { PROMETHEUS_URL: prometheus.url });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map(({ app }) => app.stop()));
    await prometheus?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('finds the routes each app maps', () => {
    expect(Object.fromEntries(apps.map(({ name, routes }) => [name, routes.length > 1]))).toEqual({
      'prom-client-app': true,
      'otel-app': true,
      'baseline-app': true,
      'alert-receiver': true,
      'local-dashboard': true,
    });
  });

  it.each(['prom-client-app', 'otel-app', 'baseline-app', 'alert-receiver', 'local-dashboard'])(
    '%s: every answer is a success, a JSON 4xx or a designed 500, and the app and its workers live on',
    async (name) => {
      const target = apps.find((candidate) => candidate.name === name);
      if (!target) throw new Error(`${name} did not start`);
      const problems = new Map<string, string>();
      const statuses = new Map<number, number>();
      await fc
        .assert(
          fc.asyncProperty(fuzzedRequest(target.routes), async (fuzzed) => {
            let segment = 0;
            const path = fuzzed.route.path.replace(/:\w+/g, () => fuzzed.segments[segment++] ?? 'x');
            const requestTarget = `${path}${fuzzed.trailingSlash ? '/' : ''}${fuzzed.query ? `?${fuzzed.query}` : ''}`;
            const headers: Record<string, string> = { 'content-type': fuzzed.contentType };
            if (fuzzed.authorization !== undefined) headers.authorization = fuzzed.authorization;
            if (fuzzed.accept !== undefined) headers.accept = fuzzed.accept;
            const answer = await send(target.base, fuzzed.route.method, requestTarget, headers, fuzzed.body);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            const problem = problemWith(answer);
            if (problem)
              problems.set(
                problem,
                `${fuzzed.route.method} ${requestTarget.slice(0, 200)} → ${answer.body.slice(0, 200)}`,
              );
            return problem === undefined;
          }),
          { numRuns: RUNS_PER_APP, seed: 20261202, endOnFailure: true },
        )
        .catch((error: unknown) => {
          throw new Error(
            `${[...problems].map(([problem, example]) => `${problem}: ${example}`).join('\n')}\n${String(error)}`,
          );
        });
      const byStatus = [...statuses].sort(([a], [b]) => a - b);
      console.info(
        `${name}: ${RUNS_PER_APP} fuzzed requests, by status: ${byStatus.map(([s, n]) => `${s} ×${n}`).join(', ')}`,
      );
      // The fuzzing reached past the validation: bad input refused, and good enough input served.
      expect(byStatus.some(([status]) => status >= 400 && status < 500)).toBe(true);
      expect(byStatus.some(([status]) => status < 400)).toBe(true);
      expect(target.app.process.running).toBe(true);
      expect(logContains(target.app.process.logs, /died|restarting it/)).toBe(false);
      await waitFor(`${name} healthy`, async () =>
        (await fetch(`${target.base}${HEALTH_PATH}`)).ok ? true : undefined,
      );
    },
    120_000,
  );
});
