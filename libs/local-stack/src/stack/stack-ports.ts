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
};
