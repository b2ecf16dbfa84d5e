import { INSTRUMENTATION_LABEL, METRIC_PATHS, type MetricPath } from '@app/metrics';

/**
 * The jobs Prometheus scrapes besides the two apps: the alerting pipeline watching itself. The apps' jobs are
 * METRIC_PATHS (libs/metrics); observability/test checks that prometheus.yml scrapes exactly these jobs with
 * these `service` (and, for the apps, `instrumentation`) target labels.
 */
export const SELF_MONITORING_TARGETS = {
  prometheus: { job: 'prometheus', service: 'prometheus' },
  alertmanager: { job: 'alertmanager', service: 'alertmanager' },
  alertReceiver: { job: 'alert-receiver', service: 'alert-receiver' },
  // Scraped on the deliveries through the Collector (observability/otel-collector/), dropped on `scrape`.
  otelCollector: { job: 'otel-collector', service: 'otel-collector' },
} as const;

export type AppJobName = (typeof METRIC_PATHS)[MetricPath]['job'];
export type SelfMonitoringJobName = (typeof SELF_MONITORING_TARGETS)[keyof typeof SELF_MONITORING_TARGETS]['job'];
export type ScrapeJobName = AppJobName | SelfMonitoringJobName;

/** The target labels each job must carry in prometheus.yml, by job name. */
export const EXPECTED_TARGET_LABELS: Readonly<Record<ScrapeJobName, Readonly<Record<string, string>>>> = {
  [METRIC_PATHS.otel.job]: {
    [INSTRUMENTATION_LABEL]: METRIC_PATHS.otel.instrumentation,
    service: METRIC_PATHS.otel.service,
  },
  [METRIC_PATHS.promClient.job]: {
    [INSTRUMENTATION_LABEL]: METRIC_PATHS.promClient.instrumentation,
    service: METRIC_PATHS.promClient.service,
  },
  [SELF_MONITORING_TARGETS.prometheus.job]: { service: SELF_MONITORING_TARGETS.prometheus.service },
  [SELF_MONITORING_TARGETS.alertmanager.job]: { service: SELF_MONITORING_TARGETS.alertmanager.service },
  [SELF_MONITORING_TARGETS.alertReceiver.job]: { service: SELF_MONITORING_TARGETS.alertReceiver.service },
  [SELF_MONITORING_TARGETS.otelCollector.job]: { service: SELF_MONITORING_TARGETS.otelCollector.service },
};

export const SCRAPE_JOB_NAMES = Object.keys(EXPECTED_TARGET_LABELS) as ScrapeJobName[];
