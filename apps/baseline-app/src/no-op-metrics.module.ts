import { Global, Module } from '@nestjs/common';
import { MetricRecorder, NoOpMetricRecorder } from '@app/metrics';

/** Stands where the metric adapter modules stand (global, exporting the port), with no metric library behind it. */
@Global()
@Module({
  providers: [{ provide: MetricRecorder, useClass: NoOpMetricRecorder }],
  exports: [MetricRecorder],
})
export class NoOpMetricsModule {}
