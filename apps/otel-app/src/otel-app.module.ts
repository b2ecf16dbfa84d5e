import { type DynamicModule, Module } from '@nestjs/common';
import { OtelMetricsModule, type Telemetry } from '@app/otel-metrics';
import { SignalsModule, type SignalsSettings } from '@app/signals';

/** Composition root: the signals' routes, measured through OpenTelemetry. */
@Module({})
export class OtelAppModule {
  static forRoot(signals: SignalsSettings, telemetry: Telemetry): DynamicModule {
    return {
      module: OtelAppModule,
      imports: [OtelMetricsModule.forRoot(telemetry), SignalsModule.forRoot(signals)],
    };
  }
}
