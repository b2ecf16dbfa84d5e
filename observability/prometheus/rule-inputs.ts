import {
  METRIC_PATHS,
  OTEL_HTTP_METRICS,
  OTEL_TASKS_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  seriesNamesOf,
  TASKS_METRICS,
  type MetricDefinition,
} from '@app/metrics';
import type { OtelDelivery } from '../otel-collector/otel-collector-config.js';
import { promqlNames } from './promql-names.js';
import { allRules, recordingRules, type RuleFile } from './rule-files.js';
import { SELF_MONITORING_TARGETS } from './scrape-jobs.js';

/**
 * What the rules may read, and who exports it: the catalogue's metrics (by path), Prometheus' and Alertmanager's
 * own metrics, the OpenTelemetry resource's `target_info`, and `up`. The observability tests hold every rule to this list; the live-stack test checks, with
 * {@link ruleInputs}, that each (metric, job) pair the rules read really has series.
 */

/** The own metrics of the pipeline that the rules read, as Prometheus 2.42 and Alertmanager 0.25 name them. */
export const SELF_MONITORING_METRICS: Readonly<Record<string, string>> = {
  prometheus_rule_evaluation_failures_total: SELF_MONITORING_TARGETS.prometheus.job,
  alertmanager_notifications_failed_total: SELF_MONITORING_TARGETS.alertmanager.job,
  otelcol_exporter_send_failed_metric_points: SELF_MONITORING_TARGETS.otelCollector.job,
  otelcol_receiver_refused_metric_points: SELF_MONITORING_TARGETS.otelCollector.job,
};

/**
 * Inputs whose series exist only once something failed: the Collector creates its count of points it could not send
 * at the first failure (its other counters start at 0). A running stack that is fine has none; the
 * collector-dropping-points live spec makes one.
 */
export const APPEARS_ON_FIRST_FAILURE: ReadonlySet<string> = new Set(['otelcol_exporter_send_failed_metric_points']);

/**
 * Runtime metrics (Node default metrics, OpenTelemetry runtime instrumentation) the rules read, by name and job.
 * None: they feed the dashboards only. A rule that starts reading one must list it here.
 */
export const RUNTIME_METRICS: Readonly<Record<string, string>> = {};

/** Scrape health, written by Prometheus for every job. */
export const SCRAPE_HEALTH_METRIC = 'up';

/**
 * The resource's attributes as one series: the OpenTelemetry exporter serves it with every scrape, and Prometheus'
 * OTLP receiver writes it with every push, which makes it the pushed delivery's sign of life (it has no `up`).
 */
export const RESOURCE_INFO_METRIC = 'target_info';

/**
 * How Prometheus stores a histogram of the OpenTelemetry path: `classic` series (`_bucket`, `_sum`, `_count`) when
 * the exporter is scraped, by Prometheus or the Collector; one `native` histogram, under the bare name, when the SDK
 * pushes OTLP with exponential buckets (libs/otel-metrics/src/telemetry-views.ts).
 */
export type HistogramStorage = 'classic' | 'native';

const OTEL_HISTOGRAMS = [...Object.values(OTEL_TASKS_METRICS), ...Object.values(OTEL_HTTP_METRICS)].filter(
  (definition) => definition.kind === 'histogram',
);

/** What each delivery of the OpenTelemetry path stores: only OTLP carries exponential histograms. */
export const OTEL_HISTOGRAM_STORAGE: Readonly<Record<OtelDelivery, HistogramStorage>> = {
  scrape: 'classic',
  collector: 'classic',
  otlp: 'native',
};

/** The series names of the OpenTelemetry path's histograms when stored as `storage`. */
export function otelHistogramSeries(storage: HistogramStorage): Set<string> {
  return new Set(
    OTEL_HISTOGRAMS.flatMap((definition) => (storage === 'native' ? [definition.name] : seriesNamesOf(definition))),
  );
}

/** Every series name the rules may read from a scrape, with the jobs that export it. */
export function exportingJobs(): Map<string, Set<string>> {
  const jobs = new Map<string, Set<string>>();
  const add = (name: string, job: string) => jobs.set(name, (jobs.get(name) ?? new Set()).add(job));
  const byPath = {
    promClient: [...Object.values(TASKS_METRICS), ...Object.values(PROM_CLIENT_HTTP_METRICS)] as MetricDefinition[],
    otel: [...Object.values(OTEL_TASKS_METRICS), ...Object.values(OTEL_HTTP_METRICS)],
  };
  for (const path of ['promClient', 'otel'] as const) {
    for (const definition of byPath[path]) {
      for (const name of seriesNamesOf(definition)) add(name, METRIC_PATHS[path].job);
    }
  }
  for (const name of otelHistogramSeries('native')) add(name, METRIC_PATHS.otel.job);
  for (const [name, job] of Object.entries({ ...SELF_MONITORING_METRICS, ...RUNTIME_METRICS })) add(name, job);
  add(RESOURCE_INFO_METRIC, METRIC_PATHS.otel.job);
  return jobs;
}

/**
 * The raw (not recorded) series the rules read, as (metric, job) pairs: each must have series in a running
 * stack once traffic has flowed, whichever delivery carries the OpenTelemetry path, or some rule is blind. `up` is
 * left out (Prometheus writes it for every job it scrapes).
 */
export function ruleInputs(files?: readonly RuleFile[]): Array<{ metric: string; job: string }> {
  const recorded = new Set(recordingRules(files).map(({ rule }) => rule.record));
  const pairs = new Map<string, { metric: string; job: string }>();
  for (const { rule } of allRules(files)) {
    for (const { metric, jobs } of promqlNames(rule.expr).selectors) {
      if (recorded.has(metric) || metric === SCRAPE_HEALTH_METRIC) continue;
      for (const job of jobs) pairs.set(`${metric}|${job}`, { metric, job });
    }
  }
  return [...pairs.values()].sort((a, b) => `${a.metric}|${a.job}`.localeCompare(`${b.metric}|${b.job}`));
}
