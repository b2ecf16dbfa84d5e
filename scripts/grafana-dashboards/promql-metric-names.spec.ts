import { metricNamesIn } from './promql-metric-names';

describe('metricNamesIn', () => {
  it.each([
    ['a bare selector', 'up', ['up']],
    [
      'a recording rule name with colons',
      'service:http_requests:rate5m{path=~"$path"}',
      ['service:http_requests:rate5m'],
    ],
    [
      'an aggregation over a function, with a grouping list and a range',
      'sum by (path, le) (rate(http_request_duration_seconds_bucket{job="prom-client-app"}[$__rate_interval]))',
      ['http_request_duration_seconds_bucket'],
    ],
    [
      'histogram_quantile with a numeric argument',
      'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
      ['x_bucket'],
    ],
    ['both sides of a binary operator', 'a_total / on (job) group_left (path) b_total', ['a_total', 'b_total']],
    ['Grafana variables outside brackets', 'round(sum(rate(c_total[$__range])) * $__range_s)', ['c_total']],
    ['label values that look like names', 'ALERTS{alertstate="firing", alertname=~"Foo|bar_baz"}', ['ALERTS']],
    ['numbers with exponents and offsets', 'd_total offset 5m > 1e3', ['d_total']],
    ['label_replace strings', 'label_replace(e_total, "route", "$1", "http_route", "(.+)")', ['e_total']],
  ])('finds the metric names of %s', (_case, expr, names) => {
    expect(metricNamesIn(expr).sort()).toEqual([...names].sort());
  });
});
