import { ConfigValidationError } from '@app/config';
import { METRIC_PATHS } from '@app/metrics';
import { TASKS_DEFAULTS } from '@app/tasks';
import { readPromClientAppConfig } from './prom-client-app.config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readPromClientAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('readPromClientAppConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = readPromClientAppConfig({});
    expect(config).toMatchObject({ port: 8081, host: '0.0.0.0', serviceName: METRIC_PATHS.promClient.service });
    expect(config.tasks.sampleMaxLatencyMs).toBe(TASKS_DEFAULTS.sampleMaxLatencyMs);
    expect(config.tasks.seed).toBeUndefined();
    expect(config.cluster.workers).toBe(1);
  });

  it('reads every variable it owns, and the task settings', () => {
    const config = readPromClientAppConfig({
      PORT: '9100',
      HOST: '127.0.0.1',
      SERVICE_NAME: 'checkout-api',
      TASKS_SEED: '42',
      TASKS_ROUTE_MAX_LATENCY_MS: 'one=0',
      WORKERS: '4',
      WORKERS_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({ port: 9100, host: '127.0.0.1', serviceName: 'checkout-api' });
    expect(config.tasks).toMatchObject({
      seed: 42,
      routeMaxLatencyMs: { ...TASKS_DEFAULTS.routeMaxLatencyMs, one: 0 },
    });
    expect(config.cluster).toEqual({ workers: 4, shutdownTimeoutMs: 3000 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SERVICE_NAME', 'has spaces'],
    ['SERVICE_NAME', 'quote"d'],
    ['TASKS_WEIGHTS', '0,0,0'],
    ['TASKS_SEED', '-1'],
    ['WORKERS', '0'],
    ['WORKERS', '65'],
    ['WORKERS', 'many'],
  ])('rejects %s=%s, naming it', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'abc', TASKS_WEIGHTS: '0,0,0', SERVICE_NAME: ' x y ' });
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual(['PORT', 'SERVICE_NAME', 'TASKS_WEIGHTS']);
  });
});
