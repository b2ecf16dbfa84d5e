import { httpMethodLabel } from '@app/metrics';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { HttpRequestMetrics } from './http-request.metrics.js';
import { routeLabelOf, type RoutedRequest } from './route-label.js';

/**
 * Records every HTTP request once its response is sent. A middleware rather than an interceptor: an
 * interceptor runs only for requests that matched a handler and got past the guards, and it has to
 * guess the status of a thrown exception, while here the request is seen whatever happens to it and
 * the status is the one actually written, after the exception filters.
 *
 * It must be mounted with a plain path (`forRoutes('*')`), which Nest mounts with Express `use()`:
 * mounted as a `{ path, method }` route, it would itself set `req.route`, and unmatched requests
 * would carry its wildcard as their route.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<RoutedRequest, ServerResponse> {
  constructor(@Inject(HttpRequestMetrics) private readonly metrics: HttpRequestMetrics) {}

  use(request: RoutedRequest, response: ServerResponse, next: () => void): void {
    const endTimer = this.metrics.startTimer();
    // 'finish': the response was handed to the OS in full. A request whose client left before that
    // got no answer, and is not counted as one.
    response.once('finish', () => {
      const route = routeLabelOf(request);
      if (route === undefined) return;
      endTimer({ method: httpMethodLabel(request.method), route, status_code: String(response.statusCode) });
    });
    next();
  }
}
