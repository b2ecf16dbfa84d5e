/**
 * What the two apps' cluster tests do alike: start the built app with its workers, spread requests over them,
 * kill one and wait for its replacement, keep traffic or scrapes going meanwhile, and stop it by SIGTERM.
 */
import { expect } from '@jest/globals';
import { CLUSTER_WORKER_UP } from '@app/worker-cluster';
import { type Sample, selectSamples } from './exposition.js';
import { waitFor } from '@app/local-stack';
import { startBuiltApp, type StartedApp } from './built-app.js';
import {
  getOnNewConnection,
  isAlive,
  type LiveWorker,
  liveWorkerPidsFromLog,
  liveWorkersFromLog,
  logContains,
} from './cluster-probes.js';

/** Starts the built `app` and waits until its primary says every one of its `workers` listens. */
export async function startClusterApp(
  app: string,
  env: Readonly<Record<string, string>>,
  healthUrl: string,
  workers: number,
): Promise<StartedApp> {
  const started = await startBuiltApp(app, env, healthUrl);
  await waitForEveryWorker(started, workers);
  return started;
}

export async function waitForEveryWorker(app: StartedApp, workers: number): Promise<void> {
  const listening = new RegExp(`all ${workers} workers listening`);
  await waitFor(`all ${workers} workers listening`, () =>
    logContains(app.process.logs, listening) ? true : undefined,
  );
}

/** The pids of `app`'s live workers, as its primary's log tells them. */
export function liveWorkerPids(app: StartedApp): number[] {
  return liveWorkerPidsFromLog(app.process.logs);
}

/** Sends `times` GETs of `path`, each on a new connection so that the primary spreads them; the workers' ids. */
export async function sendEach(base: string, path: string, status: number, times: number): Promise<string[]> {
  const workerIds: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const response = await getOnNewConnection(`${base}${path}`);
    if (response.status !== status) throw new Error(`GET ${path} answered ${response.status}, not ${status}`);
    workerIds.push(response.workerId ?? 'none');
  }
  return workerIds;
}

/** SIGKILLs the first live worker and waits until the primary has replaced it: the victim and the live pids. */
export async function killOneWorker(app: StartedApp, workers: number): Promise<{ victim: number; live: number[] }> {
  const [victim] = liveWorkerPids(app);
  process.kill(victim, 'SIGKILL');
  const live = await waitFor('the replacement worker', () => {
    const pids = liveWorkerPids(app);
    return pids.length === workers && !pids.includes(victim) ? pids : undefined;
  });
  return { victim, live };
}

/** A loop run in the background until stopped; `count` is how many of its steps returned true. */
export interface BackgroundLoop {
  readonly count: number;
  stop(): Promise<void>;
}

export function loopInBackground(step: () => Promise<boolean>, pauseMs = 0): BackgroundLoop {
  // Set by stop() while the loop runs; a plain boolean to the loop, not the constant false.
  let stopped = false as boolean;
  let count = 0;
  const running = (async () => {
    while (!stopped) {
      if (await step()) count += 1;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    get count() {
      return count;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** Waits until `loop` has counted `more` further steps. */
export async function waitForMoreSteps(loop: BackgroundLoop, more: number, what: string): Promise<void> {
  const target = loop.count + more;
  await waitFor(what, () => (loop.count >= target ? true : undefined));
}

/**
 * Kills a worker while traffic and scrapes go on: a few scrapes before the kill and a few after the replacement
 * (counted, not timed), then stops both loops. The victim and the live pids.
 */
export async function killOneWorkerUnderLoad(
  app: StartedApp,
  workers: number,
  loops: { readonly traffic: BackgroundLoop; readonly scraping: BackgroundLoop },
): Promise<{ victim: number; live: number[] }> {
  await waitForMoreSteps(loops.scraping, 3, 'three scrapes under traffic');
  const killed = await killOneWorker(app, workers);
  await waitForMoreSteps(loops.scraping, 3, 'three scrapes after the replacement');
  await Promise.all([loops.traffic.stop(), loops.scraping.stop()]);
  return killed;
}

/**
 * SIGTERM stops the cluster gracefully: exit 0 well inside the shutdown bound (5 s in the tests' settings), no
 * worker killed, every worker gone.
 */
export async function expectGracefulClusterStop(app: StartedApp, workers: number): Promise<void> {
  const workerPids = liveWorkerPids(app);
  expect(workerPids).toHaveLength(workers);
  const { code, elapsedMs } = await stopBySigterm(app);
  expect(code).toBe(0);
  expect(elapsedMs).toBeLessThan(5_000);
  expect(logContains(app.process.logs, /killing them/)).toBe(false);
  expect(workerPids.filter(isAlive)).toEqual([]);
}

/**
 * Sends SIGTERM and waits for the exit, at most `boundMs` (then stops it the hard way): the exit code, or
 * 'timeout', and how long it took. `whileClosing` runs once the app says it is closing (`closeOnSignals`), before
 * the exit is awaited: to finish a request that was in flight when the signal came.
 */
export async function stopBySigterm(
  app: StartedApp,
  boundMs = 8_000,
  whileClosing?: () => void,
): Promise<{ code: number | null | 'timeout'; elapsedMs: number }> {
  const started = Date.now();
  app.process.signal('SIGTERM');
  if (whileClosing) {
    await waitFor('the app closing on SIGTERM', () =>
      logContains(app.process.logs, /received SIGTERM: closing/) ? true : undefined,
    );
    whileClosing();
  }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), boundMs).unref());
  const code = await Promise.race([app.process.waitForExit(), timeout]);
  const elapsedMs = Date.now() - started;
  if (code === 'timeout') await app.stop();
  return { code, elapsedMs };
}

/**
 * Stops one live worker (SIGSTOP: it holds its connections and answers nothing, as a worker stuck in a loop
 * would), runs `during`, then lets it go on (SIGCONT), whatever `during` did.
 */
export async function whileOneWorkerHangs<T>(app: StartedApp, during: (hung: LiveWorker) => Promise<T>): Promise<T> {
  const hung = liveWorkersFromLog(app.process.logs).at(0);
  if (hung === undefined) throw new Error(`no live worker to stop:\n${app.process.logs}`);
  process.kill(hung.pid, 'SIGSTOP');
  try {
    return await during(hung);
  } finally {
    process.kill(hung.pid, 'SIGCONT');
  }
}

/** `cluster_worker_up` of a scrape, by worker id: what the merged metrics say of each worker's answer. */
export function workersUp(samples: readonly Sample[]): Record<string, number> {
  return Object.fromEntries(
    selectSamples(samples, CLUSTER_WORKER_UP.name).map((sample) => [
      sample.labels[CLUSTER_WORKER_UP.label],
      sample.value,
    ]),
  );
}

/** What {@link workersUp} must say of `workers` when `hung` (if any) did not answer: 1 for each, 0 for it. */
export function expectedWorkersUp(workers: readonly LiveWorker[], hung?: LiveWorker): Record<string, number> {
  return Object.fromEntries(workers.map(({ id }) => [String(id), id === hung?.id ? 0 : 1]));
}

/** The cluster tests' steps, as one object: `cluster.start(...)`, `cluster.killOneWorkerUnderLoad(...)`. */
export const cluster = {
  start: startClusterApp,
  liveWorkerPids,
  sendEach,
  loopInBackground,
  killOneWorkerUnderLoad,
  expectGracefulStop: expectGracefulClusterStop,
  stopBySigterm,
  whileOneWorkerHangs,
  workersUp,
  expectedWorkersUp,
  liveWorkers: (app: StartedApp): LiveWorker[] => liveWorkersFromLog(app.process.logs),
} as const;
