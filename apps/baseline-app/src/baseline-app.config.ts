import { type Env, EnvReader } from '@app/config';
import { readTasksSettings, type TasksSettings } from '@app/tasks';

/** What the baseline app reads from its environment: the other apps' server and task settings, no metrics. */
export interface BaselineAppConfig {
  /** TCP port to listen on (`PORT`). */
  readonly port: number;
  /** Address to bind (`HOST`). */
  readonly host: string;
  /** The sample routes' latencies, weights and seed (`TASKS_*`). */
  readonly tasks: TasksSettings;
}

/** 8080, 8081 and 8082 are the OpenTelemetry app's, the prom-client app's and the alert receiver's. */
export const BASELINE_APP_DEFAULTS = { port: 8083, host: '0.0.0.0' } as const;

/**
 * Reads and validates the configuration, listing every bad variable at once.
 * @throws ConfigValidationError naming each offending variable.
 */
export function readBaselineAppConfig(env: Env): BaselineAppConfig {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', BASELINE_APP_DEFAULTS.port);
  const host = reader.host('HOST', BASELINE_APP_DEFAULTS.host);
  const tasks = readTasksSettings(reader);
  reader.assertValid();
  return { port, host, tasks };
}
