import {
  LATENCY_BUCKETS_SECONDS,
  OTEL_HTTP_METRICS,
  otelSeriesNameOf,
  prometheusNameOf,
  TASKS_METRICS,
} from '@app/metrics';
import { selectSamples } from '@app/testing';
import { inProcessScrape } from '../test/in-process-scrape.fixture.js';
import { HTTP_SERVER_CONVENTION_ATTRIBUTES, HTTP_SERVER_METRIC_ATTRIBUTES } from './http-server-attributes.js';
import { OtelMetricRecorder } from './otel-metric-recorder.js';

// The translation of @app/metrics (prometheus-translation.ts), checked against the real exporter.
describe('names as the Prometheus exporter scrapes them', () => {
  const scraping = inProcessScrape();
  const meter = scraping.meterProvider.getMeter('naming-spec');

  afterAll(() => scraping.shutdown());

  it("scrapes the business instruments under the translation's names and labels", async () => {
    const { outcomes, inFlight, workDuration } = TASKS_METRICS;
    const recorder = new OtelMetricRecorder(meter);
    recorder.counter(outcomes).add({ task_name: 'one', task_outcome: 'ok' });
    recorder.gauge(inFlight).add({ task_name: 'one' }, 1);
    recorder.histogram(workDuration).observe({ task_name: 'one' }, 0.3);

    const { families, samples, text } = await scraping.scrape();

    // `_total` is appended to counters; no unit suffix is appended (only a `# UNIT` line).
    expect(families.get(otelSeriesNameOf(outcomes))).toBe('COUNTER');
    expect(families.get(otelSeriesNameOf(inFlight))).toBe('GAUGE');
    const work = otelSeriesNameOf(workDuration);
    expect(families.get(work)).toBe('HISTOGRAM');
    expect(text).toContain(`# UNIT ${work} s`);
    expect(text).not.toContain(`${work}_seconds`);
    const [counted] = selectSamples(samples, otelSeriesNameOf(outcomes), { task_name: 'one', task_outcome: 'ok' });
    expect(counted.value).toBe(1);
    expect(selectSamples(samples, `${work}_count`, { task_name: 'one' })).toHaveLength(1);
  });

  it("keeps only the catalogue's and the convention's labels, and the catalogue's buckets, on the HTTP histogram", async () => {
    const http = OTEL_HTTP_METRICS.duration;
    meter.createHistogram(http.instrumentName, { unit: http.unit }).record(0.05, {
      'http.request.method': 'GET',
      'http.route': '/error',
      'http.response.status_code': 500,
      'url.scheme': 'http',
      'network.protocol.version': '1.1',
      'error.type': '500',
      // Opt-in in the convention, and a span attribute: never on the series.
      'server.address': 'localhost',
      'user_agent.original': 'curl/8',
    });

    const { families, samples } = await scraping.scrape();

    expect(families.get(http.name)).toBe('HISTOGRAM');
    const [count] = selectSamples(samples, `${http.name}_count`);
    const labels = Object.keys(count.labels).filter((label) => !label.startsWith('otel_scope_'));
    expect(labels.sort()).toEqual([...http.labelNames, ...http.conventionLabelNames].sort());
    const les = selectSamples(samples, `${http.name}_bucket`).map((s) => s.labels.le);
    expect(les).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
  });

  it('maps each HTTP attribute key to its catalogue label', () => {
    for (const [label, attribute] of Object.entries({
      ...HTTP_SERVER_METRIC_ATTRIBUTES,
      ...HTTP_SERVER_CONVENTION_ATTRIBUTES,
    })) {
      expect(prometheusNameOf(attribute)).toBe(label);
    }
  });
});
