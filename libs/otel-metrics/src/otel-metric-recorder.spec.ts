import { jest } from '@jest/globals';
import { LATENCY_BUCKETS_SECONDS, SIGNAL_NAMES, SIGNAL_OUTCOMES, SIGNALS_METRICS } from '@app/metrics';
import { selectSamples, sumSamples } from '@app/testing';
import { inProcessScrape } from '../test/in-process-scrape.fixture.js';
import { SignalsMetrics } from '@app/signals';
import { OtelMetricRecorder } from './otel-metric-recorder.js';

const { outcomes, inFlight, workDuration } = SIGNALS_METRICS;

describe('the signals metrics on the OpenTelemetry recorder', () => {
  let scraping: ReturnType<typeof inProcessScrape>;
  let metrics: SignalsMetrics;

  beforeEach(() => {
    scraping = inProcessScrape();
    metrics = new SignalsMetrics(new OtelMetricRecorder(scraping.meterProvider.getMeter('signals')));
  });

  afterEach(() => scraping.shutdown());

  it('starts every bounded series at zero', async () => {
    const { samples } = await scraping.scrape();
    for (const signal of SIGNAL_NAMES) {
      expect(sumSamples(samples, inFlight.name, { signal })).toBe(0);
      for (const outcome of SIGNAL_OUTCOMES) {
        expect(
          samples.filter((s) => s.name === outcomes.name && s.labels.signal === signal && s.labels.outcome === outcome),
        ).toHaveLength(1);
      }
    }
    expect(samples.filter((s) => s.name === outcomes.name)).toHaveLength(SIGNAL_NAMES.length * SIGNAL_OUTCOMES.length);
  });

  it("gives the signals histogram the catalogue's buckets, as the instrument's advice (no View lists them)", async () => {
    metrics.startWork('one').end('ok');
    const { samples } = await scraping.scrape();
    const les = selectSamples(samples, `${workDuration.name}_bucket`, { signal: 'one' }).map((s) => s.labels.le);
    expect(les).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
  });

  it('counts work in flight until its timer ends', async () => {
    const first = metrics.startWork('two');
    const second = metrics.startWork('two');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { signal: 'two' })).toBe(2);

    first.end('ok');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { signal: 'two' })).toBe(1);
    second.end('ok');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { signal: 'two' })).toBe(0);
  });

  it('records duration and outcome once per timer, even if ended twice', async () => {
    // A fake clock (it drives performance.now too): the duration is exactly 20 ms, whatever the machine's load.
    jest.useFakeTimers();
    try {
      const timer = metrics.startWork('sample');
      jest.advanceTimersByTime(20);
      timer.end('not_found');
      timer.end('ok');
    } finally {
      jest.useRealTimers();
    }

    const { samples } = await scraping.scrape();
    expect(sumSamples(samples, outcomes.name, { signal: 'sample', outcome: 'not_found' })).toBe(1);
    expect(sumSamples(samples, outcomes.name, { signal: 'sample', outcome: 'ok' })).toBe(0);
    expect(sumSamples(samples, inFlight.name, { signal: 'sample' })).toBe(0);
    expect(sumSamples(samples, `${workDuration.name}_count`, { signal: 'sample' })).toBe(1);
    // In seconds: 0.02, not 20 (milliseconds).
    expect(sumSamples(samples, `${workDuration.name}_sum`, { signal: 'sample' })).toBeCloseTo(0.02, 9);
    expect(sumSamples(samples, `${workDuration.name}_bucket`, { signal: 'sample', le: '0.01' })).toBe(0);
    expect(sumSamples(samples, `${workDuration.name}_bucket`, { signal: 'sample', le: '0.025' })).toBe(1);
  });
});
