export { OtelMetricsModule } from './otel-metrics.module.js';
export { OtelMetricRecorder } from './otel-metric-recorder.js';
export { TASKS_METER_NAME } from './otel-metrics.tokens.js';
export { startTelemetry, type Telemetry } from './telemetry.bootstrap.js';
export { telemetryViews, type HistogramAggregation } from './telemetry-views.js';
export {
  OTLP_METRICS_PROTOCOLS,
  PROMETHEUS_EXPORTER_DEFAULTS,
  type OtlpMetricsConfig,
  type TelemetryConfig,
} from './telemetry.config.js';
export {
  defaultEnabledInstrumentations,
  HTTP_INSTRUMENTATION,
  METRIC_INSTRUMENTATIONS,
  TRACE_INSTRUMENTATIONS,
} from './telemetry-instrumentations.js';
export { ClusterScrapeEndpoint } from './cluster/cluster-scrape-endpoint.js';
export { WORKER_EXPOSITION_TIMEOUT_MS, WORKER_EXPOSITION_TOPIC } from './cluster/exposition.topics.js';
export { mergeExpositions } from './cluster/merge-expositions.js';
export { answerExpositionRequests } from './cluster/worker-exposition.js';
export { RESOURCE_CONSTANT_LABELS } from './prometheus-exposition.js';
export { HTTP_SERVER_METER_NAME, HttpServerMetrics } from './http-server-metrics.js';
