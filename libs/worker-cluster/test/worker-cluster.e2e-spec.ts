/**
 * The supervisor with real processes: a small HTTP app (fixtures/http-cluster.fixture.ts) run by
 * runWorkerCluster like the real apps, forked into workers, killed, restarted and stopped.
 */
import {
  freePort,
  getOnNewConnection,
  isAlive,
  liveWorkerPidsFromLog,
  logContains,
  ManagedProcess,
  waitFor,
} from '@app/testing';
import { fixturePath, REPO_ROOT, TS_LOADER_ARGS } from './fixtures/typescript-loader.js';

interface RunningFixture {
  readonly proc: ManagedProcess;
  readonly base: string;
}

const running: ManagedProcess[] = [];

async function startFixture(
  env: Record<string, string>,
  waitForLog?: RegExp,
  { ownProcessGroup = false } = {},
): Promise<RunningFixture> {
  const port = await freePort();
  const proc = new ManagedProcess({
    name: 'http-cluster fixture',
    command: process.execPath,
    args: [...TS_LOADER_ARGS, fixturePath('http-cluster')],
    env: { PORT: String(port), ...env },
    cwd: REPO_ROOT,
    ownProcessGroup,
  });
  running.push(proc);
  const base = `http://127.0.0.1:${port}`;
  if (waitForLog) await waitForLogLines(proc, waitForLog, 1);
  return { proc, base };
}

