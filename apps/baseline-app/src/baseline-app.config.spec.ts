import { ConfigValidationError } from '@app/config';
import { SIGNALS_DEFAULTS } from '@app/signals';
import { BASELINE_APP_DEFAULTS, readBaselineAppConfig } from './baseline-app.config.js';

describe('readBaselineAppConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = readBaselineAppConfig({});
    expect(config).toMatchObject(BASELINE_APP_DEFAULTS);
    expect(config.signals.sampleMaxLatencyMs).toBe(SIGNALS_DEFAULTS.sampleMaxLatencyMs);
  });

  it('reads the port, the host and the signals settings', () => {
    const config = readBaselineAppConfig({ PORT: '9200', HOST: '127.0.0.1', SIGNALS_ROUTE_MAX_LATENCY_MS: 'two=0' });
    expect(config).toMatchObject({ port: 9200, host: '127.0.0.1' });
    expect(config.signals.routeMaxLatencyMs).toEqual({ ...SIGNALS_DEFAULTS.routeMaxLatencyMs, two: 0 });
  });

  it('names every bad variable at once', () => {
    let problems: readonly string[] = [];
    try {
      readBaselineAppConfig({ PORT: 'eighty', SIGNALS_WEIGHTS: '1,2' });
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      'PORT must be an integer, got "eighty"',
      'SIGNALS_WEIGHTS must be 3 comma-separated non-negative numbers, got "1,2"',
    ]);
  });
});
