import { parseSeries, promqlNames } from './promql-names.js';

describe('promqlNames', () => {
  const expr = `
    # prom-client path: a comment's "quotes" and names(are) not read
    sum by (job, instrumentation) (rate(http_requests_total{job=~"prom-client-app|tasks-otel", code!="200"}[5m]))
    / on (job) group_left ()
    label_replace(up{job="tasks-otel"}, "route", "$1", "http_route", "(.+)")
    or absent(service:http_requests:rate5m)
    unless present_over_time(target_info{job!="tasks-otel"}[1h])`;

  it("lists the selectors' metrics, the functions and aggregations, and the jobs matched", () => {
    const names = promqlNames(expr);
    expect(names.metrics.sort()).toEqual(['http_requests_total', 'service:http_requests:rate5m', 'target_info', 'up']);
    expect(names.functions.sort()).toEqual(['absent', 'label_replace', 'present_over_time', 'rate', 'sum']);
    expect(names.jobs.sort()).toEqual(['prom-client-app', 'tasks-otel']);
  });

  it('gives each selector the jobs it matches: none for a negative matcher or no matcher', () => {
    expect(promqlNames(expr).selectors).toEqual([
      { metric: 'http_requests_total', jobs: ['prom-client-app', 'tasks-otel'] },
      { metric: 'up', jobs: ['tasks-otel'] },
      { metric: 'service:http_requests:rate5m', jobs: [] },
      { metric: 'target_info', jobs: [] },
    ]);
  });

  it('refuses what is not PromQL, saying where', () => {
    expect(() => promqlNames('sum(rate(x[5m])')).toThrow(/not valid PromQL at offset/);
    expect(() => promqlNames('rate(x[$__rate_interval])')).toThrow(/not valid PromQL/);
  });
});

describe('parseSeries', () => {
  it('reads a series as promtool and the exposition write it, escapes included', () => {
    const { name, labels } = parseSeries('http_requests_total{job="a", route="/one", note="say \\"hi\\""}');
    expect(name).toBe('http_requests_total');
    expect(Object.fromEntries(labels)).toEqual({ job: 'a', route: '/one', note: 'say "hi"' });
    expect(parseSeries('up').labels.size).toBe(0);
  });

  it('refuses an expression, or a matcher other than label="value"', () => {
    expect(() => parseSeries('rate(x[5m])')).toThrow(/not a series/);
    expect(() => parseSeries('x{job=~"a|b"}')).toThrow(/only label="value"/);
    expect(() => parseSeries('x{job="a"')).toThrow(/not a series/);
  });
});
