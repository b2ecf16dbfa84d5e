import type { OtelMetricDefinition } from './metric-catalogue.js';

/**
 * How the OpenTelemetry path's names become Prometheus names, the same on every delivery: what the JS Prometheus
 * exporter does on a scrape (`@opentelemetry/exporter-prometheus`, checked against it by
 * `libs/otel-metrics/src/prometheus-naming.spec.ts`), and what Prometheus' OTLP receiver does with
 * `translation_strategy: UnderscoreEscapingWithoutSuffixes` (prometheus.yml), with the Collector adding the
 * counters' `_total` (delivery-otlp.yaml):
 * - every character outside `[a-zA-Z0-9_]` becomes `_`, runs of `_` one (`http.server.request.duration` →
 *   `http_server_request_duration`);
 * - a monotonic counter ends in `_total`;
 * - the unit is not appended (`tasks.work.duration`, in `s`, is `tasks_work_duration`).
 */
export function prometheusNameOf(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').replace(/_{2,}/g, '_');
}

const TOTAL_SUFFIX = '_total';

/** The Prometheus name of an OpenTelemetry instrument's series, as every delivery stores it. */
export function otelSeriesNameOf(definition: Pick<OtelMetricDefinition, 'kind' | 'instrumentName'>): string {
  const name = prometheusNameOf(definition.instrumentName);
  return definition.kind === 'counter' && !name.endsWith(TOTAL_SUFFIX) ? name + TOTAL_SUFFIX : name;
}
