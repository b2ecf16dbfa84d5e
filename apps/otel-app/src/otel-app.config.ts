import { EnvReader, type Env } from '@app/config';
import { METRIC_PATHS } from '@app/metrics';
import {
  defaultEnabledInstrumentations,
  OTLP_METRICS_PROTOCOLS,
  type OtlpMetricsConfig,
  PROMETHEUS_EXPORTER_DEFAULTS,
  type TelemetryConfig,
} from '@app/otel-metrics';
import { HEALTH_PATH, readTasksSettings, type TasksSettings } from '@app/tasks';
import { readWorkerClusterSettings, type WorkerClusterSettings } from '@app/worker-cluster';

/** Everything the OpenTelemetry app is configured with; see the README's table of variables. */
export interface OtelAppConfig {
  /** The app's HTTP server. */
  readonly http: { readonly host: string; readonly port: number };
  readonly telemetry: TelemetryConfig;
  readonly tasks: TasksSettings;
  /** How many worker processes share `http.port` (`WORKERS`, 1 by default) and their shutdown timeout. */
  readonly cluster: WorkerClusterSettings;
}

/**
 * The one place where this app reads its environment. Every problem is collected, then one
 * `ConfigValidationError` names each offending variable, before anything starts.
 *
 * | variable | default |
 * | --- | --- |
 * | `PORT`, `HOST` | `8080`, `0.0.0.0` |
 * | `METRICS_PORT`, `METRICS_HOST` | `9464`, `0.0.0.0` (the scrape endpoint, `/metrics`: the exporter's, or with several workers the primary's) |
 * | `WORKERS`, `WORKERS_SHUTDOWN_TIMEOUT_MS` | `1` (one process, no cluster), `8000` |
 * | `SERVICE_NAME` | `OTEL_SERVICE_NAME`, else `tasks-otel` |
 * | `TASKS_*` | see `readTasksSettings` |
 * | `OTEL_METRICS_EXPORTER` | `prometheus` (the scrape endpoint); `otlp` pushes instead, `prometheus,otlp` does both |
 * | `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`, `OTEL_EXPORTER_OTLP_PROTOCOL` | `http/protobuf` (or `http/json`) |
 * | `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`, `OTEL_EXPORTER_OTLP_ENDPOINT` | the exporter's: `http://localhost:4318/v1/metrics` |
 * | `OTEL_METRIC_EXPORT_INTERVAL`, `OTEL_METRIC_EXPORT_TIMEOUT` | `60000`, `30000` ms (the SDK's defaults) |
 * | `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE` | `cumulative`, the only value Prometheus stores |
 * | `OTEL_TRACES_EXPORTER`, `OTEL_LOGS_EXPORTER` | unset: no spans, no logs exported |
 * | `OTEL_NODE_ENABLED_INSTRUMENTATIONS` | `runtime-node` (+ `http,express` when spans are exported) |
 * | `OTEL_LOG_LEVEL` | unset: the SDK's warnings and errors are printed |
 */
export function loadOtelAppConfig(env: Env, serviceVersion: string): OtelAppConfig {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', 8080);
  const host = reader.host('HOST', '0.0.0.0');
  // Not 0: the exporter takes 0 for "unset" and would listen on 9464 instead.
  const metricsPort = reader.integer('METRICS_PORT', {
    default: PROMETHEUS_EXPORTER_DEFAULTS.port,
    min: 1,
    max: 65535,
  });
  if (metricsPort === port) reader.reject('METRICS_PORT', `must differ from PORT (both are ${port})`);
  const metricsHost = reader.host('METRICS_HOST', '0.0.0.0');
  // SERVICE_NAME is this project's name for it; OTEL_SERVICE_NAME, the standard one, is honoured too.
  const serviceName = reader.string(
    'SERVICE_NAME',
    reader.optionalString('OTEL_SERVICE_NAME') ?? METRIC_PATHS.otel.service,
  );
  const tasks = readTasksSettings(reader);
  const tracesFromEnv = readSdkExporters(reader, 'OTEL_TRACES_EXPORTER', TRACES_EXPORTERS) !== undefined;
  const enabledInstrumentations = readEnabledInstrumentations(reader, tracesFromEnv);
  const cluster = readWorkerClusterSettings(reader);
  const exporters = readMetricsExporters(reader);
  const telemetry: TelemetryConfig = {
    service: { name: serviceName, version: serviceVersion },
    prometheus: exporters.has('prometheus')
      ? {
          host: metricsHost,
          port: metricsPort,
          endpoint: PROMETHEUS_EXPORTER_DEFAULTS.endpoint,
          // With several workers, the primary serves the endpoint and merges the workers' expositions.
          serveScrapeEndpoint: cluster.workers === 1,
        }
      : undefined,
    otlp: exporters.has('otlp') ? readOtlpMetrics(reader) : undefined,
    ignoredIncomingPaths: [HEALTH_PATH],
    tracesFromEnv,
    enabledInstrumentations,
    logsFromEnv: readSdkExporters(reader, 'OTEL_LOGS_EXPORTER', LOGS_EXPORTERS) !== undefined,
    printDiagnostics: readSdkLogLevel(reader) === undefined,
  };
  reader.assertValid();
  return { http: { host, port }, telemetry, tasks, cluster };
}

