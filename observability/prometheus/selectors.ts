import { INSTRUMENTATION_LABEL, METRIC_PATHS } from '@app/metrics';
import { SELF_MONITORING_TARGETS } from './scrape-jobs.js';

/**
 * The one configuration every rule reads, as kubernetes-mixin's `_config` is: which series belong to whom, and the
 * labels a recorded series keeps. Job names come from libs/metrics (the apps) and scrape-jobs.ts (the pipeline);
 * nothing in a rule spells a job out.
 */
export const SELECTORS = {
  /** The prom-client app, scraped. */
  promClient: `job="${METRIC_PATHS.promClient.job}"`,
  /**
   * The OpenTelemetry app, whichever way its series travel: its job is its `service.name`, as Prometheus' OTLP
   * receiver names it, and the scrape jobs (prometheus.yml, the Collector's) are named so too.
   */
  otel: `job="${METRIC_PATHS.otel.job}"`,
  /** Both apps: the two paths' target labels tell them apart. */
  apps: `job=~"${METRIC_PATHS.otel.job}|${METRIC_PATHS.promClient.job}"`,
  prometheus: `job="${SELF_MONITORING_TARGETS.prometheus.job}"`,
  alertmanager: `job="${SELF_MONITORING_TARGETS.alertmanager.job}"`,
  otelCollector: `job="${SELF_MONITORING_TARGETS.otelCollector.job}"`,
} as const;

/**
 * The labels a recorded series keeps for its service: the scrape's target labels, which pushed series carry as
 * promoted resource attributes. Every recorded series, and so every alert on one, carries them.
 */
export const SERVICE_LABELS = ['job', INSTRUMENTATION_LABEL, 'service'] as const;

/** A `by (…)` / `on (…)` list: the service labels, then `more`. */
export function serviceLabels(...more: string[]): string {
  return [...SERVICE_LABELS, ...more].join(', ');
}
