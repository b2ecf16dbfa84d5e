import { OTEL_HTTP_METRICS, PROM_CLIENT_HTTP_METRICS, TASKS_METRICS } from './metric-catalogue.js';
import { otelSeriesNameOf } from './prometheus-translation.js';
import { OTEL_RUNTIME_METRICS, PROM_CLIENT_RUNTIME_METRICS } from './runtime-metrics.js';

/** What a series name is derived from: a metric's kind and its name as scraped. */
export interface NamedMetric {
  readonly kind: 'counter' | 'gauge' | 'histogram' | 'summary';
  readonly name: string;
}

/**
 * The series a metric is scraped as: a histogram's `_bucket`, `_sum` and `_count`, a summary's quantiles with its
 * `_sum` and `_count`, anything else its own name.
 */
export function seriesNamesOf(metric: NamedMetric): string[] {
  switch (metric.kind) {
    case 'histogram':
      return ['_bucket', '_sum', '_count'].map((suffix) => metric.name + suffix);
    case 'summary':
      return ['', '_sum', '_count'].map((suffix) => metric.name + suffix);
    default:
      return [metric.name];
  }
}

const { outcomes, inFlight, workDuration } = TASKS_METRICS;

/**
 * The business metrics as the OpenTelemetry path's series are named, by the translation of their instruments'
 * names: those of the prom-client path (`TASKS_METRICS`) but for the histogram, whose unit is not in the name
 * (`tasks_work_duration`), and no summary.
 */
export const OTEL_TASKS_METRICS = {
  outcomes: { kind: outcomes.kind, name: otelSeriesNameOf(outcomes) },
  inFlight: { kind: inFlight.kind, name: otelSeriesNameOf(inFlight) },
  workDuration: { kind: workDuration.kind, name: otelSeriesNameOf(workDuration) },
} as const satisfies Record<string, NamedMetric>;

/** Every group of metrics the apps export: the catalogue's, and the runtime metrics of each path's library. */
export const EXPORTED_METRIC_GROUPS: ReadonlyArray<Readonly<Record<string, NamedMetric>>> = [
  TASKS_METRICS,
  OTEL_TASKS_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  OTEL_HTTP_METRICS,
  PROM_CLIENT_RUNTIME_METRICS,
  OTEL_RUNTIME_METRICS,
];
