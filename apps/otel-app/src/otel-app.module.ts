import { type DynamicModule, Module } from '@nestjs/common';
import { OtelMetricsModule, type Telemetry } from '@app/otel-metrics';
import { TasksModule, type TasksSettings } from '@app/tasks';

/** Composition root: the tasks' routes, measured through OpenTelemetry. */
@Module({})
export class OtelAppModule {
  static forRoot(tasks: TasksSettings, telemetry: Telemetry): DynamicModule {
    return {
      module: OtelAppModule,
      imports: [OtelMetricsModule.forRoot(telemetry), TasksModule.forRoot(tasks)],
    };
  }
}
