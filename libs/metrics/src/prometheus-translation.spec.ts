import { loadTestSeries, TASKS_METRICS, type OtelMetricDefinition } from './metric-catalogue.js';
import { otelSeriesNameOf, prometheusNameOf } from './prometheus-translation.js';

const OTEL_RECORDED: OtelMetricDefinition[] = [
  TASKS_METRICS.outcomes,
  TASKS_METRICS.inFlight,
  TASKS_METRICS.workDuration,
  ...loadTestSeries(1),
];

describe('the OpenTelemetry names of the catalogue, translated', () => {
  it.each(OTEL_RECORDED.map((definition) => [definition.instrumentName, definition] as const))(
    '%s: each attribute key translates to its label, shared by both paths',
    (_, definition) => {
      const attributeKeys = definition.attributeKeys as Record<string, string>;
      expect(Object.keys(attributeKeys)).toEqual(definition.labelNames);
      for (const label of definition.labelNames) expect(prometheusNameOf(attributeKeys[label])).toBe(label);
    },
  );

  it('names counters and gauges as the prom-client path does, the histogram without its unit', () => {
    const { outcomes, inFlight, workDuration } = TASKS_METRICS;
    expect(otelSeriesNameOf(outcomes)).toBe(outcomes.name);
    expect(otelSeriesNameOf(inFlight)).toBe(inFlight.name);
    expect(otelSeriesNameOf(workDuration)).toBe('tasks_work_duration');
    expect(workDuration.name).toBe(`${otelSeriesNameOf(workDuration)}_seconds`);
    expect(loadTestSeries(1).map(otelSeriesNameOf)).toEqual(['load_test_series_0']);
  });

  it('names instruments the OpenTelemetry way: a namespace, dot-separated, lower case, no unit', () => {
    for (const { instrumentName, unit } of OTEL_RECORDED) {
      expect(instrumentName).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
      expect(instrumentName).not.toMatch(/seconds|total/);
      expect(unit).toMatch(/^(s|\{[a-z]+\})$/);
    }
  });

  it('appends _total to a counter once, as the exporter does', () => {
    expect(otelSeriesNameOf({ kind: 'counter', instrumentName: 'a.b_total' })).toBe('a_b_total');
    expect(otelSeriesNameOf({ kind: 'counter', instrumentName: 'a..b' })).toBe('a_b_total');
  });
});
