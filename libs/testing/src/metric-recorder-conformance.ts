import type {
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  MetricRecorder,
  OtelMetricDefinition,
  OtelNaming,
} from '@app/metrics';
import { selectSamples, sumSamples, type Sample } from './exposition.js';

/**
 * Metrics declared here and nowhere else: each adapter of the {@link MetricRecorder} port must export them from
 * their definition alone, which is what makes a metric added to the catalogue need no adapter change.
 */
export const FIXTURE_METRICS = {
  deliveries: {
    kind: 'counter',
    name: 'fixture_deliveries_total',
    instrumentName: 'fixture.deliveries',
    unit: '{delivery}',
    attributeKeys: { colour: 'colour', size: 'size' },
    help: 'Deliveries, by colour and size (declared in a test fixture only).',
    labelNames: ['colour', 'size'],
    labelValues: { colour: ['red', 'blue'], size: ['small', 'large'] },
  },
  queued: {
    kind: 'gauge',
    name: 'fixture_queued',
    instrumentName: 'fixture.queued',
    unit: '{delivery}',
    attributeKeys: { colour: 'colour' },
    help: 'Deliveries waiting, by colour (declared in a test fixture only).',
    labelNames: ['colour'],
    labelValues: { colour: ['red', 'blue'] },
    aggregation: 'sum',
  },
  latency: {
    kind: 'histogram',
    name: 'fixture_latency_seconds',
    instrumentName: 'fixture.latency',
    attributeKeys: { colour: 'colour' },
    help: 'Delivery time, by colour (declared in a test fixture only).',
    unit: 's',
    labelNames: ['colour'],
    labelValues: { colour: ['red', 'blue'] },
    buckets: [0.1, 1],
  },
} as const satisfies {
  deliveries: CounterDefinition<'colour' | 'size'> & OtelNaming<'colour' | 'size'>;
  queued: GaugeDefinition<'colour'> & OtelNaming<'colour'>;
  latency: HistogramDefinition<'colour'> & OtelNaming<'colour'>;
};

/** An adapter under test: a fresh recorder, and how to read what it exports, as Prometheus scrapes it. */
export interface RecorderUnderTest {
  readonly recorder: MetricRecorder;
  /** Called on its own, not as a method: it must not need `this`. */
  readonly scrape: () => Promise<Sample[]>;
  /**
   * The name the path scrapes a metric under: the catalogue's on prom-client, the translation of the instrument's on
   * OpenTelemetry (the same but for a histogram's unit suffix).
   */
  readonly seriesNameOf: (definition: OtelMetricDefinition) => string;
}

/**
 * The behaviour every exporting adapter of the port shares, run by each adapter's own spec: the same fixture
 * metrics, recorded the same way, must read the same on every metric path.
 */
export function describeMetricRecorderConformance(
  adapter: string,
  start: () => RecorderUnderTest | Promise<RecorderUnderTest>,
): void {
  const { deliveries, queued, latency } = FIXTURE_METRICS;

  describe(`${adapter}, as every MetricRecorder adapter`, () => {
    it('exposes every declared label set of a counter and a gauge at 0 before anything is recorded', async () => {
      const { recorder, scrape, seriesNameOf } = await start();
      recorder.counter(deliveries);
      recorder.gauge(queued);
      const samples = await scrape();
      const counted = selectSamples(samples, seriesNameOf(deliveries)).map(
        (s) => `${s.labels.colour} ${s.labels.size} ${s.value}`,
      );
      expect(counted.sort()).toEqual(['blue large 0', 'blue small 0', 'red large 0', 'red small 0']);
      const waiting = selectSamples(samples, seriesNameOf(queued)).map((s) => `${s.labels.colour} ${s.value}`);
      expect(waiting.sort()).toEqual(['blue 0', 'red 0']);
    });

    it('adds to a counter, 1 by default, under the catalogue name', async () => {
      const { recorder, scrape, seriesNameOf } = await start();
      const name = seriesNameOf(deliveries);
      expect(name).toBe(deliveries.name);
      const counter = recorder.counter(deliveries);
      counter.add({ colour: 'red', size: 'small' });
      counter.add({ colour: 'red', size: 'small' }, 2);
      counter.add({ colour: 'blue', size: 'large' });
      const samples = await scrape();
      expect(sumSamples(samples, name, { colour: 'red', size: 'small' })).toBe(3);
      expect(sumSamples(samples, name, { colour: 'blue', size: 'large' })).toBe(1);
      expect(sumSamples(samples, name, { colour: 'blue', size: 'small' })).toBe(0);
    });

    it('moves a gauge up and down', async () => {
      const { recorder, scrape, seriesNameOf } = await start();
      const gauge = recorder.gauge(queued);
      gauge.add({ colour: 'blue' }, 3);
      gauge.add({ colour: 'blue' }, -1);
      expect(sumSamples(await scrape(), seriesNameOf(queued), { colour: 'blue' })).toBe(2);
    });

    it("observes a histogram into the declared buckets, in the metric's unit", async () => {
      const { recorder, scrape, seriesNameOf } = await start();
      const name = seriesNameOf(latency);
      const histogram = recorder.histogram(latency);
      for (const seconds of [0.05, 0.5, 5]) histogram.observe({ colour: 'red' }, seconds);
      const samples = await scrape();
      const buckets = selectSamples(samples, `${name}_bucket`, { colour: 'red' }).map(
        (s) => `${s.labels.le} ${s.value}`,
      );
      expect(buckets).toEqual(['0.1 1', '1 2', '+Inf 3']);
      expect(sumSamples(samples, `${name}_count`, { colour: 'red' })).toBe(3);
      expect(sumSamples(samples, `${name}_sum`, { colour: 'red' })).toBeCloseTo(5.55);
    });
  });
}
