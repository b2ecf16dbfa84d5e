import { freePort } from '@app/testing';
import { runTraffic, type TrafficProgress, type TrafficReport } from '@app/traffic';
import { startStatusServer, type StatusServer } from './fixtures/status-server.js';

/** Drops the zero counts the report keeps for readability, to compare with the server's own counts. */
const nonZero = (counts: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

/** The report's routes as the server's paths. */
const asPaths = (counts: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(nonZero(counts)).map(([route, count]) => [`/${route}`, count]));

describe('runTraffic against a real HTTP server', () => {
  let first: StatusServer;
  let second: StatusServer;

  beforeEach(async () => {
    first = await startStatusServer({ slowMs: 1_000 });
    second = await startStatusServer({ slowMs: 1_000 });
  });

  afterEach(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it("sends exactly the requested count, split evenly over the targets, with tallies equal to the servers' counts", async () => {
    const report = await runTraffic({
      targets: [first.url, second.url],
      requests: 501,
      concurrency: 8,
      mix: 'one=1,two=1,three=1,error=1,sample-signals=2',
      seed: 1,
    });

    expect(report.stopReason).toBe('requests');
    expect(report.sent).toBe(501);
    expect(first.received).toHaveLength(251);
    expect(second.received).toHaveLength(250);
    expect(report.byTarget).toEqual({ [first.url]: 251, [second.url]: 250 });

    const serverByPath: Record<string, number> = {};
    const serverByStatus: Record<string, number> = {};
    for (const server of [first, second]) {
      for (const [path, count] of Object.entries(server.countBy('path')))
        serverByPath[path] = (serverByPath[path] ?? 0) + count;
      for (const [status, count] of Object.entries(server.countBy('status')))
        serverByStatus[status] = (serverByStatus[status] ?? 0) + count;
    }
    expect(asPaths(report.byRoute)).toEqual(serverByPath);
    expect(nonZero(report.byStatus)).toEqual(serverByStatus);
    expect(report.byRouteAndStatus.error).toEqual({ '500': report.byRoute.error });
    expect(report.byRouteAndStatus['sample-signals']).toEqual({ '404': report.byRoute['sample-signals'] });
    expect(report.latency?.count).toBe(501);
    // Keep-alive: the 8 workers reuse their connections instead of opening one per request.
    for (const server of [first, second]) {
      const connections = new Set(server.received.map((request) => request.clientPort));
      expect(connections.has(undefined)).toBe(false);
      expect(connections.size).toBeLessThanOrEqual(8);
    }
  });

  it('sends exactly K requests even when K is below the concurrency', async () => {
    const report = await runTraffic({ targets: [first.url], requests: 3, concurrency: 50, mix: 'one=1' });
    expect(report.sent).toBe(3);
    expect(first.received).toHaveLength(3);
  });

  it('passes the task weights to /sample-signals only, as its query parameters', async () => {
    await runTraffic({
      targets: [first.url],
      requests: 40,
      mix: 'one=1,sample-signals=1',
      taskWeights: '80,10,10',
      seed: 3,
    });
    const queries = new Set(first.received.map((request) => `${request.path}?${request.query}`));
    expect(queries).toEqual(
      new Set(['/one?', '/sample-signals?weight_ok=80&weight_not_found=10&weight_server_error=10']),
    );
  });

  it('draws the same routes for the same seed', async () => {
    const paths = async (server: StatusServer) => {
      await runTraffic({
        targets: [server.url],
        requests: 30,
        concurrency: 1,
        mix: 'one=1,two=1,three=1,error=1',
        seed: 99,
      });
      return server.received.map((request) => request.path);
    };
    expect(await paths(first)).toEqual(await paths(second));
  });

  it('keeps to the asked rate', async () => {
    const rate = 40;
    const report = await runTraffic({ targets: [first.url], requests: 61, rate, concurrency: 4, mix: 'one=1' });
    const arrivals = first.received.map((request) => request.atMs);
    const measuredRate = (arrivals.length - 1) / ((arrivals[arrivals.length - 1] - arrivals[0]) / 1000);
    expect(measuredRate).toBeGreaterThan(rate * 0.9);
    expect(measuredRate).toBeLessThan(rate * 1.1);
    // 61 requests at 40/s span 1.5 s: the report's rate (over the whole run) is close to it as well.
    expect(report.achievedRate).toBeGreaterThan(rate * 0.85);
    expect(report.achievedRate).toBeLessThan(rate * 1.15);
    expect(report.targetRate).toBe(rate);
  });

  it('runs many paced workers without a listener-leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await runTraffic({ targets: [first.url], requests: 60, rate: 200, concurrency: 40, mix: 'one=1' });
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('stops at the duration, starting only the requests whose slot falls inside it', async () => {
    const report = await runTraffic({ targets: [first.url], durationSeconds: 1.5, rate: 20, mix: 'one=1' });
    expect(report.stopReason).toBe('duration');
    // Slots at 0, 50, ..., 1450 ms: 30 requests; a little slack for a slow machine.
    expect(report.sent).toBeGreaterThanOrEqual(27);
    expect(report.sent).toBeLessThanOrEqual(30);
    expect(first.received).toHaveLength(report.sent);
    expect(report.elapsedSeconds).toBeLessThan(2.5);
  });

  it('stops at the duration without a rate limit too', async () => {
    const report = await runTraffic({ targets: [first.url], durationSeconds: 0.5, mix: 'one=1' });
    expect(report.stopReason).toBe('duration');
    expect(report.sent).toBeGreaterThan(10);
    expect(first.received).toHaveLength(report.sent);
    expect(report.elapsedSeconds).toBeLessThan(1.5);
  });

  it('counts requests that outlast the timeout as timeouts, and leaves them out of the latency', async () => {
    const report = await runTraffic({
      targets: [first.url],
      requests: 24,
      concurrency: 4,
      mix: 'one=1,four=1',
      timeoutSeconds: 0.2,
      seed: 5,
    });
    const serverByPath = first.countBy('path');
    expect(serverByPath['/four']).toBeGreaterThan(0);
    expect(report.byStatus.timeout).toBe(serverByPath['/four']);
    expect(report.byStatus['200']).toBe(serverByPath['/one']);
    expect(report.byRouteAndStatus.four).toEqual({ timeout: serverByPath['/four'] });
    expect(report.latency?.count).toBe(serverByPath['/one']);
    expect(report.latency?.maxMs).toBeLessThan(200);
    // Timed-out requests free their worker at the timeout, not when the slow answer would come (1 s).
    expect(report.elapsedSeconds).toBeLessThan(3);
  });

  it('counts connection failures as errors, by code', async () => {
    const closedPort = await freePort();
    const report = await runTraffic({ targets: [`http://127.0.0.1:${closedPort}`], requests: 10, mix: 'one=1' });
    expect(report.sent).toBe(10);
    expect(report.byStatus).toEqual({ error: 10 });
    expect(report.networkErrors).toEqual({ ECONNREFUSED: 10 });
    expect(report.latency).toBeNull();
  });

  it('stops early when aborted, lets the requests in flight finish, and still reports', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 500);
    const report: TrafficReport = await runTraffic(
      { targets: [first.url], durationSeconds: 30, rate: 50, mix: 'one=1,four=1', timeoutSeconds: 2, seed: 2 },
      { signal: abort.signal },
    );
    expect(report.stopReason).toBe('aborted');
    expect(report.sent).toBeGreaterThan(5);
    expect(report.elapsedSeconds).toBeLessThan(2.5);
    // Every request sent has an outcome: the tallies add up and match the server's own record.
    expect(first.received).toHaveLength(report.sent);
    expect(Object.values(report.byStatus).reduce((sum, count) => sum + count, 0)).toBe(report.sent);
  });

  it('sends nothing when aborted before it starts', async () => {
    const report = await runTraffic({ targets: [first.url], requests: 100 }, { signal: AbortSignal.abort() });
    expect(report).toMatchObject({ stopReason: 'aborted', sent: 0, latency: null });
    expect(first.received).toHaveLength(0);
  });

  it('reports progress while running, and once more at the end with the final counts', async () => {
    const snapshots: TrafficProgress[] = [];
    await runTraffic(
      { targets: [first.url], requests: 30, rate: 40, mix: 'one=1,error=1', seed: 4 },
      { onProgress: (progress) => snapshots.push(progress), progressIntervalMs: 100 },
    );
    expect(snapshots.length).toBeGreaterThan(3);
    const sent = snapshots.map((snapshot) => snapshot.sent);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
    const last = snapshots[snapshots.length - 1];
    expect(last).toMatchObject({ sent: 30, inFlight: 0, plannedRequests: 30 });
    expect((last.byStatusClass['2xx'] ?? 0) + (last.byStatusClass['5xx'] ?? 0)).toBe(30);
  });

  it('refuses bad options before sending anything, naming them', async () => {
    await expect(runTraffic({ targets: [first.url], requests: 0 })).rejects.toThrow(/requests must be an integer/);
    expect(first.received).toHaveLength(0);
  });
});
