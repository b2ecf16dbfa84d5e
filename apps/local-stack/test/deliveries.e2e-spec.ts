import { METRIC_PATHS } from '@app/metrics';
import { OTEL_DELIVERIES, OTEL_HISTOGRAM_STORAGE, otelHistogramSeries, type OtelDelivery } from '@app/observability';
import { describeWithBinaries, knownTraffic, startTestStack, waitFor } from '@app/testing';
import type { LocalStack } from '@app/local-stack';
import { DELIVERY_QUERIES, seriesShape, type SeriesShape } from './fixtures/delivery-series.js';

const JOB = METRIC_PATHS.otel.job;

/**
 * The OpenTelemetry app's metrics through each delivery (scrape, collector, otlp), on the real stack: the same known
 * traffic, then what Prometheus stores, counted exactly (every request under its method, route and status; every
 * unit of work under its task and outcome), and the stored series compared across the three: the same names and the
 * same label names whichever way they travelled, but that OTLP alone carries the histograms as native ones.
 */
describeWithBinaries(['prometheus', 'alertmanager', 'otelcol-nest'], 'the three deliveries, live', () => {
  const shapes = new Map<OtelDelivery, SeriesShape>();

  describe.each(OTEL_DELIVERIES)('delivery %s', (delivery) => {
    let stack: LocalStack;
    const queries = DELIVERY_QUERIES[delivery];

    beforeAll(async () => {
      // One worker: its counts are the app's counts (several workers are the workers spec's).
      stack = await startTestStack({ WORKERS: '1' }, { delivery });
    }, 90_000);

    afterAll(async () => {
      await (stack as LocalStack | undefined)?.stop();
    });

    it('stores every request of the known traffic under its method, route and status', async () => {
      await knownTraffic.send(stack.urls.otelApp);
      const expected = knownTraffic.expectedRequestCounts();
      const stored = await waitFor(
        'the known traffic counted in Prometheus',
        async () => {
          const samples = await stack.prometheus.api.query(queries.requestsByMethodRouteStatus(JOB));
          const counts = Object.fromEntries(
            samples.map(({ metric, value }) => [
              `${metric.http_request_method} ${metric.http_route} ${metric.http_response_status_code}`,
              value,
            ]),
          );
          return JSON.stringify(sortedKeys(counts)) === JSON.stringify(sortedKeys(expected)) ? counts : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(stored).toEqual(expected);
    });

    it('stores every unit of work under its task and outcome', async () => {
      const expected = Object.fromEntries(
        Object.entries(knownTraffic.expectedOutcomeCounts()).filter(([, count]) => count > 0),
      );
      const stored = await waitFor(
        'the outcomes counted in Prometheus',
        async () => {
          const samples = await stack.prometheus.api.query(queries.outcomesByTaskOutcome(JOB));
          // Every task and outcome is exported at 0 from the start: only those the traffic moved are compared.
          const counts = Object.fromEntries(
            samples
              .filter(({ value }) => value > 0)
              .map(({ metric, value }) => [`${metric.task_name} ${metric.task_outcome}`, value]),
          );
          return JSON.stringify(sortedKeys(counts)) === JSON.stringify(sortedKeys(expected)) ? counts : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(stored).toEqual(expected);
      shapes.set(delivery, await seriesShape(stack.prometheus.api, JOB));
    });

    it(`stores the HTTP and business histograms as ${OTEL_HISTOGRAM_STORAGE[delivery]} histograms`, async () => {
      const [classic, native] = await Promise.all(
        (['classic', 'native'] as const).map(async (storage) => {
          const matchers = [...otelHistogramSeries(storage)].map((name) => `${name}{job="${JOB}"}`);
          const stored = await stack.prometheus.api.series(...matchers);
          return [...new Set(stored.map((series) => series.__name__))].sort();
        }),
      );
      const storedAs = OTEL_HISTOGRAM_STORAGE[delivery];
      expect({ classic, native }).toEqual({
        classic: storedAs === 'classic' ? [...otelHistogramSeries('classic')].sort() : [],
        native: storedAs === 'native' ? [...otelHistogramSeries('native')].sort() : [],
      });
    });
  });

  it('stores the same series names and label names on every delivery', () => {
    const [first, ...others] = OTEL_DELIVERIES;
    const reference = shapes.get(first);
    expect(reference?.size).toBeGreaterThan(0);
    const shapesOf = (shape: (delivery: OtelDelivery) => SeriesShape | undefined) =>
      Object.fromEntries(others.map((delivery) => [delivery, shape(delivery)]));
    expect(shapesOf((delivery) => shapes.get(delivery))).toEqual(shapesOf(() => reference));
  });
});

function sortedKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
