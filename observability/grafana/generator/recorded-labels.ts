import { HTTP_SERVER_LABELS, INSTRUMENTATION_LABEL, TASKS_METRICS } from '@app/metrics';

/**
 * Labels of the recorded series, as libs/metrics/src/recording-rules.ts describes them: every recording
 * rule keeps `job`, `instrumentation` and `service` (target labels of both scrapes), the HTTP ones also
 * `http_route`, `http_request_method` and `http_response_status_code`, which both paths record.
 */
export const RECORDED_LABELS = {
  job: 'job',
  instrumentation: INSTRUMENTATION_LABEL,
  service: 'service',
  route: HTTP_SERVER_LABELS.route,
  method: HTTP_SERVER_LABELS.method,
  code: HTTP_SERVER_LABELS.code,
  /** Status class of `service_class:http_requests:ratio_rate5m` (`2xx`, `4xx`, `5xx`). */
  statusClass: 'class',
  /** Of the histogram_quantile rule (`0.5`, `0.9`, `0.95`, `0.99`). */
  quantile: 'quantile',
  le: 'le',
  task: TASKS_METRICS.outcomes.labelNames[0],
  outcome: TASKS_METRICS.outcomes.labelNames[1],
} as const;
