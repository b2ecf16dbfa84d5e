import { FIXTURE_METRICS } from '@app/testing';
import { NoOpMetricRecorder } from './no-op-metric-recorder.js';

describe('NoOpMetricRecorder', () => {
  it('accepts every kind of metric and every recording, and keeps nothing', () => {
    const recorder = new NoOpMetricRecorder();
    const counter = recorder.counter(FIXTURE_METRICS.deliveries);
    expect(() => {
      counter.add({ colour: 'red', size: 'small' });
      recorder.gauge(FIXTURE_METRICS.queued).add({ colour: 'blue' }, -1);
      recorder.histogram(FIXTURE_METRICS.latency).observe({ colour: 'red' }, 0.5);
    }).not.toThrow();
    // One shared recorder: nothing allocated per metric, nor per request.
    expect(recorder.histogram(FIXTURE_METRICS.latency)).toBe(counter);
  });
});
