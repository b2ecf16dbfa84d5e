import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Attributes, Histogram, Meter } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { httpMethodLabel, OTEL_HTTP_METRICS, UNMATCHED_ROUTE } from '@app/metrics';
import { ignoreIncomingRequests } from './incoming-request-filter.js';

/** Instrumentation scope of the middleware's histogram: `otel_scope_name` on its series. */
export const HTTP_SERVER_METER_NAME = 'http-server-middleware';

/** A request as Express hands it on: `route` is set by its router once a route (a Nest handler) matched. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/**
 * `http.server.request.duration`, the semantic conventions' HTTP server histogram, recorded by an Express middleware
 * through the OpenTelemetry metrics API: the same name, unit and attributes as instrumentation-http records, without
 * the span and context it creates for every request even when no span is exported (docs/benchmarks.md measures
 * the difference). startTelemetry() uses it when instrumentation-http is not loaded, and never beside it.
 *
 * Mounted with `app.use()` before Nest initialises (start-app.ts), it comes before the body parser: a request the
 * parser refuses, one no route matches, one a handler fails, is each seen with the status actually written.
 */
export class HttpServerMetrics {
  readonly #histogram: Histogram;
  readonly #isIgnored: (request: IncomingMessage) => boolean;
  /**
   * One attribute object per (method, route, status): bounded, since each of the three is; reusing them spares an
   * allocation per request.
   */
  readonly #attributes = new Map<string, Attributes>();

  constructor(meter: Meter, ignoredPaths: readonly string[]) {
    const { instrumentName, help, unit } = OTEL_HTTP_METRICS.duration;
    this.#histogram = meter.createHistogram(instrumentName, { description: help, unit });
    // The same filter instrumentation-http is given, so that both modes leave out the same requests.
    this.#isIgnored = ignoreIncomingRequests({ paths: ignoredPaths, ports: [] });
  }

  /** The Express middleware; `next` is called at once, the request is recorded once its response is sent. */
  readonly middleware = (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    if (!this.#isIgnored(request)) {
      const startedAt = performance.now();
      // 'finish': the response was handed to the OS in full, as instrumentation-http records it.
      response.once('finish', () => {
        const seconds = (performance.now() - startedAt) / 1000;
        this.#histogram.record(seconds, this.#attributesOf(request, response.statusCode));
      });
    }
    next();
  };

  #attributesOf(request: RoutedRequest, statusCode: number): Attributes {
    const method = httpMethodLabel(request.method);
    const template = request.route?.path;
    const route = typeof template === 'string' ? template : UNMATCHED_ROUTE;
    // As instrumentation-http: the scheme of the server that took the request, the protocol its parser read
    // (Node's parser refuses all but a handful of versions: bounded).
    const scheme = (request.socket as { encrypted?: boolean } | null)?.encrypted ? 'https' : 'http';
    const version = request.httpVersion;
    const key = `${method} ${route} ${String(statusCode)} ${scheme} ${version}`;
    let attributes = this.#attributes.get(key);
    if (attributes === undefined) {
      attributes = {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_SCHEME]: scheme,
        [ATTR_NETWORK_PROTOCOL_VERSION]: version,
        [ATTR_HTTP_ROUTE]: route,
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: statusCode,
        // As the conventions ask: on a server error, its status code is the error's type.
        ...(statusCode >= 500 ? { [ATTR_ERROR_TYPE]: String(statusCode) } : {}),
      };
      this.#attributes.set(key, attributes);
    }
    return attributes;
  }
}
