import { Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from '@prometheus-io/client';
import { MetricsController } from './metrics.controller.js';
import { ReceiverMetrics } from './receiver-metrics.js';

/** The app's own prom-client `Registry` (the class is the Nest token), its metrics and `GET /metrics`. */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: (): Registry => {
        const registry = new Registry();
        // The receiver's own process (memory, CPU, event loop lag), like any other scraped service.
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    ReceiverMetrics,
  ],
  exports: [ReceiverMetrics],
})
export class MetricsModule {}
