import { Global, Module } from '@nestjs/common';
import { SignalsMetrics } from '@app/metrics';
import { NoOpSignalsMetrics } from './no-op-signals-metrics.js';

/** Stands where the metric adapter modules stand (global, exporting the port), with no metric library behind it. */
@Global()
@Module({
  providers: [{ provide: SignalsMetrics, useClass: NoOpSignalsMetrics }],
  exports: [SignalsMetrics],
})
export class NoOpMetricsModule {}
