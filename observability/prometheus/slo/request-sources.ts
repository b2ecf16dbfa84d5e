import {
  HTTP_SERVER_LABELS,
  INSTRUMENTATION_LABEL,
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  type MetricPath,
} from '@app/metrics';
import { histogramCountRate } from '../../promql.js';

/** Where each path counts its requests (names from the catalogue); both label the status code the same way. */
export interface RequestSource {
  path: MetricPath;
  comment: string;
  job: string;
  /** Requests per second of the series `matchers` select, over `window`, before any aggregation. */
  perSecond(matchers: string, window: string): string;
}

export const REQUEST_SOURCES: readonly RequestSource[] = [
  {
    path: 'promClient',
    comment: 'prom-client path',
    job: METRIC_PATHS.promClient.job,
    perSecond: (matchers, window) => `rate(${PROM_CLIENT_HTTP_METRICS.requests.name}{${matchers}}[${window}])`,
  },
  {
    path: 'otel',
    comment:
      "OpenTelemetry path: the duration histogram's count counts the requests (a scrape's classic _count, OTLP's native histogram)",
    job: METRIC_PATHS.otel.job,
    perSecond: (matchers, window) => histogramCountRate(OTEL_HTTP_METRICS.duration.name, matchers, window),
  },
];

/** The labels SLO series keep: one series per service. */
export const BY_SERVICE = `job, ${INSTRUMENTATION_LABEL}, service`;

export function requestRate(source: RequestSource, window: string): string {
  return `sum by (${BY_SERVICE}) (${source.perSecond(`job="${source.job}"`, window)})`;
}

export function serverErrorRate(source: RequestSource, window: string): string {
  return `sum by (${BY_SERVICE}) (${source.perSecond(`job="${source.job}", ${HTTP_SERVER_LABELS.code}=~"5.."`, window)})`;
}

/** One expression per path, joined by `or`: the `instrumentation` label keeps their series apart. */
export function eachPath(expression: (source: RequestSource) => string): string {
  return REQUEST_SOURCES.map((source) => `# ${source.comment}\n${expression(source)}`).join('\nor\n') + '\n';
}
