import { NO_WAIT_TASKS_ENV } from '@app/tasks';
import type { VariantName } from './variant-names.js';

/** How one variant is started and reached. */
export interface VariantPlan {
  readonly name: VariantName;
  /** The app under dist/apps/ that runs it. */
  readonly app: 'baseline-app' | 'prom-client-app' | 'otel-app';
  /** One line for the report's legend. */
  readonly summary: string;
  /** The app's whole environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly baseUrl: string;
  /** Where it serves its metrics; undefined for the baseline, which has none. */
  readonly metricsUrl?: string;
}

export interface VariantPorts {
  readonly app: number;
  /** The OpenTelemetry exporter's own port (unused by the other variants). */
  readonly metrics: number;
}

/**
 * Variables an app reads, which the benchmark sets itself: one left over in the shell that runs it
 * (an OTEL_TRACES_EXPORTER, a WORKERS) would change what is measured without showing in the report.
 */
const OWNED_VARIABLE =
  /^(PORT|HOST|METRICS_PORT|METRICS_HOST|SERVICE_NAME|WORKERS|NODE_ENV|NODE_OPTIONS|TASKS_\w+|OTEL_\w+)$/;

/** What every variant runs with: the same routes, answered at once, from one process. */
function commonEnv(inherited: NodeJS.ProcessEnv, port: number): Record<string, string> {
  const kept = Object.entries(inherited).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !OWNED_VARIABLE.test(entry[0]),
  );
  return {
    ...Object.fromEntries(kept),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    // No wait in the handlers: the cost of the metrics is not hidden behind sleeps.
    ...NO_WAIT_TASKS_ENV,
    TASKS_SEED: '1',
  };
}

/** The OpenTelemetry app with only the standard variables this benchmark means to set. */
function otelEnv(
  inherited: NodeJS.ProcessEnv,
  ports: VariantPorts,
  enabledInstrumentations: string,
): Record<string, string> {
  return {
    ...commonEnv(inherited, ports.app),
    METRICS_PORT: String(ports.metrics),
    METRICS_HOST: '127.0.0.1',
    // Empty is unset: the app's own default (its restricted list) applies.
    OTEL_NODE_ENABLED_INSTRUMENTATIONS: enabledInstrumentations,
  };
}

/** The instrumentations upstream's getting-started loads for HTTP metrics: spans made, none exported. */
const HTTP_INSTRUMENTATION_LIST = 'runtime-node,http,express';

/**
 * @param autoDefaults the instrumentations `getNodeAutoInstrumentations` enables by default, for
 *   `otel-auto-defaults` (see auto-instrumentation-defaults.ts).
 */
export function planVariant(
  name: VariantName,
  ports: VariantPorts,
  autoDefaults: readonly string[],
  inherited: NodeJS.ProcessEnv = process.env,
): VariantPlan {
  const baseUrl = `http://127.0.0.1:${ports.app}`;
  const otelMetricsUrl = `http://127.0.0.1:${ports.metrics}/metrics`;
  switch (name) {
    case 'baseline':
      return {
        name,
        app: 'baseline-app',
        summary: 'baseline-app: the same routes, a no-op metrics port, no HTTP metrics, no /metrics',
        env: commonEnv(inherited, ports.app),
        baseUrl,
      };
    case 'prom-client':
      return {
        name,
        app: 'prom-client-app',
        summary: 'prom-client-app: catalogue metrics, HTTP middleware, default Node metrics, /metrics on the app port',
        env: commonEnv(inherited, ports.app),
        baseUrl,
        metricsUrl: `${baseUrl}/metrics`,
      };
    case 'otel':
      return {
        name,
        app: 'otel-app',
        summary: 'otel-app as shipped: HTTP histogram by middleware through the metrics API, runtime-node, no span',
        env: otelEnv(inherited, ports, ''),
        baseUrl,
        metricsUrl: otelMetricsUrl,
      };
    case 'otel-http-instrumentation':
      return {
        name,
        app: 'otel-app',
        summary: 'otel-app with the HTTP histogram from instrumentation-http and -express, as upstream documents it',
        env: otelEnv(inherited, ports, HTTP_INSTRUMENTATION_LIST),
        baseUrl,
        metricsUrl: otelMetricsUrl,
      };
    case 'otel-auto-defaults':
      return {
        name,
        app: 'otel-app',
        summary: `otel-app with the ${autoDefaults.length} instrumentations getNodeAutoInstrumentations enables by default`,
        env: otelEnv(inherited, ports, autoDefaults.join(',')),
        baseUrl,
        metricsUrl: otelMetricsUrl,
      };
  }
}
