/**
 * Every series name a dashboard may read: the catalogue's metrics (with the `_bucket`/`_sum`/`_count`
 * series of histograms and summaries), the recording rules, the runtime metrics of libs/metrics, the
 * OpenTelemetry ones under their OTLP names too, and `ALERTS`, which Prometheus itself writes. A query that names anything else reads a series nobody
 * exports: the dashboards spec fails on it.
 */
import { EXPORTED_METRIC_GROUPS, OTEL_RUNTIME_METRICS, RECORDING_RULES, seriesNamesOf } from '@app/metrics';
import { otlpSeriesNames } from '../../prometheus/otlp-naming.js';

function ruleNames(rules: object): string[] {
  return Object.values(rules).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : ruleNames(value as object),
  );
}

/** Series Prometheus writes itself: one per alert rule in a pending or firing state. */
export const PROMETHEUS_SERIES = ['ALERTS'] as const;

export const KNOWN_METRIC_NAMES: ReadonlySet<string> = new Set([
  ...EXPORTED_METRIC_GROUPS.flatMap((group) => Object.values(group)).flatMap(seriesNamesOf),
  ...otlpSeriesNames().values(),
  ...otlpSeriesNames(Object.values(OTEL_RUNTIME_METRICS)).values(),
  ...ruleNames(RECORDING_RULES),
  ...PROMETHEUS_SERIES,
]);
