import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Stops an HTTP server without cutting a request short: it stops accepting connections, lets every request
 * in flight finish, tells each client to close its connection after its answer (`Connection: close`, so that
 * no client sends another request on a connection about to be closed, and sees it reset), and closes the idle
 * keep-alive connections at once rather than when their keep-alive timeout runs out.
 *
 * `server.close()` alone waits for the in-flight requests, but answers them `keep-alive` and then waits for
 * every kept connection to time out (5 s by default), in which time a client may reuse one and be reset.
 */
export class HttpServerDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining: Promise<void> | undefined;

  private constructor(private readonly server: Server) {
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => this.track(response));
  }

  /** Tracks `server`'s requests from now on: call it before the server listens. */
  static track(server: Server): HttpServerDrain {
    return new HttpServerDrain(server);
  }

  /** Resolves once the server is closed and every connection is gone. Runs once; later calls wait for it. */
  close(): Promise<void> {
    this.draining ??= new Promise((resolve, reject) => {
      this.server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
      for (const response of this.inFlight) askToClose(response);
      this.server.closeIdleConnections();
    });
    return this.draining;
  }

  private track(response: ServerResponse): void {
    // A request that arrives now came on a connection accepted before the close: answer it, then close.
    if (this.draining) askToClose(response);
    this.inFlight.add(response);
    response.once('close', () => {
      this.inFlight.delete(response);
      // Its headers were sent before the drain began (keep-alive): its connection is idle now, or about to be.
      if (this.draining) setImmediate(() => this.server.closeIdleConnections());
    });
  }
}

function askToClose(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('connection', 'close');
}
