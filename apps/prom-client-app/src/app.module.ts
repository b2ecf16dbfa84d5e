import { type DynamicModule, Module } from '@nestjs/common';
import { PromClientMetricsModule } from '@app/prom-client-metrics';
import { TasksModule } from '@app/tasks';
import type { WorkerContext } from '@app/worker-cluster';
import type { PromClientAppConfig } from './prom-client-app.config.js';

/** Composition root of the prom-client path: the sample routes, recorded by the prom-client adapter. */
@Module({})
export class AppModule {
  /** `worker`: where this process runs; as a cluster worker, /metrics serves the whole cluster's metrics. */
  static forRoot(config: PromClientAppConfig, worker: WorkerContext = { mode: 'single' }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PromClientMetricsModule.forRoot({
          defaultLabels: { service: config.serviceName },
          collectDefaultMetrics: true,
          workerIpc: worker.mode === 'cluster' ? worker.ipc : undefined,
        }),
        TasksModule.forRoot(config.tasks),
      ],
    };
  }
}
