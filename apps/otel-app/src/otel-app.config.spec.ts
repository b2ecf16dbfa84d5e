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
      enabledInstrumentations: ['http', 'express', 'runtime-node'],
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

  it('enables the Nest instrumentation only when spans are exported', () => {
    const { telemetry } = loadOtelAppConfig({ OTEL_TRACES_EXPORTER: 'otlp' }, 'v');
    expect(telemetry.enabledInstrumentations).toEqual(['http', 'express', 'runtime-node', 'nestjs-core']);
  });

  it('takes OTEL_NODE_ENABLED_INSTRUMENTATIONS, and refuses a list without what the request metric needs', () => {
    const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http, express,undici' };
    expect(loadOtelAppConfig(env, 'v').telemetry.enabledInstrumentations).toEqual(['http', 'express', 'undici']);
    expect(problemsOf({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' })).toEqual([
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS must include express: the request metric needs them',
    ]);
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
    expect(problemsOf({ PORT: 'eighty', METRICS_PORT: '99999', SIGNALS_WEIGHTS: '1,2' })).toEqual([
      'PORT must be an integer, got "eighty"',
      'METRICS_PORT must be an integer between 1 and 65535, got 99999',
      'SIGNALS_WEIGHTS must be 3 comma-separated non-negative numbers, got "1,2"',
    ]);
  });

  it('refuses a scrape port of 0 or equal to the app port', () => {
    expect(problemsOf({ METRICS_PORT: '0' })).toEqual(['METRICS_PORT must be an integer between 1 and 65535, got 0']);
    expect(problemsOf({ PORT: '9000', METRICS_PORT: '9000' })).toEqual([
      'METRICS_PORT must differ from PORT (both are 9000)',
    ]);
  });
});
