/** Where each component of the local stack listens, on 127.0.0.1. */
export interface StackPorts {
  readonly otelApp: number;
  /** The OpenTelemetry app's Prometheus exporter. */
  readonly otelMetrics: number;
  readonly promClientApp: number;
  readonly alertReceiver: number;
  readonly prometheus: number;
  readonly alertmanager: number;
  /** The local dashboard page (apps/local-dashboard), which draws the Grafana dashboard's panels. */
  readonly dashboard: number;
  /** The OpenTelemetry Collector's OTLP/HTTP receiver (delivery `otlp`). */
  readonly otelCollectorOtlp: number;
  /** The Collector's own metrics, which Prometheus scrapes as job otel-collector. */
  readonly otelCollectorTelemetry: number;
  /** The Collector's health check. */
  readonly otelCollectorHealth: number;
}

/** The ports the README, prometheus.yml and the dashboards' links assume. */
export const DEFAULT_STACK_PORTS: StackPorts = {
  otelApp: 8080,
  otelMetrics: 9464,
  promClientApp: 8081,
  alertReceiver: 8082,
  prometheus: 9090,
  alertmanager: 9093,
  dashboard: 8083,
  otelCollectorOtlp: 4318,
  otelCollectorTelemetry: 8888,
  otelCollectorHealth: 13133,
};
