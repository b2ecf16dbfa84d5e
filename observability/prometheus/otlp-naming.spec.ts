import { OTEL_HTTP_METRICS, SIGNALS_METRICS } from '@app/metrics';
import { OTEL_PATH_METRICS, otlpMetricName, otlpSeriesNames } from './otlp-naming.js';

describe('the OpenTelemetry metrics under their two Prometheus names', () => {
  it('adds the unit to a histogram pushed as OTLP, once', () => {
    expect(otlpMetricName(OTEL_HTTP_METRICS.duration)).toBe('http_server_request_duration_seconds');
    // Already ends with its unit: unchanged, whichever way it travels.
    expect(otlpMetricName(SIGNALS_METRICS.workDuration)).toBe('signals_work_duration_seconds');
  });

  it('keeps _total on counters and leaves unitless gauges as they are', () => {
    expect(otlpMetricName(SIGNALS_METRICS.outcomes)).toBe('signals_outcomes_total');
    expect(otlpMetricName(SIGNALS_METRICS.inFlight)).toBe('signals_in_flight');
  });

  it('maps every scraped series of the path to its pushed twin', () => {
    const names = otlpSeriesNames();
    expect(names.get('http_server_request_duration_count')).toBe('http_server_request_duration_seconds_count');
    expect(names.get('http_server_request_duration_bucket')).toBe('http_server_request_duration_seconds_bucket');
    expect(names.size).toBe(
      OTEL_PATH_METRICS.reduce((count, definition) => count + (definition.kind === 'histogram' ? 3 : 1), 0),
    );
  });
});
