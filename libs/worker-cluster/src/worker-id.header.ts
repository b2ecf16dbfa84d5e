import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Response header naming the cluster worker that answered. It shows how the primary spreads
 * connections (round-robin, per connection, not per request: a keep-alive client stays on one worker)
 * and lets a test prove that traffic really reached several workers.
 */
export const WORKER_ID_HEADER = 'X-Worker-Id';

/** An Express/Connect middleware that sets {@link WORKER_ID_HEADER} on every response of this worker. */
export function workerIdHeader(workerId: number) {
  const value = String(workerId);
  return (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    response.setHeader(WORKER_ID_HEADER, value);
    next();
  };
}
