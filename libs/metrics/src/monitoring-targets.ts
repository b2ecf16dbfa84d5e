/**
 * Job names and the `path` label that Prometheus, the rules, the dashboards and the tests share.
 * Changing one here means changing `observability/` too; the observability tests compare them.
 */
export const METRIC_PATHS = {
  otel: { job: 'otel-app', path: 'otel', service: 'signals-otel' },
  promClient: { job: 'prom-client-app', path: 'prom-client', service: 'signals-prom-client' },
} as const;

export type MetricPath = keyof typeof METRIC_PATHS;
