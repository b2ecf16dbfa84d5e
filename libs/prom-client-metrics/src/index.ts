export { aggregateSnapshots } from './cluster/aggregate-snapshots';
export { ClusterMetricsAggregator } from './cluster/cluster-metrics.aggregator';
export {
  AGGREGATED_METRICS_TOPIC,
  type AggregatedExposition,
  CLUSTER_METRICS_TIMEOUTS,
  METRICS_SNAPSHOT_TOPIC,
} from './cluster/cluster-metrics.topics';
export { type MetricFamilySnapshot, type MetricsSnapshot, snapshotOf } from './cluster/metrics-snapshot';
export { RetiredWorkersMetrics } from './cluster/retired-workers-metrics';
export { HttpMetricsMiddleware } from './http-metrics.middleware';
export { HttpRequestMetrics, type HttpRequestLabels } from './http-request.metrics';
export { MetricsController } from './metrics.controller';
export { MetricsExposition } from './metrics-exposition';
export { METRICS_PATH } from './metrics.path';
export { PromClientMetricsModule } from './prom-client-metrics.module';
export {
  PROM_CLIENT_METRICS_OPTIONS,
  type PromClientMetricsOptions,
  type ResolvedPromClientMetricsOptions,
} from './prom-client-metrics.options';
export { PromClientSignalsMetrics } from './prom-client-signals.metrics';
export { routeLabelOf, UNMEASURED_ROUTES } from './route-label';
