import type { IncomingMessage } from 'node:http';

export interface IncomingRequestFilter {
  /** Paths never measured, compared without the query string. */
  readonly paths: readonly string[];
  /** Local ports whose requests are never measured: the exporter's own scrape server. */
  readonly ports: readonly number[];
}

/**
 * The `ignoreIncomingRequestHook` of the HTTP instrumentation. It patches every `http.Server`, the
 * exporter's scrape server included: without this, each scrape would be counted as a request of the
 * service, and liveness probes would dilute its latency and error ratios.
 */
export function ignoreIncomingRequests(filter: IncomingRequestFilter): (request: IncomingMessage) => boolean {
  const paths = new Set(filter.paths);
  const ports = new Set(filter.ports);
  // Typed as loosely as it is read: a request without a socket is filtered by its path alone.
  return (request: { url?: string; socket?: { localPort?: number } | null }) => {
    if (request.socket?.localPort !== undefined && ports.has(request.socket.localPort)) return true;
    const path = (request.url ?? '').split('?', 1)[0];
    return paths.has(path);
  };
}
