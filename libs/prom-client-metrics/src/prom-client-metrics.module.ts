import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { MetricRecorder } from '@app/metrics';
import { Registry } from '@prometheus-io/client';
import { WorkerSnapshotResponder } from './cluster/worker-snapshot.responder.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { HttpRequestMetrics } from './http-request.metrics.js';
import { createMetricsRegistry } from './metrics-registry.factory.js';
import { MetricsController } from './metrics.controller.js';
import {
  ClusterMetricsExposition,
  LocalMetricsExposition,
  MetricsExposition,
  WORKER_IPC,
} from './metrics-exposition.js';
import { PromClientMetricRecorder } from './prom-client-metric-recorder.js';
import {
  PROM_CLIENT_METRICS_OPTIONS,
  type PromClientMetricsOptions,
  resolvePromClientMetricsOptions,
} from './prom-client-metrics.options.js';

/**
 * The prom-client metric path: its own `Registry` (injectable by its class), the {@link MetricRecorder}
 * adapter, HTTP request metrics for every route, and `GET /metrics`. Global, so that `TasksModule`
 * finds the port without importing this module. As a cluster worker (`workerIpc` set), GET /metrics
 * serves the whole cluster's metrics and the registry is lent to the primary for aggregation.
 */
@Global()
@Module({})
export class PromClientMetricsModule {
  static forRoot(options: PromClientMetricsOptions = {}): DynamicModule {
    const resolved = resolvePromClientMetricsOptions(options);
    const exposition: Provider[] = resolved.workerIpc
      ? [
          { provide: WORKER_IPC, useValue: resolved.workerIpc },
          { provide: MetricsExposition, useClass: ClusterMetricsExposition },
          WorkerSnapshotResponder,
        ]
      : [{ provide: MetricsExposition, useClass: LocalMetricsExposition }];
    return {
      module: PromClientMetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: PROM_CLIENT_METRICS_OPTIONS, useValue: resolved },
        { provide: Registry, useFactory: createMetricsRegistry, inject: [PROM_CLIENT_METRICS_OPTIONS] },
        { provide: MetricRecorder, useClass: PromClientMetricRecorder },
        HttpRequestMetrics,
        HttpMetricsMiddleware,
        ...exposition,
      ],
      exports: [Registry, MetricRecorder, HttpMetricsMiddleware],
    };
  }
}
