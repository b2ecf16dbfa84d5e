import { expect } from '@jest/globals';
import request from 'supertest';
import { FIXED_TASKS, OUTCOME_STATUS, TASK_ROUTES, type TaskName } from '@app/metrics';
import { HEALTH_PATH, WORKLOAD_PATH } from '@app/tasks';
import { ScriptedRandomSource } from './fixtures/scripted-random-source.js';
import { startTasksApp, TEST_SETTINGS, type TasksTestApp } from './fixtures/tasks-test-app.js';

/** Outcomes forced through the query, and what each must answer. */
const FORCED = [
  { outcome: 'ok', query: 'weight_ok=1&weight_not_found=0&weight_server_error=0', status: 200 },
  { outcome: 'not_found', query: 'weight_ok=0&weight_not_found=1&weight_server_error=0', status: 404 },
  { outcome: 'server_error', query: 'weight_ok=0&weight_not_found=0&weight_server_error=1', status: 500 },
] as const;

/** Sequential `/sample-signals` statuses: sequential, because concurrent requests interleave their draws. */
async function sampleStatuses(app: TasksTestApp, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    statuses.push((await request(app.baseUrl).get('/sample-signals?max_latency_ms=0')).status);
  }
  return statuses;
}

describe('TasksModule over HTTP', () => {
  describe('routes', () => {
    let app: TasksTestApp;
    beforeAll(async () => {
      app = await startTasksApp();
    });
    afterAll(() => app.close());
    beforeEach(() => app.recorder.forgetFinished());

    // Every fixed route of the table, whatever it holds: a route added there is tested here.
    it.each(FIXED_TASKS.filter((task) => TASK_ROUTES[task].outcome === 'ok'))(
      'the route of %s answers 200 JSON and records an ok',
      async (task) => {
        const response = await request(app.baseUrl).get(TASK_ROUTES[task].path);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body).toEqual({ task, outcome: 'ok', status: 200 });
        expect(app.recorder.outcomes()).toEqual([[task, 'ok']]);
      },
    );

    it.each(FIXED_TASKS)('the route of %s answers the outcome the table gives it', async (task) => {
      const { path, outcome } = TASK_ROUTES[task];
      expect((await request(app.baseUrl).get(path)).status).toBe(OUTCOME_STATUS[outcome]);
      expect(app.recorder.outcomes()).toEqual([[task, outcome]]);
    });

    it("records the task of the route that matched, not of the request's spelling", async () => {
      const response = await request(app.baseUrl).get('/One/');
      expect(response.status).toBe(200);
      expect(app.recorder.outcomes()).toEqual([['one', 'ok']]);
    });

    it('/error answers 500 JSON and records a server_error', async () => {
      const response = await request(app.baseUrl).get('/error');
      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        task: 'error',
        outcome: 'server_error',
      });
      expect(app.recorder.outcomes()).toEqual([['error', 'server_error']]);
    });

    it('/sample-signals answers one of the three outcomes as JSON', async () => {
      const response = await request(app.baseUrl).get('/sample-signals');
      expect([200, 404, 500]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ task: 'sample' });
      expect(app.recorder.outcomes()).toEqual([['sample', (response.body as { outcome: unknown }).outcome]]);
    });

    it(`${HEALTH_PATH} answers ok and records no task`, async () => {
      const response = await request(app.baseUrl).get(HEALTH_PATH);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
      expect(app.recorder.finished).toEqual([]);
    });

    it(`${WORKLOAD_PATH} answers about 1 KB of JSON, and records no task`, async () => {
      const response = await request(app.baseUrl).get(WORKLOAD_PATH);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Buffer.byteLength(response.text)).toBeGreaterThan(800);
      expect(Buffer.byteLength(response.text)).toBeLessThan(1_400);
      expect(app.recorder.finished).toEqual([]);
    });

    it.each(FORCED)('/sample-signals?$query always answers $status', async ({ outcome, query, status }) => {
      for (let i = 0; i < 20; i += 1) {
        const response = await request(app.baseUrl).get(`/sample-signals?${query}&max_latency_ms=0`);
        expect(response.status).toBe(status);
        expect(response.body).toMatchObject({ task: 'sample', outcome });
      }
      expect(app.recorder.outcomes()).toEqual(Array.from({ length: 20 }, () => ['sample', outcome]));
    });

    it('keeps the other outcomes possible when one weight is zeroed', async () => {
      const statuses = new Set<number>();
      for (let i = 0; i < 60; i += 1) {
        const response = await request(app.baseUrl).get(
          '/sample-signals?weight_ok=0&weight_not_found=1&weight_server_error=1&max_latency_ms=0',
        );
        statuses.add(response.status);
      }
      expect([...statuses].sort()).toEqual([404, 500]);
    });
  });

  /**
   * Express 5 parses `?a=1&a=2` into an array under both parsers, and `?a[b]=1` into the key `a[b]`
   * under its default `simple` parser but into `{ a: { b: '1' } }` under `extended`: each must be a 400
   * naming the parameter, never a 500 from a non-string reaching the number parsing.
   */
  describe.each(['simple', 'extended'] as const)('bad input, %s query parser', (queryParser) => {
    let app: TasksTestApp;
    beforeAll(async () => {
      app = await startTasksApp({ queryParser });
    });
    afterAll(() => app.close());

    const bracketed = queryParser === 'simple' ? 'a[b]' : 'a';
    it.each([
      ['/sample-signals?nope=1', 'nope'],
      ['/sample-signals?weight_ok=1&weight_ok=2', 'weight_ok'],
      ['/sample-signals?weight_ok[]=1', queryParser === 'simple' ? 'weight_ok[]' : 'weight_ok'],
      ['/sample-signals?weight_ok[b]=1', queryParser === 'simple' ? 'weight_ok[b]' : 'weight_ok'],
      ['/sample-signals?a[b]=1', bracketed],
      ['/sample-signals?weight_ok=abc', 'weight_ok'],
      ['/sample-signals?weight_not_found=1e3', 'weight_not_found'],
      ['/sample-signals?weight_server_error=-1', 'weight_server_error'],
      ['/sample-signals?weight_ok=', 'weight_ok'],
      ['/sample-signals?weight_ok=%201', 'weight_ok'],
      ['/sample-signals?weight_ok=1000001', 'weight_ok'],
      ['/sample-signals?weight_ok=0&weight_not_found=0&weight_server_error=0', 'weight_ok'],
      ['/sample-signals?max_latency_ms=5001', 'max_latency_ms'],
      ['/sample-signals?max_latency_ms=1&max_latency_ms=1', 'max_latency_ms'],
      ['/one?weight_ok=1', 'weight_ok'],
      ['/error?x=1', 'x'],
      ['/four?a[b]=1', bracketed],
    ])('%s is a 400 naming %p', async (path, parameter) => {
      const before = app.recorder.finished.length;
      const response = await request(app.baseUrl).get(path);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        parameter,
        message: expect.stringMatching(/\S/),
      });
      expect((response.body as { message: string }).message.startsWith(`${parameter} `)).toBe(true);
      // Refused before any work: nothing was started, so nothing was recorded.
      expect(app.recorder.finished.length).toBe(before);
    });
  });

  describe('latency cap', () => {
    let app: TasksTestApp;
    afterEach(() => app.close());

    it('refuses a wait above the cap at once instead of sleeping it', async () => {
      app = await startTasksApp({ settings: { latencyCapMs: 2_000 }, random: new ScriptedRandomSource([0.99]) });
      const startedAt = performance.now();
      const response = await request(app.baseUrl).get('/sample-signals?max_latency_ms=2001');
      expect(response.status).toBe(400);
      expect((response.body as { parameter: unknown }).parameter).toBe('max_latency_ms');
      expect(performance.now() - startedAt).toBeLessThan(1_000);
      expect(app.recorder.finished).toEqual([]);
    });

    it('waits up to the cap when asked for the cap itself', async () => {
      // Draws: 0.99 of the wait bound, then 0 for the outcome (ok).
      app = await startTasksApp({ settings: { latencyCapMs: 200 }, random: new ScriptedRandomSource([0.99, 0]) });
      const response = await request(app.baseUrl).get('/sample-signals?max_latency_ms=200');
      expect(response.status).toBe(200);
      const [work] = app.recorder.finished;
      expect(work.durationMs).toBeGreaterThanOrEqual(190);
      // Generous for a loaded machine, yet far below what a wait past the cap would take.
      expect(work.durationMs).toBeLessThan(200 + 1_000);
    });

    it('holds waits to the cap even when settings built by hand exceed it', async () => {
      app = await startTasksApp({
        settings: { latencyCapMs: 100, routeMaxLatencyMs: { ...TEST_SETTINGS.routeMaxLatencyMs, one: 60_000 } },
        random: new ScriptedRandomSource([0.99]),
      });
      const response = await request(app.baseUrl).get('/one');
      expect(response.status).toBe(200);
      const [work] = app.recorder.finished;
      expect(work.durationMs).toBeGreaterThanOrEqual(95);
      // Unclamped, 0.99 × 60 s would be 59.4 s.
      expect(work.durationMs).toBeLessThan(100 + 1_000);
    });
  });

  describe('seed', () => {
    const apps: TasksTestApp[] = [];
    afterAll(() => Promise.all(apps.map((app) => app.close())));

    it('makes the sequence of outcomes reproducible across two app instances', async () => {
      const first = await startTasksApp({ settings: { seed: 1234 } });
      const second = await startTasksApp({ settings: { seed: 1234 } });
      const other = await startTasksApp({ settings: { seed: 4321 } });
      apps.push(first, second, other);

      const firstStatuses = await sampleStatuses(first, 50);
      expect(await sampleStatuses(second, 50)).toEqual(firstStatuses);
      // Not a constant sequence, and another seed gives another one: the seed is really what repeats it.
      expect(new Set(firstStatuses)).toEqual(new Set([200, 404, 500]));
      expect(await sampleStatuses(other, 50)).not.toEqual(firstStatuses);
      expect(first.recorder.outcomes()).toEqual(second.recorder.outcomes());
    });
  });

  describe('in-flight accounting', () => {
    let app: TasksTestApp;
    afterEach(() => app.close());

    it('counts a task in flight while it works, and no longer once answered', async () => {
      app = await startTasksApp({ random: new ScriptedRandomSource([0.99, 0]) });
      const started = app.recorder.whenStarted('sample');
      const pending = request(app.baseUrl)
        .get('/sample-signals?max_latency_ms=300')
        .then((response) => response);
      await started;
      expect(app.recorder.inFlight('sample')).toBe(1);
      expect(app.recorder.finished).toEqual([]);
      expect((await pending).status).toBe(200);
      expect(app.recorder.inFlight('sample')).toBe(0);
      expect(app.recorder.outcomes()).toEqual([['sample', 'ok']]);
    });

    it.each<[string, TaskName]>([
      ['/sample-signals', 'sample'],
      ['/two', 'two'],
    ])('ends the work as a server_error when %s throws, and answers 500', async (path, task) => {
      app = await startTasksApp({ random: new ScriptedRandomSource([new Error('random source broke')]) });
      const response = await request(app.baseUrl).get(path);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });
      expect(app.recorder.inFlight(task)).toBe(0);
      expect(app.recorder.outcomes()).toEqual([[task, 'server_error']]);
    });
  });
});
