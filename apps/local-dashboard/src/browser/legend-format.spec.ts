import { formatLegend } from './legend-format.js';

describe('formatLegend', () => {
  it('replaces each {{label}} with the series value, as Grafana does', () => {
    expect(
      formatLegend('{{instrumentation}} {{route}}', { instrumentation: 'otel', route: '/sample-signals', code: '404' }),
    ).toBe('otel /sample-signals');
    expect(
      formatLegend('{{instrumentation}} {{route}} q{{quantile}}', {
        instrumentation: 'prom-client',
        route: '/one',
        quantile: '0.99',
      }),
    ).toBe('prom-client /one q0.99');
    expect(formatLegend('{{ instrumentation }} 5m', { instrumentation: 'otel' })).toBe('otel 5m');
  });

  it('leaves nothing of a label the series lacks', () => {
    expect(formatLegend('{{instrumentation}} {{class}} x', { instrumentation: 'otel' })).toBe('otel x');
  });

  it('falls back to the metric name and labels without a legend format', () => {
    expect(formatLegend('', { __name__: 'up', job: 'tasks-otel', instance: 'a:1' })).toBe(
      'up{instance="a:1", job="tasks-otel"}',
    );
    expect(formatLegend('__auto', { job: 'x' })).toBe('{job="x"}');
    expect(formatLegend('', {})).toBe('Value');
  });
});
