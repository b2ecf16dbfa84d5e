/** The target label that tells the two metric paths apart: which library produced a series (`otel`, `prom-client`). */
export const INSTRUMENTATION_LABEL = 'instrumentation';

/**
 * Job names and the `instrumentation` label (which library produced a series) that Prometheus, the rules, the dashboards and the tests share.
 * Changing one here means changing `observability/` too; the observability tests compare them.
 */
export const METRIC_PATHS = {
  otel: { job: 'otel-app', instrumentation: 'otel', service: 'tasks-otel' },
  promClient: { job: 'prom-client-app', instrumentation: 'prom-client', service: 'tasks-prom-client' },
} as const;

export type MetricPath = keyof typeof METRIC_PATHS;
