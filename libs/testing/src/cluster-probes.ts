/**
 * Probes for tests of an app running as a cluster: requests on fresh connections (the primary hands out
 * connections, not requests, so a keep-alive client would stay on one worker), the worker pids read
 * from the primary's log, and whether a process is still alive.
 */
import { WORKER_ID_HEADER } from '@app/worker-cluster';
import { get } from 'node:http';

export interface ClusterResponse {
  readonly status: number;
  /** The worker that answered ({@link WORKER_ID_HEADER}); undefined when the app runs as one process. */
  readonly workerId: string | undefined;
  readonly body: string;
}

/** GET on a connection of its own, closed after the answer. */
export function getOnNewConnection(url: string, timeoutMs = 10_000): Promise<ClusterResponse> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, headers: { connection: 'close' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const header = response.headers[WORKER_ID_HEADER.toLowerCase()];
        resolve({
          status: response.statusCode ?? 0,
          workerId: Array.isArray(header) ? header[0] : header,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** Nest's logger colours its output; the tests read the words. */
// eslint-disable-next-line no-control-regex -- the escape character is the point
const stripColours = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

/** A live worker, as the primary's log names it: its cluster id and its pid. */
export interface LiveWorker {
  readonly id: number;
  readonly pid: number;
}

/**
 * The live workers as the primary's log tells them: each `worker <id> (pid <pid>) listening` line not followed
 * by a `worker <id> (pid <pid>) died|stopped` line.
 */
export function liveWorkersFromLog(logs: string): LiveWorker[] {
  const live = new Map<number, LiveWorker>();
  for (const match of stripColours(logs).matchAll(/worker (\d+) \(pid (\d+)\) (listening|died|stopped)/g)) {
    const [id, pid] = [Number(match[1]), Number(match[2])];
    if (match[3] === 'listening') live.set(pid, { id, pid });
    else live.delete(pid);
  }
  return [...live.values()];
}

/** Pids of the live workers as the primary's log tells them. */
export function liveWorkerPidsFromLog(logs: string): number[] {
  return liveWorkersFromLog(logs).map(({ pid }) => pid);
}

export function logContains(logs: string, pattern: RegExp): boolean {
  return pattern.test(stripColours(logs));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