const METRICS_EXPORTERS = ['prometheus', 'otlp'] as const;
/** What the Node SDK builds from OTEL_TRACES_EXPORTER and OTEL_LOGS_EXPORTER; it only warns about anything else. */
const TRACES_EXPORTERS = ['otlp', 'zipkin', 'console', 'none'] as const;
const LOGS_EXPORTERS = ['otlp', 'console', 'none'] as const;
/** The levels of OTEL_LOG_LEVEL, as the SDK reads them (in any case). */
const SDK_LOG_LEVELS = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'VERBOSE', 'ALL'] as const;

/**
 * One of the SDK's own exporter lists, left for the SDK to read but checked here: the SDK warns about an unknown
 * name and exports nothing, where a typo should stop start-up. Undefined when unset.
 */
function readSdkExporters(reader: EnvReader, name: string, allowed: readonly string[]): string | undefined {
  const raw = reader.optionalString(name);
  if (raw === undefined) return undefined;
  const unknown = raw
    .split(',')
    .map((exporter) => exporter.trim())
    .filter((exporter) => !allowed.includes(exporter));
  if (unknown.length > 0) reader.reject(name, `must list ${allowed.join(', ')} (comma-separated), got "${raw}"`);
  return raw;
}

/** OTEL_LOG_LEVEL, read by the SDK itself, which falls back to INFO on a typo. Undefined when unset. */
function readSdkLogLevel(reader: EnvReader): string | undefined {
  const raw = reader.optionalString('OTEL_LOG_LEVEL');
  if (raw !== undefined && !(SDK_LOG_LEVELS as readonly string[]).includes(raw.toUpperCase())) {
    reader.reject('OTEL_LOG_LEVEL', `must be one of ${SDK_LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw;
}

/** `OTEL_METRICS_EXPORTER`, the SDK's standard variable, restricted to what this app can do with it. */
function readMetricsExporters(reader: EnvReader): Set<(typeof METRICS_EXPORTERS)[number]> {
  const raw = reader.optionalString('OTEL_METRICS_EXPORTER') ?? 'prometheus';
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(METRICS_EXPORTERS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    reader.reject(
      'OTEL_METRICS_EXPORTER',
      `must list ${METRICS_EXPORTERS.join(' and/or ')} (comma-separated), got "${raw}": metrics must go somewhere`,
    );
  }
  return new Set(names.filter((name) => (METRICS_EXPORTERS as readonly string[]).includes(name))) as Set<
    (typeof METRICS_EXPORTERS)[number]
  >;
}

/** The OTLP push's standard variables that the exporter does not check itself, or that Prometheus constrains. */
function readOtlpMetrics(reader: EnvReader): OtlpMetricsConfig {
  const protocolVariable =
    reader.optionalString('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL') !== undefined
      ? 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'
      : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  // gRPC is left out: Prometheus' OTLP receiver speaks HTTP only, and the Collector takes HTTP as well.
  const protocol = reader.oneOf(protocolVariable, OTLP_METRICS_PROTOCOLS, 'http/protobuf');
  const exportIntervalMillis = reader.integer('OTEL_METRIC_EXPORT_INTERVAL', { default: 60_000, min: 100 });
  const exportTimeoutMillis = reader.integer('OTEL_METRIC_EXPORT_TIMEOUT', { default: 30_000, min: 1 });
  if (exportTimeoutMillis > exportIntervalMillis) {
    // The SDK throws on it, from inside its start-up: said here, with the variables' names.
    reader.reject(
      'OTEL_METRIC_EXPORT_TIMEOUT',
      `must be at most OTEL_METRIC_EXPORT_INTERVAL (${exportIntervalMillis} ms), got ${exportTimeoutMillis}`,
    );
  }
  const temporality = reader.optionalString('OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE');
  if (temporality !== undefined && temporality.toLowerCase() !== 'cumulative') {
    reader.reject(
      'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
      `must be cumulative, got "${temporality}": Prometheus stores cumulative series and its OTLP receiver refuses deltas`,
    );
  }
  // The exporter reads these itself, but takes a bad one silently and fails every push at run time.
  for (const variable of ['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT']) {
    const endpoint = reader.optionalString(variable);
    if (endpoint !== undefined && !/^https?:$/.test(URL.parse(endpoint)?.protocol ?? '')) {
      reader.reject(variable, `must be an http:// or https:// URL, got "${endpoint}"`);
    }
  }
  return { protocol, exportIntervalMillis, exportTimeoutMillis };
}

/** The standard variable of auto-instrumentations-node, checked here so that a typo stops start-up. */
function readEnabledInstrumentations(reader: EnvReader, tracesFromEnv: boolean): string[] {
  const raw = reader.optionalString('OTEL_NODE_ENABLED_INSTRUMENTATIONS');
  if (raw === undefined) return defaultEnabledInstrumentations(tracesFromEnv);
  const names = raw.split(',').map((name) => name.trim());
  const malformed = names.find((name) => !/^[a-z0-9][a-z0-9.-]*$/.test(name));
  if (malformed !== undefined) {
    reader.reject(
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
      `must list instrumentation names like http,express, got "${malformed}"`,
    );
  }
  // With instrumentation-http loaded, it records the request metric, whose route only instrumentation-express names.
  if (names.includes('http') && !names.includes('express')) {
    reader.reject(
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
      'must include express with http: instrumentation-http then records the request metric, and its route needs express',
    );
  }
  return names;
}
