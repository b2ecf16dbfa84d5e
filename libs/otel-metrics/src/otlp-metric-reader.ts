import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as OtlpJsonExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { OtlpMetricsConfig } from './telemetry.config.js';

/**
 * Pushes the metrics as OTLP over HTTP, the way the reference stacks deliver them (to a Collector, or to
 * Prometheus' own OTLP receiver). The endpoint and headers come from the standard `OTEL_EXPORTER_OTLP_*`
 * variables, which the exporter reads itself. Cumulative always: Prometheus stores cumulative series, and
 * its OTLP receiver rejects deltas unless a feature flag converts them.
 */
export function createOtlpMetricReader(otlp: OtlpMetricsConfig): PeriodicExportingMetricReader {
  const options = { temporalityPreference: AggregationTemporalityPreference.CUMULATIVE };
  const exporter = otlp.protocol === 'http/json' ? new OtlpJsonExporter(options) : new OtlpProtobufExporter(options);
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: otlp.exportIntervalMillis,
    exportTimeoutMillis: otlp.exportTimeoutMillis,
  });
}
