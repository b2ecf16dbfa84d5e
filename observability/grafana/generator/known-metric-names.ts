/**
 * Every series name a dashboard may read: the catalogue's metrics (with the `_bucket`/`_sum`/`_count`
 * series of histograms and summaries), the recording rules, the runtime metrics of libs/metrics, the
 * OpenTelemetry ones under their OTLP names too, and `ALERTS`, which Prometheus itself writes. A query that names anything else reads a series nobody
 * exports: the dashboards spec fails on it.
 */
import {
  OTEL_HTTP_METRICS,
  OTEL_RUNTIME_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  PROM_CLIENT_RUNTIME_METRICS,
  RECORDING_RULES,
  TASKS_METRICS,
} from '@app/metrics';
import { otlpSeriesNames } from '../../prometheus/otlp-naming.js';

interface NamedMetric {
  readonly kind: string;
  readonly name: string;
}

function seriesOf(metric: NamedMetric): string[] {
  switch (metric.kind) {
    case 'histogram':
      return ['_bucket', '_sum', '_count'].map((suffix) => `${metric.name}${suffix}`);
    case 'summary':
      return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
    default:
      return [metric.name];
  }
}

function ruleNames(rules: object): string[] {
  return Object.values(rules).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : ruleNames(value as object),
  );
}

/** Series Prometheus writes itself: one per alert rule in a pending or firing state. */
export const PROMETHEUS_SERIES = ['ALERTS'] as const;

export const KNOWN_METRIC_NAMES: ReadonlySet<string> = new Set([
  ...[TASKS_METRICS, PROM_CLIENT_HTTP_METRICS, OTEL_HTTP_METRICS, PROM_CLIENT_RUNTIME_METRICS, OTEL_RUNTIME_METRICS]
    .flatMap((group) => Object.values(group) as NamedMetric[])
    .flatMap(seriesOf),
  ...otlpSeriesNames().values(),
  ...otlpSeriesNames(Object.values(OTEL_RUNTIME_METRICS)).values(),
  ...ruleNames(RECORDING_RULES),
  ...PROMETHEUS_SERIES,
]);
