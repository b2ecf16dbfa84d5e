/** The target label that tells the two metric paths apart: which library produced a series (`otel`, `prom-client`). */
export const INSTRUMENTATION_LABEL = 'instrumentation';

/**
 * Job names and the `instrumentation` label (which library produced a series) that Prometheus, the rules, the dashboards and the tests share.
 * Changing one here means changing `observability/` too; the observability tests compare them.
 */
export const METRIC_PATHS = {
  otel: { job: 'tasks-otel', instrumentation: 'otel', service: 'tasks-otel' },
  promClient: { job: 'prom-client-app', instrumentation: 'prom-client', service: 'tasks-prom-client' },
} as const;

export type MetricPath = keyof typeof METRIC_PATHS;

/**
 * Where the runbooks are read: the alert receiver's page of docs/runbooks.md, at the address the demo and Docker
 * Compose publish the receiver on (127.0.0.1:8082). Every alert's `runbook_url` is this URL and its section's anchor
 * (observability/prometheus/runbook-url.ts): a link that works from a fresh clone, offline, in the classroom.
 */
export const RUNBOOKS_PAGE = { path: '/runbooks', url: 'http://127.0.0.1:8082/runbooks' } as const;
