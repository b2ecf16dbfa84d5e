import { diag } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import type { TelemetryConfig } from './telemetry.config.js';

/**
 * Resource attributes copied onto every series as labels: `service.instance.id` becomes
 * `service_instance_id`. With several workers, each one's series stay apart wherever they are merged
 * (the cluster primary's endpoint, Prometheus), and recording rules add them up with `sum by (...)`.
 * A single process carries it too, so that both modes expose the same label set.
 */
export const RESOURCE_CONSTANT_LABELS = /^service\.instance\.id$/;

/** The exporter, and what its endpoint would answer, serialized on demand (for the cluster primary). */
export interface PrometheusExposition {
  readonly exporter: PrometheusExporter;
  /** The exposition text a scrape of this process would get now; needs no `this`, so it can be passed on. */
  readonly collect: () => Promise<string>;
}

export function createPrometheusExposition(
  prometheus: NonNullable<TelemetryConfig['prometheus']>,
): PrometheusExposition {
  const exporter = new PrometheusExporter({
    host: prometheus.host,
    port: prometheus.port,
    endpoint: prometheus.endpoint,
    withResourceConstantLabels: RESOURCE_CONSTANT_LABELS,
    // Started by the caller when this process serves the endpoint, so that a failure to listen reaches
    // it instead of a log line; never started in a cluster worker.
    preventServerStart: true,
  });
  // The exporter's own serializer, with the same options, as its request handler does.
  const serializer = new PrometheusSerializer(undefined, false, RESOURCE_CONSTANT_LABELS);
  return {
    exporter,
    async collect() {
      const { resourceMetrics, errors } = await exporter.collect();
      if (errors.length > 0) diag.error('PrometheusExporter: metrics collection errors', ...errors);
      return serializer.serialize(resourceMetrics);
    },
  };
}
