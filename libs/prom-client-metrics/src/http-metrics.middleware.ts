import { HTTP_SERVER_LABELS, httpMethodLabel } from '@app/metrics';
import { Inject, Injectable, type INestApplication } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { HttpRequestMetrics } from './http-request.metrics.js';
import { routeLabelOf, type RoutedRequest } from './route-label.js';

/**
 * Records every HTTP request once its response is sent. A middleware rather than an interceptor: an
 * interceptor runs only for requests that matched a handler and got past the guards, and it has to
 * guess the status of a thrown exception, while here the request is seen whatever happens to it and
 * the status is the one actually written, after the exception filters.
 *
 * Mounted with Express `use()` before Nest initialises ({@link mountHttpMetrics}), so before its body parser: a body
 * the parser refuses is counted too, as on the OpenTelemetry path. (Through Nest's `MiddlewareConsumer` it would come
 * after the parser, and cost a route match of its own on every request: docs/benchmarks.md, the profiles.)
 */
@Injectable()
export class HttpMetricsMiddleware {
  constructor(@Inject(HttpRequestMetrics) private readonly metrics: HttpRequestMetrics) {}

  readonly handle = (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const endTimer = this.metrics.startTimer();
    // 'finish': the response was handed to the OS in full. A request whose client left before that
    // got no answer, and is not counted as one.
    response.once('finish', () => {
      const route = routeLabelOf(request);
      if (route === undefined) return;
      endTimer({
        [HTTP_SERVER_LABELS.method]: httpMethodLabel(request.method),
        [HTTP_SERVER_LABELS.route]: route,
        [HTTP_SERVER_LABELS.code]: String(response.statusCode),
      });
    });
    next();
  };
}

/** Mounts the HTTP metrics on `app`: call it right after `NestFactory.create`, before `init()` or `listen()`. */
export function mountHttpMetrics(app: INestApplication): void {
  app.use(app.get(HttpMetricsMiddleware).handle);
}
