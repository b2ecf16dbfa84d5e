import { ConfigValidationError } from '@app/config';
import { TASKS_DEFAULTS } from '@app/tasks';
import { BASELINE_APP_DEFAULTS, readBaselineAppConfig } from './baseline-app.config.js';

describe('readBaselineAppConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = readBaselineAppConfig({});
    expect(config).toMatchObject(BASELINE_APP_DEFAULTS);
    expect(config.tasks.sampleMaxLatencyMs).toBe(TASKS_DEFAULTS.sampleMaxLatencyMs);
  });

  it('reads the port, the host and the task settings', () => {
    const config = readBaselineAppConfig({ PORT: '9200', HOST: '127.0.0.1', TASKS_ROUTE_MAX_LATENCY_MS: 'two=0' });
    expect(config).toMatchObject({ port: 9200, host: '127.0.0.1' });
    expect(config.tasks.routeMaxLatencyMs).toEqual({ ...TASKS_DEFAULTS.routeMaxLatencyMs, two: 0 });
  });

  it('names every bad variable at once', () => {
    let problems: readonly string[] = [];
    try {
      readBaselineAppConfig({ PORT: 'eighty', TASKS_WEIGHTS: '1,2' });
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      'PORT must be an integer, got "eighty"',
      'TASKS_WEIGHTS must be 3 comma-separated non-negative numbers, got "1,2"',
    ]);
  });
});
