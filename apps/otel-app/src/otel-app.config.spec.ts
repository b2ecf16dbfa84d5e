import { ConfigValidationError } from '@app/config';
import { METRIC_PATHS } from '@app/metrics';
import { loadOtelAppConfig } from './otel-app.config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadOtelAppConfig(env, '1.2.3');
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadOtelAppConfig', () => {
  it('has defaults for everything', () => {
    const config = loadOtelAppConfig({}, '1.2.3');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(config.telemetry).toEqual({
      service: { name: METRIC_PATHS.otel.service, version: '1.2.3' },
      prometheus: { host: '0.0.0.0', port: 9464, endpoint: '/metrics', serveScrapeEndpoint: true },
      ignoredIncomingPaths: ['/health'],
      tracesFromEnv: false,
      enabledInstrumentations: ['runtime-node'],
      logsFromEnv: false,
      printDiagnostics: true,
    });
    expect(config.cluster).toEqual({ workers: 1, shutdownTimeoutMs: 8000 });
  });

  it('hands the scrape endpoint to the cluster primary when WORKERS > 1', () => {
    const config = loadOtelAppConfig({ WORKERS: '3', WORKERS_SHUTDOWN_TIMEOUT_MS: '2000' }, 'v');
    expect(config.cluster).toEqual({ workers: 3, shutdownTimeoutMs: 2000 });
    expect(config.telemetry.prometheus).toMatchObject({ port: 9464, serveScrapeEndpoint: false });
    expect(problemsOf({ WORKERS: '0' })).toEqual(['WORKERS must be an integer between 1 and 64, got 0']);
  });

  it('pushes the metrics as OTLP instead of, or beside, the scrape endpoint (OTEL_METRICS_EXPORTER)', () => {
    const pushed = loadOtelAppConfig({ OTEL_METRICS_EXPORTER: 'otlp' }, 'v').telemetry;
    expect(pushed.prometheus).toBeUndefined();
    expect(pushed.otlp).toEqual({
      protocol: 'http/protobuf',
      exportIntervalMillis: 60_000,
      exportTimeoutMillis: 30_000,
    });
    const both = loadOtelAppConfig(
      {
        OTEL_METRICS_EXPORTER: 'prometheus, otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_METRIC_EXPORT_INTERVAL: '5000',
        OTEL_METRIC_EXPORT_TIMEOUT: '2000',
        OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'Cumulative',
      },
      'v',
    ).telemetry;
    expect(both.prometheus).toMatchObject({ port: 9464 });
    expect(both.otlp).toEqual({ protocol: 'http/json', exportIntervalMillis: 5000, exportTimeoutMillis: 2000 });
    // The metrics-specific protocol variable wins over the general one, as the SDK reads them.
    expect(
      loadOtelAppConfig(
        {
          OTEL_METRICS_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
        },
        'v',
      ).telemetry.otlp?.protocol,
    ).toBe('http/json');
  });

  it('refuses an OTLP setting that would send nothing Prometheus can store, naming the variable', () => {
    expect(problemsOf({ OTEL_METRICS_EXPORTER: 'console' })).toEqual([
      'OTEL_METRICS_EXPORTER must list prometheus and/or otlp (comma-separated), got "console": metrics must go somewhere',
    ]);
    expect(problemsOf({ OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL must be one of http/protobuf, http/json, got "grpc"',
    ]);
    expect(
      problemsOf({ OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta' }),
    ).toEqual([
      'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE must be cumulative, got "delta": Prometheus stores cumulative series and its OTLP receiver refuses deltas',
    ]);
    expect(
      problemsOf({
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_METRIC_EXPORT_INTERVAL: '1000',
        OTEL_METRIC_EXPORT_TIMEOUT: '5000',
      }),
    ).toEqual(['OTEL_METRIC_EXPORT_TIMEOUT must be at most OTEL_METRIC_EXPORT_INTERVAL (1000 ms), got 5000']);
    expect(problemsOf({ OTEL_METRICS_EXPORTER: 'otlp', OTEL_METRIC_EXPORT_INTERVAL: 'often' })).toEqual([
      'OTEL_METRIC_EXPORT_INTERVAL must be an integer, got "often"',
    ]);
    expect(problemsOf({ OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "collector:4318"',
    ]);
    // Not read at all while nothing is pushed: a tracing setup's gRPC stays its own business.
    expect(problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual([]);
  });

  it('loads the HTTP, Express and Nest instrumentations only when spans are exported', () => {
    const { telemetry } = loadOtelAppConfig({ OTEL_TRACES_EXPORTER: 'otlp' }, 'v');
    expect(telemetry.enabledInstrumentations).toEqual(['runtime-node', 'http', 'express']);
  });

  it('takes OTEL_NODE_ENABLED_INSTRUMENTATIONS, and refuses http without express, which names its routes', () => {
    const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http, express,undici' };
    expect(loadOtelAppConfig(env, 'v').telemetry.enabledInstrumentations).toEqual(['http', 'express', 'undici']);
    expect(problemsOf({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' })).toEqual([
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS must include express with http: instrumentation-http then records the request metric, and its route needs express',
    ]);
    expect(problemsOf({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'runtime-node,undici' })).toEqual([]);
    expect(problemsOf({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express,Bad Name' })).toEqual([
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS must list instrumentation names like http,express, got "Bad Name"',
    ]);
  });

  it('takes SERVICE_NAME, else OTEL_SERVICE_NAME', () => {
    expect(loadOtelAppConfig({ OTEL_SERVICE_NAME: 'std' }, 'v').telemetry.service.name).toBe('std');
    expect(loadOtelAppConfig({ OTEL_SERVICE_NAME: 'std', SERVICE_NAME: 'own' }, 'v').telemetry.service.name).toBe(
      'own',
    );
  });

  it('leaves spans, logs and diagnostics to the OTEL_* variables once they are set', () => {
    const { telemetry } = loadOtelAppConfig(
      { OTEL_TRACES_EXPORTER: 'otlp', OTEL_LOGS_EXPORTER: 'console', OTEL_LOG_LEVEL: 'debug' },
      'v',
    );
    expect(telemetry).toMatchObject({ tracesFromEnv: true, logsFromEnv: true, printDiagnostics: false });
  });

  it('names every bad variable at once', () => {
    expect(problemsOf({ PORT: 'eighty', METRICS_PORT: '99999', TASKS_WEIGHTS: '1,2' })).toEqual([
      'PORT must be an integer, got "eighty"',
      'METRICS_PORT must be an integer between 1 and 65535, got 99999',
      'TASKS_WEIGHTS must be 3 comma-separated non-negative numbers, got "1,2"',
    ]);
  });

  it.each([
    [
      { OTEL_TRACES_EXPORTER: 'jaeger' },
      'OTEL_TRACES_EXPORTER must list otlp, zipkin, console, none (comma-separated), got "jaeger"',
    ],
    [
      { OTEL_LOGS_EXPORTER: 'otlp,file' },
      'OTEL_LOGS_EXPORTER must list otlp, console, none (comma-separated), got "otlp,file"',
    ],
    [
      { OTEL_LOG_LEVEL: 'loud' },
      'OTEL_LOG_LEVEL must be one of NONE, ERROR, WARN, INFO, DEBUG, VERBOSE, ALL, got "loud"',
    ],
    [{ HOST: 'not a host' }, 'HOST must be an IP address or a host name, got "not a host"'],
    [{ METRICS_HOST: '0.0.0.0:9464' }, 'METRICS_HOST must be an IP address or a host name, got "0.0.0.0:9464"'],
  ])('refuses what the SDK would only warn about, or the resolver fail on later: %j', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('refuses a scrape port of 0 or equal to the app port', () => {
    expect(problemsOf({ METRICS_PORT: '0' })).toEqual(['METRICS_PORT must be an integer between 1 and 65535, got 0']);
    expect(problemsOf({ PORT: '9000', METRICS_PORT: '9000' })).toEqual([
      'METRICS_PORT must differ from PORT (both are 9000)',
    ]);
  });
});
