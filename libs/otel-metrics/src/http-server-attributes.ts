import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { OTEL_HTTP_METRICS } from '@app/metrics';

type HttpServerLabel = (typeof OTEL_HTTP_METRICS.duration.labelNames)[number];

/**
 * The attribute key behind each catalogue label of `http_server_request_duration`: the exporter turns
 * the dots into underscores (`prometheus-naming.spec.ts` checks that each maps back to its label).
 */
export const HTTP_SERVER_METRIC_ATTRIBUTES: Readonly<Record<HttpServerLabel, string>> = {
  http_request_method: ATTR_HTTP_REQUEST_METHOD,
  http_route: ATTR_HTTP_ROUTE,
  http_response_status_code: ATTR_HTTP_RESPONSE_STATUS_CODE,
};
