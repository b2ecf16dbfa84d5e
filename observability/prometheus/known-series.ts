/**
 * The series names that exist in a running stack, for the checks that a query reads nothing nobody exports:
 * the dashboards' queries (observability/grafana) and the PromQL of the docs (docs/test).
 */
import { EXPORTED_METRIC_GROUPS, RECORDED_SERIES_NAMES, seriesNamesOf } from '@app/metrics';
import { CLUSTER_WORKER_UP } from '@app/worker-cluster';
import { loadPrometheusConfig } from './prometheus-config.js';
import {
  otelHistogramSeries,
  RESOURCE_INFO_METRIC,
  SCRAPE_HEALTH_METRIC,
  SELF_MONITORING_METRICS,
} from './rule-inputs.js';

/** Series Prometheus writes itself: one per alert rule in a pending or firing state. */
export const PROMETHEUS_SERIES = ['ALERTS'] as const;

/** Series Prometheus writes for every scrape target, besides `up`. */
export const SCRAPE_SERIES = ['scrape_duration_seconds', 'scrape_samples_scraped'] as const;

/**
 * Every series name a dashboard may read: the catalogue's metrics (with the `_bucket`/`_sum`/`_count` series of
 * histograms and summaries, and the OpenTelemetry path's native histograms), the recording rules, the runtime
 * metrics of libs/metrics, and `ALERTS`. A query that names anything else reads a series nobody exports: the
 * dashboards spec fails on it.
 */
export const KNOWN_METRIC_NAMES: ReadonlySet<string> = new Set([
  ...EXPORTED_METRIC_GROUPS.flatMap((group) => Object.values(group)).flatMap(seriesNamesOf),
  // The OpenTelemetry path's histograms pushed as OTLP: native histograms, under the bare name.
  ...otelHistogramSeries('native'),
  ...RECORDED_SERIES_NAMES,
  ...PROMETHEUS_SERIES,
]);

/**
 * What a query typed by hand against the stack may read as well (the docs' queries): scrape health and duration,
 * the OpenTelemetry resource's `target_info`, the cluster's `cluster_worker_up`, and the pipeline's own metrics
 * that the rules read.
 */
export const STACK_SERIES_NAMES: ReadonlySet<string> = new Set([
  ...KNOWN_METRIC_NAMES,
  SCRAPE_HEALTH_METRIC,
  ...SCRAPE_SERIES,
  RESOURCE_INFO_METRIC,
  CLUSTER_WORKER_UP.name,
  ...Object.keys(SELF_MONITORING_METRICS),
]);

/**
 * The jobs Prometheus knows: those prometheus.yml scrapes, which include the OpenTelemetry app's, named after its
 * service.name as its OTLP receiver and the Collector's scrape name it too.
 */
export function knownJobNames(): ReadonlySet<string> {
  return new Set(loadPrometheusConfig().scrape_configs.map((scrape) => scrape.job_name));
}
