export { aggregateSnapshots } from './cluster/aggregate-snapshots.js';
export { ClusterMetricsAggregator } from './cluster/cluster-metrics.aggregator.js';
export {
  AGGREGATED_METRICS_TOPIC,
  type AggregatedExposition,
  CLUSTER_METRICS_TIMEOUTS,
  METRICS_SNAPSHOT_TOPIC,
} from './cluster/cluster-metrics.topics.js';
export { type MetricFamilySnapshot, type MetricsSnapshot, snapshotOf } from './cluster/metrics-snapshot.js';
export { RetiredWorkersMetrics } from './cluster/retired-workers-metrics.js';
export { HttpMetricsMiddleware, mountHttpMetrics } from './http-metrics.middleware.js';
export { HttpRequestMetrics, type HttpRequestLabels } from './http-request.metrics.js';
export { MetricsController } from './metrics.controller.js';
export { MetricsExposition } from './metrics-exposition.js';
export { METRICS_PATH } from './metrics.path.js';
export { PromClientMetricsModule } from './prom-client-metrics.module.js';
export {
  PROM_CLIENT_METRICS_OPTIONS,
  type PromClientMetricsOptions,
  type ResolvedPromClientMetricsOptions,
} from './prom-client-metrics.options.js';
export { PromClientMetricRecorder } from './prom-client-metric-recorder.js';
export { routeLabelOf, UNMEASURED_ROUTES } from './route-label.js';
