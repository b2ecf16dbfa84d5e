import { type DynamicModule, Module } from '@nestjs/common';
import { SignalsModule, type SignalsSettings } from '@app/signals';
import { NoOpMetricsModule } from './no-op-metrics.module.js';

/**
 * Composition root of the plain reference: the same signals routes as the two metric paths, with no
 * metric library, no HTTP metrics and no `/metrics`. The benchmark measures each path against it.
 */
@Module({})
export class BaselineAppModule {
  static forRoot(signals: SignalsSettings): DynamicModule {
    return {
      module: BaselineAppModule,
      imports: [NoOpMetricsModule, SignalsModule.forRoot(signals)],
    };
  }
}
