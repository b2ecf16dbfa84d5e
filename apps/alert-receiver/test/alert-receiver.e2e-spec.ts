import { expect } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import {
  builtEntry,
  cluster,
  freePort,
  logContains,
  ManagedProcess,
  REPO_ROOT,
  scrape,
  startBuiltApp,
  type StartedApp,
  sumSamples,
  waitFor,
} from '@app/testing';
import { BASELINE_SECURITY_HEADERS } from '@app/html';
import { RUNBOOKS_PAGE } from '@app/metrics';
import { alertingRules } from '@app/observability';
import { RECEIVER_CONTENT_SECURITY_POLICY } from '../src/http/security-headers.js';
import { CAPTURED_FIRING, CAPTURED_RESOLVED, webhookPayload } from './fixtures/alertmanager-payloads.js';

/**
 * The compiled receiver as a real process, fed Alertmanager-shaped webhooks over HTTP: state, page,
 * metrics, logs, and every way a request can be refused (never a 500).
 */
const TOKEN = 'e2e-shared-secret';
const BODY_LIMIT_BYTES = 4096;
const BASELINE_HEADER_NAMES = Object.keys(BASELINE_SECURITY_HEADERS).map((name) => name.toLowerCase());

describe('alert receiver (compiled app)', () => {
  let app: StartedApp;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    app = await startBuiltApp(
      'alert-receiver',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        ALERT_RECEIVER_TOKEN: TOKEN,
        ALERT_RECEIVER_BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
        ALERT_RECEIVER_MAX_ALERTS: '50',
      },
      `${baseUrl}/health`,
    );
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it: afterAll runs all the same.
    await (app as StartedApp | undefined)?.stop();
  });

  function post(body: string | object, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${baseUrl}/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function alertsJson() {
    const response = await fetch(`${baseUrl}/alerts`);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      counts: { firing: number; resolved: number };
      alerts: Array<Record<string, unknown>>;
      notifications: Array<Record<string, unknown>>;
    };
  }

  async function page(): Promise<string> {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return response.text();
  }

  const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to));

  it('starts empty: no alert, a page that says so, zeroed metrics, healthy', async () => {
    expect(await (await fetch(`${baseUrl}/health`)).json()).toEqual({ status: 'ok' });
    expect(await alertsJson()).toEqual({ counts: { firing: 0, resolved: 0 }, alerts: [], notifications: [] });
    expect(await page()).toContain('No alert is firing.');
    const { samples, families } = await scrape(`${baseUrl}/metrics`);
    expect(families.get('alert_receiver_notifications_total')).toBe('COUNTER');
    expect(families.get('alert_receiver_alerts_firing')).toBe('GAUGE');
    expect(sumSamples(samples, 'alert_receiver_notifications_total')).toBe(0);
    expect(sumSamples(samples, 'alert_receiver_alerts_firing')).toBe(0);
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong token', { authorization: 'Bearer not-the-token' }],
      ['a token prefix', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
      ['Basic credentials', { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }],
    ])('answers 401 JSON to %s and stores nothing', async (_what, headers) => {
      const response = await fetch(`${baseUrl}/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(CAPTURED_FIRING),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, field: 'authorization' });
      expect((await alertsJson()).alerts).toEqual([]);
    });
  });

  it('takes a firing notification, then its resolution', async () => {
    const accepted = await post(CAPTURED_FIRING);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ status: 'accepted', alerts: 1 });

    let state = await alertsJson();
    expect(state.counts).toEqual({ firing: 1, resolved: 0 });
    expect(state.alerts[0]).toMatchObject({
      fingerprint: '446ccc542f2c9093',
      status: 'firing',
      alertname: 'HighErrorRate',
      severity: 'critical',
      summary: 'Too many errors',
      since: '2026-11-25T21:32:07.979Z',
      endsAt: null,
    });
    let html = await page();
    const firingSection = between(html, 'data-section="firing"', 'data-section="resolved"');
    expect(firingSection).toContain('HighErrorRate');
    expect(firingSection).toContain('Too many errors');
    expect(firingSection).toContain('5xx ratio above 5%');
    let metrics = (await scrape(`${baseUrl}/metrics`)).samples;
    expect(sumSamples(metrics, 'alert_receiver_notifications_total', { status: 'firing' })).toBe(1);
    expect(sumSamples(metrics, 'alert_receiver_alerts_firing', { severity: 'critical' })).toBe(1);

    expect((await post(CAPTURED_RESOLVED)).status).toBe(200);
    state = await alertsJson();
    expect(state.counts).toEqual({ firing: 0, resolved: 1 });
    expect(state.alerts[0]).toMatchObject({ status: 'resolved', since: '2026-11-25T21:32:09.000Z' });
    expect(state.notifications.map((notification) => notification.status)).toEqual(['resolved', 'firing']);
    html = await page();
    expect(between(html, 'data-section="firing"', 'data-section="resolved"')).toContain('No alert is firing.');
    expect(between(html, 'data-section="resolved"', 'data-section="notifications"')).toContain('HighErrorRate');
    metrics = (await scrape(`${baseUrl}/metrics`)).samples;
    expect(sumSamples(metrics, 'alert_receiver_notifications_total', { status: 'resolved' })).toBe(1);
    expect(sumSamples(metrics, 'alert_receiver_alerts_firing')).toBe(0);
  });

  it('logs one structured line per alert', async () => {
    const body = webhookPayload([
      { alertname: 'LogLineA', severity: 'warning', service: 'tasks-prom-client' },
      { alertname: 'LogLineB' },
    ]);
    expect((await post(body)).status).toBe(200);
    const records = app.process.logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      // Parsed output of the process: a line may carry no message.
      .map((line) => JSON.parse(line) as { message?: Record<string, unknown> })
      .map((line) => line.message)
      .filter((message) => message?.event === 'alert_notification');
    expect(records).toContainEqual(
      expect.objectContaining({
        status: 'firing',
        alertname: 'LogLineA',
        severity: 'warning',
        service: 'tasks-prom-client',
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ alertname: 'LogLineB', severity: null, service: null }));
  });

  describe('bad payloads: 400 JSON naming the field', () => {
    const firing = () => JSON.parse(JSON.stringify(CAPTURED_FIRING)) as typeof CAPTURED_FIRING;
    it.each<[string, string | object, string]>([
      ['malformed JSON', '{"version": "4", ', 'body'],
      ['a JSON array', '[]', 'body'],
      ['an empty object', '{}', 'version'],
      ['an older version', { ...firing(), version: '3' }, 'version'],
      ['an unknown status', { ...firing(), status: 'pending' }, 'status'],
      ['alerts that are not a list', { ...firing(), alerts: 'HighErrorRate' }, 'alerts'],
      [
        'an alert without alertname',
        { ...firing(), alerts: [{ ...firing().alerts[0], labels: {} }] },
        'alerts[0].labels.alertname',
      ],
      [
        'a bad startsAt',
        { ...firing(), alerts: [{ ...firing().alerts[0], startsAt: 'yesterday' }] },
        'alerts[0].startsAt',
      ],
      ['a numeric label', { ...firing(), commonLabels: { code: 500 } }, 'commonLabels.code'],
    ])('%s', async (_what, body, field) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const answer = (await response.json()) as { field: string; message: string };
      expect(answer.field).toBe(field);
      expect(answer.message).toContain(field);
    });
  });

  it('answers 413 JSON to a body over the limit', async () => {
    const body = webhookPayload([{ alertname: 'Big', description: 'x'.repeat(BODY_LIMIT_BYTES) }]);
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      statusCode: 413,
      field: 'body',
      message: expect.stringContaining(`${BODY_LIMIT_BYTES}`),
    });
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON in an unsupported charset', { 'content-type': 'application/json; charset=latin1' }],
  ])('answers 415 JSON to %s', async (_what, headers) => {
    const response = await post(JSON.stringify(CAPTURED_FIRING), headers);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ statusCode: 415, field: 'content-type' });
  });

  it('counts refused requests by bounded reason, and is still healthy', async () => {
    const { samples } = await scrape(`${baseUrl}/metrics`);
    const rejected = (reason: string) => sumSamples(samples, 'alert_receiver_rejected_requests_total', { reason });
    expect(rejected('unauthorized')).toBe(4);
    expect(rejected('invalid_payload')).toBe(9);
    expect(rejected('payload_too_large')).toBe(1);
    expect(rejected('unsupported_media_type')).toBe(3);
    expect(app.process.running).toBe(true);
    expect(app.process.logs).not.toMatch(/"level":"error"/);
  });

  it("serves the runbooks, with a heading at every alert's runbook_url", async () => {
    const response = await fetch(`${baseUrl}${RUNBOOKS_PAGE.path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const ids = new Set([...html.matchAll(/<h[1-6][^>]* id="([^"]+)"/g)].map(([, id]) => id));
    const links = alertingRules().map(({ rule }) => String(rule.annotations?.runbook_url));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL(link);
      expect({ link, page: `${url.origin}${url.pathname}`, heading: ids.has(url.hash.slice(1)) }).toEqual({
        link,
        page: RUNBOOKS_PAGE.url,
        heading: true,
      });
    }
  });

  // Last: its refused requests would change the counts the test above checks.
  it.each([
    ['the page', '/', {}],
    ['the JSON of the store', '/alerts', {}],
    ['a refused webhook (401)', '/alerts', { method: 'POST', body: '{}' }],
    [
      'a malformed body (400)',
      '/alerts',
      { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } },
    ],
    ['an unknown path (404)', '/no/such/page', {}],
  ] as const)('sends the security headers with %s, and no X-Powered-By', async (_what, path, init) => {
    const response = await fetch(`${baseUrl}${path}`, init);
    await response.arrayBuffer();
    expect(
      Object.fromEntries(
        [...BASELINE_HEADER_NAMES, 'content-security-policy', 'x-powered-by'].map((name) => [
          name,
          response.headers.get(name),
        ]),
      ),
    ).toEqual({
      ...Object.fromEntries(
        Object.entries(BASELINE_SECURITY_HEADERS).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      'content-security-policy': RECEIVER_CONTENT_SECURITY_POLICY,
      'x-powered-by': null,
    });
    expect(RECEIVER_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(RECEIVER_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('alert receiver start-up', () => {
  it.each([
    [{ ALERT_RECEIVER_MAX_ALERTS: 'lots' }, 'ALERT_RECEIVER_MAX_ALERTS'],
    [{ ALERT_RECEIVER_TOKEN_FILE: '/nonexistent/token' }, 'ALERT_RECEIVER_TOKEN_FILE'],
    [{ PORT: '99999' }, 'PORT'],
  ])('stops with exit code 1 on %j, naming %s', async (env, variable) => {
    const proc = new ManagedProcess({
      name: 'alert-receiver',
      command: process.execPath,
      args: [builtEntry('alert-receiver')],
      env: { NODE_ENV: 'test', PORT: String(await freePort()), ...env },
      cwd: REPO_ROOT,
    });
    try {
      expect(await proc.waitForExit()).toBe(1);
      // stderr may still be draining when the exit event fires.
      await waitFor(`stderr naming ${variable}`, () => (proc.logs.includes(variable) ? true : undefined), {
        timeoutMs: 2_000,
      });
    } finally {
      await proc.stop();
    }
  });
});

describe('alert receiver on SIGTERM', () => {
  let stopping: StartedApp | undefined;
  afterEach(() => stopping?.stop());

  it('answers the webhook it is receiving (200: stored, so Alertmanager counts no failure), then exits 0', async () => {
    const port = await freePort();
    const app = await startBuiltApp(
      'alert-receiver',
      { PORT: String(port), HOST: '127.0.0.1' },
      `http://127.0.0.1:${port}/health`,
    );
    stopping = app;
    const body = JSON.stringify(webhookPayload([{ alertname: 'InFlightAtShutdown' }]));
    // 100-continue: the receiver's answer "continue" says it has the request, in flight from then on.
    const webhook = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/alerts',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const answer = new Promise<{ status: number | undefined; connection: string | undefined; text: string }>(
      (resolve, reject) => {
        webhook.on('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode, connection: response.headers.connection, text }),
          );
        });
        webhook.on('error', reject);
      },
    );
    await new Promise<void>((resolve) => webhook.once('continue', resolve));
    const { code, elapsedMs } = await cluster.stopBySigterm(app, undefined, () => webhook.end(body));

    const { status, connection, text } = await answer;
    expect({ status, connection }).toEqual({ status: 200, connection: 'close' });
    expect(JSON.parse(text)).toEqual({ status: 'accepted', alerts: 1 });
    expect({ code, elapsedMs: elapsedMs < 5_000 }).toEqual({ code: 0, elapsedMs: true });
    expect(logContains(app.process.logs, /closed gracefully/)).toBe(true);
  });
});
