import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { RandomSource, SeededRandomSource } from '@app/random';
import { TasksController } from './tasks.controller.js';
import { TasksMetrics } from './tasks.metrics.js';
import { TasksService } from './tasks.service.js';
import { WorkloadController } from './workload.controller.js';
import type { TasksSettings } from './tasks.settings.js';
import { TASKS_SETTINGS } from './tasks.tokens.js';

/**
 * The course's sample routes, `/health`, and the benchmark's `/work`. The importing app must make a `MetricRecorder` adapter visible (the
 * metric adapter modules are global and export it); the tasks record through it.
 */
@Module({})
export class TasksModule {
  static forRoot(settings: TasksSettings): DynamicModule {
    return {
      module: TasksModule,
      controllers: [TasksController, HealthController, WorkloadController],
      providers: [
        { provide: TASKS_SETTINGS, useValue: settings },
        { provide: RandomSource, useFactory: () => seededRandomSource(settings.seed) },
        TasksMetrics,
        TasksService,
      ],
    };
  }
}

/** Logs the seed, drawn or given, so that any run can be replayed with `TASKS_SEED`. */
function seededRandomSource(seed: number | undefined): RandomSource {
  const source = new SeededRandomSource(seed);
  new Logger(TasksModule.name).log(`Random seed ${source.seed} (set TASKS_SEED=${source.seed} to replay this run)`);
  return source;
}
