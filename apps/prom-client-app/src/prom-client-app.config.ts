import { type Env, EnvReader } from '@app/config';
import { METRIC_PATHS } from '@app/metrics';
import { readTasksSettings, type TasksSettings } from '@app/tasks';
import { readWorkerClusterSettings, type WorkerClusterSettings } from '@app/worker-cluster';

/** Everything the prom-client app reads from its environment, typed and validated in this one place. */
export interface PromClientAppConfig {
  /** TCP port to listen on (`PORT`). */
  readonly port: number;
  /** Address to bind (`HOST`); `0.0.0.0` so that a Prometheus outside the host or container can scrape it. */
  readonly host: string;
  /** Value of the `service` label on every series (`SERVICE_NAME`); dashboards and alerts select on it. */
  readonly serviceName: string;
  /** The sample routes' latencies, weights and seed (`TASKS_*`). */
  readonly tasks: TasksSettings;
  /** How many worker processes share `port` (`WORKERS`, 1 by default) and their shutdown timeout. */
  readonly cluster: WorkerClusterSettings;
}

export const PROM_CLIENT_APP_DEFAULTS = {
  port: 8081,
  host: '0.0.0.0',
  serviceName: METRIC_PATHS.promClient.service,
} as const;

/** Letters, digits, `_`, `.` and `-`: safe to paste into a PromQL selector or a dashboard variable unquoted. */
const SERVICE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Reads and validates the configuration, listing every bad variable at once.
 * @throws ConfigValidationError naming each offending variable.
 */
export function readPromClientAppConfig(env: Env): PromClientAppConfig {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', PROM_CLIENT_APP_DEFAULTS.port);
  const host = reader.host('HOST', PROM_CLIENT_APP_DEFAULTS.host);
  const serviceName = reader.string('SERVICE_NAME', PROM_CLIENT_APP_DEFAULTS.serviceName);
  if (!SERVICE_NAME_PATTERN.test(serviceName)) {
    reader.reject('SERVICE_NAME', `must be 1 to 64 letters, digits, "_", "." or "-", got "${serviceName}"`);
  }
  const tasks = readTasksSettings(reader);
  const cluster = readWorkerClusterSettings(reader);
  reader.assertValid();
  return { port, host, serviceName, tasks, cluster };
}