/** Waits until `proc` has written `count` lines matching `pattern`. */
async function waitForLogLines(proc: ManagedProcess, pattern: RegExp, count: number): Promise<void> {
  const global = new RegExp(pattern.source, 'g');
  await waitFor(
    `${count} log lines ${String(pattern)}`,
    () => ((proc.logs.match(global)?.length ?? 0) >= count ? true : undefined),
    { timeoutMs: 20_000 },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n--- output ---\n${proc.logs}`);
  });
}

/**
 * Starts `count` slow requests (keep-alive, as most clients send them) and resolves once the app is answering
 * every one: each is then in flight, none still in a connection backlog. `all` gives their answers, a failed
 * request as status 0 and its error.
 */
async function slowRequestsInFlight(fixture: RunningFixture, count: number, ms: number) {
  const answers = Array.from({ length: count }, () =>
    fetch(`${fixture.base}/slow?ms=${ms}`).then(
      async (response) => {
        await response.text();
        return { status: response.status, connection: response.headers.get('connection') };
      },
      (error: unknown) => ({ status: 0, connection: String((error as Error).cause ?? error) }),
    ),
  );
  await waitForLogLines(fixture.proc, /slow request started/, count);
  return { all: Promise.all(answers) };
}

/** Exit code of `proc`, which must exit by itself within `timeoutMs`. */
async function exitWithin(proc: ManagedProcess, timeoutMs: number): Promise<number | null> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const result = await Promise.race([proc.waitForExit(), timeout]);
  if (result === 'timeout') throw new Error(`still running after ${timeoutMs} ms:\n${proc.logs}`);
  return result;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((proc) => proc.stop()));
});

describe('runWorkerCluster', () => {
  it('runs WORKERS=1 as one plain process: no primary, no worker id', async () => {
    const { proc, base } = await startFixture({ WORKERS: '1' });
    const response = await waitFor('the app', () => getOnNewConnection(`${base}/`));
    expect(JSON.parse(response.body)).toEqual({ pid: proc.pid });
    expect(response.workerId).toBeUndefined();
    expect(logContains(proc.logs, /primary/)).toBe(false);
  });

  it('spreads connections over all the workers, none of them the primary', async () => {
    const { proc, base } = await startFixture({ WORKERS: '3' }, /all 3 workers listening/);
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    expect(workerPids).toHaveLength(3);
    const responses = [];
    for (let i = 0; i < 30; i += 1) responses.push(await getOnNewConnection(`${base}/`));
    const answeredBy = new Set(responses.map((response) => (JSON.parse(response.body) as { pid: number }).pid));
    // Round-robin: 30 connections reach every one of the 3 workers.
    expect([...answeredBy].sort()).toEqual([...workerPids].sort());
    expect(answeredBy.has(proc.pid ?? -1)).toBe(false);
    expect(new Set(responses.map((response) => response.workerId))).toEqual(new Set(['1', '2', '3']));
  });

  it('lets a worker ask the primary, which asks every live worker (IPC both ways)', async () => {
    const { proc, base } = await startFixture({ WORKERS: '2' }, /all 2 workers listening/);
    const response = await getOnNewConnection(`${base}/pids`);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as number[]).sort()).toEqual(liveWorkerPidsFromLog(proc.logs).sort());
  });

  it('restarts a worker killed with SIGKILL, with a new pid, and keeps serving', async () => {
    const { proc, base } = await startFixture({ WORKERS: '2' }, /all 2 workers listening/);
    const [victim, survivor] = liveWorkerPidsFromLog(proc.logs);
    process.kill(victim, 'SIGKILL');
    const replaced = (pids: number[]) => pids.length === 2 && !pids.includes(victim);
    await waitFor('the restart', () => (replaced(liveWorkerPidsFromLog(proc.logs)) ? true : undefined), {
      timeoutMs: 10_000,
    });
    expect(logContains(proc.logs, new RegExp(`\\(pid ${victim}\\) died \\(signal SIGKILL\\); restarting it`))).toBe(
      true,
    );
    const pidsAfter = liveWorkerPidsFromLog(proc.logs);
    expect(pidsAfter).toContain(survivor);
    expect(pidsAfter).not.toContain(victim);
    const responses = await Promise.all(Array.from({ length: 10 }, () => getOnNewConnection(`${base}/`)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((response) => (JSON.parse(response.body) as { pid: number }).pid))).toEqual(
      new Set(pidsAfter),
    );
    expect(proc.running).toBe(true);
  });

  it('on SIGTERM closes every worker gracefully, then exits 0, leaving no process behind', async () => {
    const { proc } = await startFixture({ WORKERS: '3' }, /all 3 workers listening/);
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    const started = Date.now();
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 5_000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(3_000);
    for (const pid of workerPids) expect(proc.logs).toContain(`worker pid ${pid} closed gracefully`);
    expect(proc.logs).toContain('primary services closed');
    expect(workerPids.filter(isAlive)).toEqual([]);
  });

  it('kills a worker that does not stop within WORKERS_SHUTDOWN_TIMEOUT_MS, and exits 1: the stop was forced', async () => {
    const { proc } = await startFixture(
      { WORKERS: '2', WORKERS_SHUTDOWN_TIMEOUT_MS: '800', FIXTURE_HANG_ON_CLOSE: 'true' },
      /all 2 workers listening/,
    );
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    const started = Date.now();
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 5_000)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(logContains(proc.logs, /2 workers still running after 800 ms: killing them/)).toBe(true);
    expect(workerPids.filter(isAlive)).toEqual([]);
  });

  it('closes a worker stopped while it is still starting once it has started, rather than killing it', async () => {
    const { proc } = await startFixture({ WORKERS: '2', FIXTURE_START_DELAY_MS: '1000' });
    await waitForLogLines(proc, /worker pid \d+ starting/, 2);
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 5_000)).toBe(0);
    const starting = [...proc.logs.matchAll(/worker pid (\d+) starting/g)].map(([, pid]) => pid);
    for (const pid of starting) expect(proc.logs).toContain(`worker pid ${pid} closed gracefully`);
  });

  it('gives up on a crash loop: a worker that keeps dying at start-up stops the app with exit code 1', async () => {
    const { proc } = await startFixture({ WORKERS: '2', FIXTURE_CRASH_ON_START: 'true' });
    // The fixture allows 3 crashes per slot within 30 s, 50 to 200 ms apart: the 4th stops the app. Each crash is a
    // worker's whole boot, 3 to 4 s on a loaded 2-core CI machine (a run beside another suite took past 15 s): the
    // bound is the window, which four boots must fit in for the policy to call it a loop.
    expect(await exitWithin(proc, 30_000)).toBe(1);
    expect(logContains(proc.logs, /FIXTURE_CRASH_ON_START is set/)).toBe(true);
    expect(logContains(proc.logs, /crashed 4 times recently, a crash loop; stopping the app/)).toBe(true);
    expect(logContains(proc.logs, /restarting it in 50 ms/)).toBe(true);
    expect(logContains(proc.logs, /restarting it in 200 ms/)).toBe(true);
  });
});

describe('runWorkerCluster on SIGTERM with requests in flight, and when the close is cut short', () => {
  const SLOW_MS = 1_500;

  async function startListening(workers: number, env: Record<string, string> = {}, options = {}) {
    const fixture = await startFixture({ WORKERS: String(workers), ...env }, undefined, options);
    if (workers > 1) await waitForLogLines(fixture.proc, new RegExp(`all ${workers} workers listening`), 1);
    else await waitFor('the app', () => getOnNewConnection(`${fixture.base}/`));
    return fixture;
  }

  it.each([1, 3])(
    'WORKERS=%i: every request in flight is answered 200 with Connection: close, then the app exits 0 at once',
    async (workers) => {
      const fixture = await startListening(workers);
      const answers = await slowRequestsInFlight(fixture, 6, SLOW_MS);
      const signalledAt = Date.now();
      fixture.proc.signal('SIGTERM');
      expect(await answers.all).toEqual(Array(6).fill({ status: 200, connection: 'close' }));
      expect(await exitWithin(fixture.proc, 5_000)).toBe(0);
      // Not held by the kept-alive connections until their timeout (5 s): each is closed once answered.
      expect(Date.now() - signalledAt).toBeLessThan(SLOW_MS + 2_000);
    },
  );

  it('WORKERS=1: exits 1 when the close outlasts WORKERS_SHUTDOWN_TIMEOUT_MS', async () => {
    const { proc } = await startListening(1, { WORKERS_SHUTDOWN_TIMEOUT_MS: '800', FIXTURE_HANG_ON_CLOSE: 'true' });
    const started = Date.now();
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 5_000)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(logContains(proc.logs, /still closing after 800 ms: exiting now/)).toBe(true);
  });

  it.each([1, 2])('WORKERS=%i: a second SIGTERM while closing forces the exit (1) at once', async (workers) => {
    const { proc } = await startListening(workers, { FIXTURE_HANG_ON_CLOSE: 'true' });
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    proc.signal('SIGTERM');
    await waitForLogLines(proc, /never finishes closing/, workers);
    const started = Date.now();
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 3_000)).toBe(1);
    // Well inside the default shutdown timeout (8 s): the second signal, not the timeout, stopped it.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logContains(proc.logs, /received SIGTERM again while (closing|stopping)/)).toBe(true);
    await waitFor('the workers gone', () => (workerPids.filter(isAlive).length === 0 ? true : undefined));
  });

  it('WORKERS=2: Ctrl-C, which reaches every process of the group, stops the cluster gracefully, once', async () => {
    const { proc } = await startListening(2, {}, { ownProcessGroup: true });
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group, the workers included.
    process.kill(-(proc.pid ?? 0), 'SIGINT');
    expect(await exitWithin(proc, 5_000)).toBe(0);
    for (const pid of workerPids) expect(proc.logs).toContain(`worker pid ${pid} closed gracefully`);
    expect(logContains(proc.logs, /again/)).toBe(false);
  });
});
