import {
  INSTRUMENTATION_LABEL,
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  type MetricPath,
} from '@app/metrics';

/** Where each path counts its requests, and which label holds the status code (names from the catalogue). */
export interface RequestSource {
  path: MetricPath;
  comment: string;
  job: string;
  counter: string;
  codeLabel: string;
}

export const REQUEST_SOURCES: readonly RequestSource[] = [
  {
    path: 'promClient',
    comment: 'prom-client path',
    job: METRIC_PATHS.promClient.job,
    counter: PROM_CLIENT_HTTP_METRICS.requests.name,
    codeLabel: 'status_code' satisfies (typeof PROM_CLIENT_HTTP_METRICS.requests.labelNames)[number],
  },
  {
    path: 'otel',
    comment: "OpenTelemetry path: the duration histogram's _count counts the requests",
    job: METRIC_PATHS.otel.job,
    counter: `${OTEL_HTTP_METRICS.duration.name}_count`,
    codeLabel: 'http_response_status_code' satisfies (typeof OTEL_HTTP_METRICS.duration.labelNames)[number],
  },
];

/** The labels SLO series keep: one series per service. */
export const BY_SERVICE = `job, ${INSTRUMENTATION_LABEL}, service`;

export function requestRate(source: RequestSource, window: string): string {
  return `sum by (${BY_SERVICE}) (rate(${source.counter}{job="${source.job}"}[${window}]))`;
}

export function serverErrorRate(source: RequestSource, window: string): string {
  return `sum by (${BY_SERVICE}) (rate(${source.counter}{job="${source.job}", ${source.codeLabel}=~"5.."}[${window}]))`;
}

/** One expression per path, joined by `or`: the `instrumentation` label keeps their series apart. */
export function eachPath(expression: (source: RequestSource) => string): string {
  return REQUEST_SOURCES.map((source) => `# ${source.comment}\n${expression(source)}`).join('\nor\n') + '\n';
}
