import { type DynamicModule, Module } from '@nestjs/common';
import { MetricRecorder } from '@app/metrics';
import { OtelMetricRecorder } from './otel-metric-recorder.js';
import { TASKS_METER, TASKS_METER_NAME, TELEMETRY } from './otel-metrics.tokens.js';
import type { Telemetry } from './telemetry.bootstrap.js';
import { TelemetryLifecycle } from './telemetry-lifecycle.js';

/**
 * Binds the OpenTelemetry adapter to the {@link MetricRecorder} port, for the whole app (global, as
 * `TasksModule` expects). It takes the running SDK from `startTelemetry()`: the meter comes from
 * that provider, not from the global API, and the SDK is shut down with the app.
 */
@Module({})
export class OtelMetricsModule {
  static forRoot(telemetry: Pick<Telemetry, 'meterProvider' | 'shutdown'>): DynamicModule {
    return {
      module: OtelMetricsModule,
      global: true,
      providers: [
        { provide: TELEMETRY, useValue: telemetry },
        { provide: TASKS_METER, useFactory: () => telemetry.meterProvider.getMeter(TASKS_METER_NAME) },
        { provide: MetricRecorder, useClass: OtelMetricRecorder },
        TelemetryLifecycle,
      ],
      exports: [MetricRecorder],
    };
  }
}
