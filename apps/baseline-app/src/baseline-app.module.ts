import { type DynamicModule, Module } from '@nestjs/common';
import { TasksModule, type TasksSettings } from '@app/tasks';
import { NoOpMetricsModule } from './no-op-metrics.module.js';

/**
 * Composition root of the plain reference: the same task routes as the two metric paths, with no
 * metric library, no HTTP metrics and no `/metrics`. The benchmark measures each path against it.
 */
@Module({})
export class BaselineAppModule {
  static forRoot(tasks: TasksSettings): DynamicModule {
    return {
      module: BaselineAppModule,
      imports: [NoOpMetricsModule, TasksModule.forRoot(tasks)],
    };
  }
}
