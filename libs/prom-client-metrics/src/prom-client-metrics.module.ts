import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { SignalsMetrics } from '@app/metrics';
import { Registry } from 'prom-client';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { HttpRequestMetrics } from './http-request.metrics';
import { createMetricsRegistry } from './metrics-registry.factory';
import { MetricsController } from './metrics.controller';
import { PromClientSignalsMetrics } from './prom-client-signals.metrics';
import {
  PROM_CLIENT_METRICS_OPTIONS,
  type PromClientMetricsOptions,
  resolvePromClientMetricsOptions,
} from './prom-client-metrics.options';

/**
 * The prom-client metric path: its own `Registry` (injectable by its class), the {@link SignalsMetrics}
 * adapter, HTTP request metrics for every route, and `GET /metrics`. Global, so that `SignalsModule`
 * finds the port without importing this module.
 */
@Global()
@Module({})
export class PromClientMetricsModule implements NestModule {
  static forRoot(options: PromClientMetricsOptions = {}): DynamicModule {
    return {
      module: PromClientMetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: PROM_CLIENT_METRICS_OPTIONS, useValue: resolvePromClientMetricsOptions(options) },
        { provide: Registry, useFactory: createMetricsRegistry, inject: [PROM_CLIENT_METRICS_OPTIONS] },
        PromClientSignalsMetrics,
        { provide: SignalsMetrics, useExisting: PromClientSignalsMetrics },
        HttpRequestMetrics,
      ],
      exports: [Registry, SignalsMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // A plain path, not { path, method }: see HttpMetricsMiddleware for why it matters.
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
