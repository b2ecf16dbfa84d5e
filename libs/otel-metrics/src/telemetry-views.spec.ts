import { DataPointType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { OTEL_HTTP_METRICS, TASKS_METRICS } from '@app/metrics';
import { telemetryViews, type HistogramAggregation } from './telemetry-views.js';

/** A reader that only collects: what any exporter would be handed. */
class CollectingReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Records one latency in the HTTP and business histograms, and returns each one's point type. */
async function pointTypesWith(histograms: HistogramAggregation): Promise<Record<string, DataPointType>> {
  const reader = new CollectingReader();
  const provider = new MeterProvider({ readers: [reader], views: telemetryViews(histograms) });
  const meter = provider.getMeter('views-spec');
  const names = [OTEL_HTTP_METRICS.duration.instrumentName, TASKS_METRICS.workDuration.instrumentName];
  for (const name of names) meter.createHistogram(name, { unit: 's' }).record(0.123);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  const metrics = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  return Object.fromEntries(metrics.map((metric) => [metric.descriptor.name, metric.dataPointType]));
}

describe('telemetryViews', () => {
  const http = OTEL_HTTP_METRICS.duration.instrumentName;
  const work = TASKS_METRICS.workDuration.instrumentName;

  it("gives the HTTP and business histograms the catalogue's explicit buckets, for a scrape", async () => {
    expect(await pointTypesWith('explicit')).toEqual({
      [http]: DataPointType.HISTOGRAM,
      [work]: DataPointType.HISTOGRAM,
    });
  });

  it('makes both exponential, for an OTLP push that Prometheus stores as native histograms', async () => {
    expect(await pointTypesWith('exponential')).toEqual({
      [http]: DataPointType.EXPONENTIAL_HISTOGRAM,
      [work]: DataPointType.EXPONENTIAL_HISTOGRAM,
    });
  });
});
