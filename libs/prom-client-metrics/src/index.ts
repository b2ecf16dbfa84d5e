export { HttpMetricsMiddleware } from './http-metrics.middleware';
export { HttpRequestMetrics, type HttpRequestLabels } from './http-request.metrics';
export { MetricsController } from './metrics.controller';
export { METRICS_PATH } from './metrics.path';
export { PromClientMetricsModule } from './prom-client-metrics.module';
export {
  PROM_CLIENT_METRICS_OPTIONS,
  type PromClientMetricsOptions,
  type ResolvedPromClientMetricsOptions,
} from './prom-client-metrics.options';
export { PromClientSignalsMetrics } from './prom-client-signals.metrics';
export { routeLabelOf, UNMEASURED_ROUTES } from './route-label';
