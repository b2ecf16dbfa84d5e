/** The meter the tasks' instruments are created on (one instrumentation scope: `otel_scope_name`). */
export const TASKS_METER = Symbol('TASKS_METER');

/** The running SDK handed to `OtelMetricsModule.forRoot`, shut down with the application. */
export const TELEMETRY = Symbol('TELEMETRY');

/** Instrumentation scope of the tasks' instruments, scraped as `otel_scope_name="tasks"`. */
export const TASKS_METER_NAME = 'tasks';
