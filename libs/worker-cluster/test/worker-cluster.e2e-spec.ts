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

async function startFixture(env: Record<string, string>, waitForLog?: RegExp): Promise<RunningFixture> {
  const port = await freePort();
  const proc = new ManagedProcess({
    name: 'http-cluster fixture',
    command: process.execPath,
    args: [...TS_LOADER_ARGS, fixturePath('http-cluster')],
    env: { PORT: String(port), ...env },
    cwd: REPO_ROOT,
  });
  running.push(proc);
  const base = `http://127.0.0.1:${port}`;
  if (waitForLog) {
    await waitFor(`the log line ${String(waitForLog)}`, () => (logContains(proc.logs, waitForLog) ? true : undefined), {
      timeoutMs: 20_000,
    }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n--- output ---\n${proc.logs}`);
    });
  }
  return { proc, base };
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

  it('kills a worker that does not stop within WORKERS_SHUTDOWN_TIMEOUT_MS, and still exits 0', async () => {
    const { proc } = await startFixture(
      { WORKERS: '2', WORKERS_SHUTDOWN_TIMEOUT_MS: '800', FIXTURE_IGNORE_SIGTERM: 'true' },
      /all 2 workers listening/,
    );
    const workerPids = liveWorkerPidsFromLog(proc.logs);
    const started = Date.now();
    proc.signal('SIGTERM');
    expect(await exitWithin(proc, 5_000)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(logContains(proc.logs, /2 workers still running after 800 ms: killing them/)).toBe(true);
    expect(workerPids.filter(isAlive)).toEqual([]);
  });

  it('gives up on a crash loop: a worker that keeps dying at start-up stops the app with exit code 1', async () => {
    const { proc } = await startFixture({ WORKERS: '2', FIXTURE_CRASH_ON_START: 'true' });
    // The fixture allows 3 crashes per slot within 30 s, 50 to 200 ms apart: the 4th stops the app.
    expect(await exitWithin(proc, 15_000)).toBe(1);
    expect(logContains(proc.logs, /FIXTURE_CRASH_ON_START is set/)).toBe(true);
    expect(logContains(proc.logs, /crashed 4 times recently, a crash loop; stopping the app/)).toBe(true);
    expect(logContains(proc.logs, /restarting it in 50 ms/)).toBe(true);
    expect(logContains(proc.logs, /restarting it in 200 ms/)).toBe(true);
  });
});
