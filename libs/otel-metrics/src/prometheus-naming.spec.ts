import { LATENCY_BUCKETS_SECONDS, OTEL_HTTP_METRICS, TASKS_METRICS } from '@app/metrics';
import { selectSamples } from '@app/testing';
import { inProcessScrape } from '../test/in-process-scrape.fixture.js';
import { HTTP_SERVER_CONVENTION_ATTRIBUTES, HTTP_SERVER_METRIC_ATTRIBUTES } from './http-server-attributes.js';
import { instrumentNameFor, prometheusLabelFor } from './prometheus-naming.js';

describe('names as the Prometheus exporter scrapes them', () => {
  const scraping = inProcessScrape();
  const meter = scraping.meterProvider.getMeter('naming-spec');

  afterAll(() => scraping.shutdown());

  it('derives instrument names the exporter turns back into the catalogue names', async () => {
    const { outcomes, inFlight, workDuration } = TASKS_METRICS;
    expect(instrumentNameFor(outcomes)).toBe('tasks_outcomes');
    meter.createCounter(instrumentNameFor(outcomes)).add(1, { task: 'one', outcome: 'ok' });
    meter.createUpDownCounter(instrumentNameFor(inFlight)).add(1, { task: 'one' });
    meter.createHistogram(instrumentNameFor(workDuration), { unit: workDuration.unit }).record(0.3, { task: 'one' });

    const { families, text } = await scraping.scrape();

    // `_total` is appended to counters; no unit suffix is appended (only a `# UNIT` line).
    expect(families.get(outcomes.name)).toBe('COUNTER');
    expect(families.get(inFlight.name)).toBe('GAUGE');
    expect(families.get(workDuration.name)).toBe('HISTOGRAM');
    expect(text).toContain(`# UNIT ${workDuration.name} s`);
    expect(text).not.toContain(`${workDuration.name}_seconds`);
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
      expect(prometheusLabelFor(attribute)).toBe(label);
    }
  });

  it('refuses a counter whose catalogue name lacks _total', () => {
    expect(() => instrumentNameFor({ kind: 'counter', name: 'tasks_outcomes', help: '', labelNames: [] })).toThrow(
      /must end with _total/,
    );
  });
});
