import { otelSeriesNameOf } from '@app/metrics';
import { describeMetricRecorderConformance } from '@app/testing';
import { inProcessScrape } from '../test/in-process-scrape.fixture.js';
import { OtelMetricRecorder } from './otel-metric-recorder.js';

const started: Array<ReturnType<typeof inProcessScrape>> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((scraping) => scraping.shutdown()));
});

// Through a real MeterProvider and the real Prometheus exporter's serializer: what a scrape returns.
describeMetricRecorderConformance('OtelMetricRecorder', () => {
  const scraping = inProcessScrape();
  started.push(scraping);
  return {
    recorder: new OtelMetricRecorder(scraping.meterProvider.getMeter('fixture')),
    scrape: async () => (await scraping.scrape()).samples,
    seriesNameOf: otelSeriesNameOf,
  };
});
