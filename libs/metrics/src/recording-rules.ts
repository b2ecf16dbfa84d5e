/**
 * Names of the recording rules in `observability/prometheus/rules/`. They bring both metric paths onto
 * one schema, so that dashboards and alerts read the same series whichever path produced them.
 *
 * Every recorded series carries `job`, `instrumentation` (`otel` | `prom-client`) and `service`; the HTTP ones
 * also carry the labels both paths record, `http_route`, `http_request_method` and `http_response_status_code`
 * (HTTP_SERVER_LABELS); the business ones `task_name` and `task_outcome`.
 * Names follow `level:metric:operations`, where the level lists the labels kept.
 */
export const RECORDING_RULES = {
  /** Requests per second by route, method and status code. */
  requestRate: 'service_route_method_code:http_requests:rate5m',
  /** Requests per second, all routes. */
  serviceRequestRate: 'service:http_requests:rate5m',
  /** Share of requests answered with each status class (`class` = `2xx`, `4xx`, `5xx`, …). */
  statusClassRatio: 'service_class:http_requests:ratio_rate5m',
  /** Share of requests answered with each status code. */
  statusCodeRatio: 'service_code:http_requests:ratio_rate5m',
  /** Share of requests that failed the availability SLO (5xx), over each burn-rate window. */
  errorRatio: {
    '5m': 'service:http_request_errors:ratio_rate5m',
    '30m': 'service:http_request_errors:ratio_rate30m',
    '1h': 'service:http_request_errors:ratio_rate1h',
    '6h': 'service:http_request_errors:ratio_rate6h',
  },
  /** Requests per second, all routes, over the long burn-rate windows: the SLO alerts' low-traffic guard. */
  sloWindowRequestRate: {
    '1h': 'service:http_requests:rate1h',
    '6h': 'service:http_requests:rate6h',
  },
  /** Histogram buckets per route, per second, for quantiles and heatmaps. */
  durationBucketRate: 'service_route_le:http_request_duration_seconds_bucket:rate5m',
  /** Latency quantiles per route, `quantile` label `0.5`, `0.9`, `0.95`, `0.99`. */
  durationQuantiles: 'service_route:http_request_duration_seconds:histogram_quantile_rate5m',
  /** Business: tasks answered per second by task and outcome (same metric on both paths). */
  taskOutcomeRate: 'service_task_outcome:tasks_outcomes:rate5m',
} as const;

/** The availability objective, in one place: alerts derive their burn-rate thresholds from it. */
export const AVAILABILITY_SLO = 0.99;

/** Every recorded series name of {@link RECORDING_RULES}, the burn-rate windows' included. */
export const RECORDED_SERIES_NAMES: readonly string[] = Object.values(RECORDING_RULES).flatMap((value) =>
  typeof value === 'string' ? [value] : Object.values(value),
);
