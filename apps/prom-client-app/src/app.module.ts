import { type DynamicModule, Module } from '@nestjs/common';
import { PromClientMetricsModule } from '@app/prom-client-metrics';
import { SignalsModule } from '@app/signals';
import type { PromClientAppConfig } from './prom-client-app.config';

/** Composition root of the prom-client path: the sample routes, recorded by the prom-client adapter. */
@Module({})
export class AppModule {
  static forRoot(config: PromClientAppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PromClientMetricsModule.forRoot({
          defaultLabels: { service: config.serviceName },
          collectDefaultMetrics: true,
        }),
        SignalsModule.forRoot(config.signals),
      ],
    };
  }
}
