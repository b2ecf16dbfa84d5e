import { ServerResponse, type IncomingMessage } from 'node:http';
import { context, type Span } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { UNMATCHED_ROUTE } from '@app/metrics';

/**
 * The `responseHook` of the HTTP instrumentation: gives requests that matched no route
 * `http.route="unmatched"` instead of no route at all.
 *
 * The instrumentation takes `http.route` from the request's RPC metadata, which the Express
 * instrumentation fills when a route matches; a 404 for an unknown path leaves it empty. The label is
 * then absent, which is already bounded (the raw URL is never used), but absent is ambiguous in
 * PromQL (`http_route=""` matches it, `sum by (http_route)` shows an empty route) and differs from the
 * catalogue's `UNMATCHED_ROUTE`, the value the prom-client path gives: one value on both paths keeps
 * the recording rules and dashboards free of a special case.
 *
 * The listener is prepended, so it runs before the instrumentation's own `close` listener reads the
 * route; a route that matched is left as it is.
 */
export function labelUnmatchedRoute(_span: Span, response: IncomingMessage | ServerResponse): void {
  if (!(response instanceof ServerResponse)) return;
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type !== RPCType.HTTP) return;
  response.prependListener('close', () => {
    metadata.route ??= UNMATCHED_ROUTE;
  });
}
