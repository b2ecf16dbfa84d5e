import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { RequestOutcome } from './request-outcome.js';

const USER_AGENT = 'nest-prometheus-monitoring-traffic';

/**
 * Sends GET requests over keep-alive connections (at most `maxSockets` per target, the run's
 * concurrency), reads each body to its end, and bounds each request by a total timeout: connect,
 * wait and body together, as the course's `requests.get(url, timeout=1)` roughly did.
 *
 * node:http rather than fetch: the agent is the run's own (closed with `close()`, nothing left in a
 * global pool), and a timeout is told apart from other failures without parsing error messages.
 */
export class HttpRequestSender {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(
    maxSockets: number,
    private readonly timeoutMs: number,
  ) {
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  }

  send(url: string): Promise<RequestOutcome> {
    return new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      let request: ClientRequest | undefined;
      const finish = (outcome: RequestOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        finish({ kind: 'timeout' });
        // Destroying the socket is what frees the slot: a late response must not hold the connection.
        request?.destroy();
      }, this.timeoutMs);
      const onResponse = (response: IncomingMessage) => {
        response.on('end', () =>
          finish({ kind: 'response', status: response.statusCode ?? 0, latencyMs: performance.now() - started }),
        );
        response.on('error', (error: NodeJS.ErrnoException) =>
          finish({ kind: 'error', code: error.code ?? 'ERESPONSE' }),
        );
        // A body cut short ends in 'close' without 'end' (nothing more to wait for).
        response.on('close', () => finish({ kind: 'error', code: 'EINCOMPLETE' }));
        response.resume();
      };
      try {
        const secure = url.startsWith('https:');
        request = (secure ? httpsRequest : httpRequest)(url, {
          method: 'GET',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { accept: 'application/json', 'user-agent': USER_AGENT },
        });
      } catch (error) {
        finish({ kind: 'error', code: (error as NodeJS.ErrnoException).code ?? 'EREQUEST' });
        return;
      }
      request.on('response', onResponse);
      request.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'error', code: error.code ?? 'EREQUEST' }));
      request.end();
    });
  }

  /** Closes the kept-alive connections, so that nothing of the run outlives it. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
