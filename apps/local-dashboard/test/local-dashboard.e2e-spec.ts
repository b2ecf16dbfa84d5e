import { expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { builtEntry, cluster, freePort, logContains, startBuiltApp, type StartedApp, waitFor } from '@app/testing';

/**
 * The built app as a process, against a fake Prometheus that records what reaches it: the page and its
 * assets, the proxy's validation and forwarding, and start-up refusing bad variables.
 */

interface FakePrometheus {
  server: Server;
  url: string;
  /** The path and query of every request received. */
  received: string[];
  /** The next answer: status, content type, body; no answer at all when `hang`. */
  answer: { status: number; type: string; body: string; hang?: boolean };
  /** The requests left hanging, for a test to answer when it chooses. */
  held: ServerResponse[];
}

async function startFakePrometheus(): Promise<FakePrometheus> {
  const fake: FakePrometheus = {
    server: createServer((request, response) => {
      fake.received.push(request.url ?? '');
      if (fake.answer.hang === true) {
        fake.held.push(response);
        return;
      }
      response.writeHead(fake.answer.status, { 'content-type': fake.answer.type });
      response.end(fake.answer.body);
    }),
    url: '',
    received: [],
    held: [],
    answer: { status: 200, type: 'application/json', body: '{}' },
  };
  const port = await freePort();
  await new Promise<void>((resolve) => fake.server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${port}`;
  return fake;
}

const SUCCESS = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });

describe('local dashboard app', () => {
  let prometheus: FakePrometheus;
  let app: StartedApp;
  let base: string;
  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  beforeAll(async () => {
    prometheus = await startFakePrometheus();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await startBuiltApp(
      'local-dashboard',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        PROMETHEUS_URL: `${prometheus.url}/`,
        LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS: '2000',
      },
      `${base}/health`,
    );
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (app as StartedApp | undefined)?.stop();
    const fake = prometheus as FakePrometheus | undefined;
    fake?.server.closeAllConnections();
    await new Promise((resolve) => fake?.server.close(resolve));
  });

  it('serves the page with its security headers, and the scripts and styles it loads', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'self'; script-src 'self'; style-src 'self'/,
    );
    const html = await page.text();
    expect(html).toContain('<h1 data-field="title">Tasks service overview</h1>');
    for (const asset of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
      const response = await get(asset[1]);
      expect({ asset: asset[1], status: response.status }).toEqual({ asset: asset[1], status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/(javascript|css)/);
    }
    expect((await get('/assets/scripts/timeseries-panel.js')).status).toBe(200);
  });

  it.each(['/assets/nope.js', '/assets/scripts/..%2F..%2Fmain.js', '/assets/scripts/dashboard-view.ts'])(
    'serves no other file: %s is a JSON 404',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404 });
    },
  );

  it('answers the dashboard with its queries interpolated, and a bad choice with a JSON 400', async () => {
    const view = (await (await get('/api/dashboard?var-instrumentation=prom-client')).json()) as {
      sections: Array<{ panels: Array<{ title: string; targets: Array<{ expr: string }> }> }>;
    };
    const panel = view.sections.flatMap((section) => section.panels).find((one) => one.title === 'Requests per second');
    expect(panel?.targets[0].expr).toBe(
      'sum by (instrumentation) (service:http_requests:rate5m{instrumentation=~"prom-client"})',
    );
    const refused = await get('/api/dashboard?var-instrumentation=graphite');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ statusCode: 400, parameter: 'var-instrumentation' });
  });

  it('forwards a valid range query with its parameters, and a timeout for Prometheus', async () => {
    prometheus.answer = { status: 200, type: 'application/json', body: SUCCESS };
    prometheus.received.length = 0;
    const response = await get('/prometheus/api/v1/query_range?query=up&start=1700000000&end=1700000600&step=15');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(SUCCESS);
    expect(prometheus.received).toHaveLength(1);
    const forwarded = new URL(prometheus.received[0], prometheus.url);
    expect(forwarded.pathname).toBe('/api/v1/query_range');
    expect(Object.fromEntries(forwarded.searchParams)).toEqual({
      query: 'up',
      start: '1700000000',
      end: '1700000600',
      step: '15',
      timeout: '2',
    });
  });

  it("passes Prometheus' own errors on, status and JSON body", async () => {
    const error = JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' });
    prometheus.answer = { status: 400, type: 'application/json', body: error };
    const response = await get('/prometheus/api/v1/query?query=up%7B');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(error);
  });

  it('answers 502 JSON when what answers is not Prometheus', async () => {
    prometheus.answer = { status: 200, type: 'text/html', body: '<html>login</html>' };
    const response = await get('/prometheus/api/v1/query?query=up');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ statusCode: 502, message: expect.stringContaining('not JSON') });
  });

  it('answers 504 JSON when Prometheus takes longer than the timeout', async () => {
    prometheus.answer = { status: 200, type: 'application/json', body: SUCCESS, hang: true };
    const response = await get('/prometheus/api/v1/query?query=up');
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ statusCode: 504, message: expect.stringContaining('2000 ms') });
  });

  it('answers 502 JSON rather than pass on an answer beyond the bound', async () => {
    prometheus.answer = { status: 200, type: 'application/json', body: `"${'x'.repeat(17 * 1024 * 1024)}"` };
    const response = await get('/prometheus/api/v1/query?query=up');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      statusCode: 502,
      message: expect.stringContaining('narrow the query'),
    });
  });

  it('refuses bad parameters with a JSON 400 before anything reaches Prometheus', async () => {
    prometheus.received.length = 0;
    const response = await get('/prometheus/api/v1/query_range?query=up&start=1&end=2');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, parameter: 'step' });
    expect(prometheus.received).toEqual([]);
  });

  it.each([
    ['GET', '/prometheus/api/v1/admin/tsdb/snapshot'],
    ['GET', '/prometheus/api/v1/series?match[]=up'],
    ['POST', '/prometheus/api/v1/query?query=up'],
    ['GET', '/prometheus/-/quit'],
  ])('forwards nothing else: %s %s is a JSON 404', async (method, path) => {
    prometheus.received.length = 0;
    const response = await get(path, { method });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
    expect(prometheus.received).toEqual([]);
  });

  it('answers 502 JSON when Prometheus cannot be reached', async () => {
    const port = await freePort();
    const down = await startBuiltApp(
      'local-dashboard',
      { PORT: String(port), HOST: '127.0.0.1', PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}` },
      `http://127.0.0.1:${port}/health`,
    );
    try {
      const response = await fetch(`http://127.0.0.1:${port}/prometheus/api/v1/query?query=up`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({
        statusCode: 502,
        message: expect.stringContaining('cannot be reached'),
      });
    } finally {
      await down.stop();
    }
  });

  it('on SIGTERM answers the query it is proxying, then exits 0', async () => {
    const port = await freePort();
    const stopping = await startBuiltApp(
      'local-dashboard',
      { PORT: String(port), HOST: '127.0.0.1', PROMETHEUS_URL: prometheus.url },
      `http://127.0.0.1:${port}/health`,
    );
    try {
      prometheus.answer = { status: 200, type: 'application/json', body: SUCCESS, hang: true };
      prometheus.held.length = 0;
      const query = fetch(`http://127.0.0.1:${port}/prometheus/api/v1/query?query=up`);
      // Forwarded to Prometheus: in flight at the dashboard until Prometheus answers.
      await waitFor('the query at Prometheus', () => prometheus.held.at(0));
      const { code, elapsedMs } = await cluster.stopBySigterm(stopping, undefined, () => {
        const held = prometheus.held[0];
        held.writeHead(200, { 'content-type': 'application/json' });
        held.end(SUCCESS);
      });

      const response = await query;
      expect({ status: response.status, connection: response.headers.get('connection') }).toEqual({
        status: 200,
        connection: 'close',
      });
      expect(await response.text()).toBe(SUCCESS);
      expect({ code, elapsedMs: elapsedMs < 5_000 }).toEqual({ code: 0, elapsedMs: true });
      expect(logContains(stopping.process.logs, /closed gracefully/)).toBe(true);
    } finally {
      await stopping.stop();
    }
  });

  it('refuses to start on bad variables, naming each', () => {
    const run = spawnSync(process.execPath, [builtEntry('local-dashboard')], {
      env: { PATH: process.env.PATH, PROMETHEUS_URL: 'ftp://127.0.0.1', LOCAL_DASHBOARD_REFRESH_SECONDS: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PROMETHEUS_URL must be an http(s) URL');
    expect(run.stderr).toContain('LOCAL_DASHBOARD_REFRESH_SECONDS must be an integer between 1 and 3600');
  });
});
