/**
 * A bad value of any environment variable stops start-up with a message naming it: every variable each compiled app
 * reads is set, one at a time, to a value it must refuse, and the app must exit 1 before it listens, naming the
 * variable. Which variables exist is read from the configuration code itself (every `NAME_LIKE_THIS` string in a
 * `*.config.ts` or `*.settings.ts`), so that a variable added there without a case here fails this test.
 * Needs `npm run build` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtEntry, freePort, ManagedProcess, REPO_ROOT } from '@app/testing';

type App = 'otel-app' | 'prom-client-app' | 'baseline-app' | 'alert-receiver' | 'local-dashboard';

interface BadValue {
  readonly value: string;
  readonly apps: readonly App[];
  /** Other variables the check needs (a push protocol is only read when the app pushes). */
  readonly with?: Readonly<Record<string, string>>;
}

const TASK_APPS: readonly App[] = ['otel-app', 'prom-client-app', 'baseline-app'];
const CLUSTER_APPS: readonly App[] = ['otel-app', 'prom-client-app'];
const PUSHING = { OTEL_METRICS_EXPORTER: 'otlp' };

/** A value each variable must refuse, and the apps that read it. */
const BAD_VALUES: Readonly<Record<string, BadValue>> = {
  PORT: { value: '99999', apps: ['otel-app', 'prom-client-app', 'baseline-app', 'alert-receiver', 'local-dashboard'] },
  HOST: {
    value: 'not a host',
    apps: ['otel-app', 'prom-client-app', 'baseline-app', 'alert-receiver', 'local-dashboard'],
  },
  METRICS_PORT: { value: 'http', apps: ['otel-app'] },
  METRICS_HOST: { value: '0.0.0.0:9464', apps: ['otel-app'] },
  WORKERS: { value: '0', apps: CLUSTER_APPS },
  WORKERS_SHUTDOWN_TIMEOUT_MS: { value: '5s', apps: CLUSTER_APPS },
  TASKS_WEIGHTS: { value: '1,2', apps: TASK_APPS },
  TASKS_MAX_LATENCY_MS: { value: '-1', apps: TASK_APPS },
  TASKS_ROUTE_MAX_LATENCY_MS: { value: 'nowhere=1', apps: TASK_APPS },
  TASKS_LATENCY_CAP_MS: { value: 'soon', apps: TASK_APPS },
  TASKS_SEED: { value: 'seed', apps: TASK_APPS },
  TASKS_LOAD_TEST_SERIES: { value: '100000000', apps: TASK_APPS },
  OTEL_METRICS_EXPORTER: { value: 'prometheus,statsd', apps: ['otel-app'] },
  OTEL_EXPORTER_OTLP_PROTOCOL: { value: 'grpc', apps: ['otel-app'], with: PUSHING },
  OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: { value: 'http/xml', apps: ['otel-app'], with: PUSHING },
  OTEL_EXPORTER_OTLP_ENDPOINT: { value: 'collector:4318', apps: ['otel-app'], with: PUSHING },
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: { value: 'ftp://collector', apps: ['otel-app'], with: PUSHING },
  OTEL_METRIC_EXPORT_INTERVAL: { value: '10', apps: ['otel-app'], with: PUSHING },
  OTEL_METRIC_EXPORT_TIMEOUT: { value: 'never', apps: ['otel-app'], with: PUSHING },
  OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: { value: 'delta', apps: ['otel-app'], with: PUSHING },
  OTEL_NODE_ENABLED_INSTRUMENTATIONS: { value: 'http', apps: ['otel-app'] },
  OTEL_TRACES_EXPORTER: { value: 'jaeger', apps: ['otel-app'] },
  OTEL_LOGS_EXPORTER: { value: 'file', apps: ['otel-app'] },
  OTEL_LOG_LEVEL: { value: 'loud', apps: ['otel-app'] },
  ALERT_RECEIVER_MAX_ALERTS: { value: '0', apps: ['alert-receiver'] },
  ALERT_RECEIVER_BODY_LIMIT_BYTES: { value: '1mb', apps: ['alert-receiver'] },
  ALERT_RECEIVER_PAGE_REFRESH_SECONDS: { value: '0', apps: ['alert-receiver'] },
  ALERT_RECEIVER_TOKEN_FILE: { value: '/nonexistent/token', apps: ['alert-receiver'] },
  ALERT_RECEIVER_RUNBOOKS_FILE: { value: '/nonexistent/runbooks.md', apps: ['alert-receiver'] },
  PROMETHEUS_URL: { value: 'ftp://127.0.0.1:9090', apps: ['local-dashboard'] },
  LOCAL_DASHBOARD_FILE: { value: 'no-such-dashboard.json', apps: ['local-dashboard'] },
  LOCAL_DASHBOARD_REFRESH_SECONDS: { value: 'often', apps: ['local-dashboard'] },
  LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS: { value: '1', apps: ['local-dashboard'] },
};

/** Variables any value of which is valid: nothing to refuse. */
const FREE_VALUES: Readonly<Record<string, string>> = {
  SERVICE_NAME: 'any text names a service (it becomes a label value, which may be any UTF-8)',
  OTEL_SERVICE_NAME: 'the same, under its OpenTelemetry name',
  ALERT_RECEIVER_TOKEN: 'a secret is any string',
};

/** Every `NAME_LIKE_THIS` string literal of the configuration code (Nest tokens aside): the variables the apps read. */
function variablesInConfigurationCode(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'test' && entry.name !== 'node_modules') visit(path);
      } else if (/\.(config|settings)\.ts$/.test(entry.name)) {
        for (const [, name] of readFileSync(path, 'utf8').matchAll(/(?<!Symbol\()'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) {
          found.set(name, relative(REPO_ROOT, path));
        }
      }
    }
  };
  for (const root of ['apps', 'libs']) visit(join(REPO_ROOT, root));
  return found;
}

async function startupOf(app: App, env: Record<string, string>): Promise<{ code: number | null; logs: string }> {
  const proc = new ManagedProcess({
    name: app,
    command: process.execPath,
    args: [builtEntry(app)],
    env: { NODE_ENV: 'test', PORT: String(await freePort()), METRICS_PORT: String(await freePort()), ...env },
    cwd: REPO_ROOT,
  });
  try {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    const code = await Promise.race([proc.waitForExit(), timeout]);
    return { code: code === 'timeout' ? null : code, logs: proc.logs };
  } finally {
    await proc.stop();
  }
}

describe('every environment variable', () => {
  it('read by the configuration code has a bad value tried below, or is free text for a reason', () => {
    const unknown = [...variablesInConfigurationCode()].filter(
      ([name]) => !(name in BAD_VALUES) && !(name in FREE_VALUES),
    );
    expect(unknown.map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  const cases = Object.entries(BAD_VALUES).flatMap(([name, bad]) =>
    bad.apps.map((app) => [app, name, bad.value, bad.with ?? {}] as const),
  );

  it.each(cases)(
    '%s: %s=%j stops start-up with exit code 1, naming the variable',
    async (app, name, value, context) => {
      const { code, logs } = await startupOf(app, { ...context, [name]: value });
      expect({ code, named: logs.includes(name), listening: /listening/i.test(logs) }).toEqual({
        code: 1,
        named: true,
        listening: false,
      });
    },
  );
});
