import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_URL_SCHEME,
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

type HttpServerConventionLabel = (typeof OTEL_HTTP_METRICS.duration.conventionLabelNames)[number];

/**
 * The attribute key behind each of the convention's other labels, which instrumentation-http records too:
 * `url.scheme` (required), `network.protocol.version` (recommended) and, on a 5xx answer, `error.type`
 * (conditionally required; the status code).
 */
export const HTTP_SERVER_CONVENTION_ATTRIBUTES: Readonly<Record<HttpServerConventionLabel, string>> = {
  url_scheme: ATTR_URL_SCHEME,
  network_protocol_version: ATTR_NETWORK_PROTOCOL_VERSION,
  error_type: ATTR_ERROR_TYPE,
};
