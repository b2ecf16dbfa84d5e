import { jest } from '@jest/globals';
import { LATENCY_BUCKETS_SECONDS, otelSeriesNameOf, TASK_NAMES, TASK_OUTCOMES, TASKS_METRICS } from '@app/metrics';
import { selectSamples, sumSamples } from '@app/testing';
import { inProcessScrape } from '../test/in-process-scrape.fixture.js';
import { TasksMetrics } from '@app/tasks';
import { OtelMetricRecorder } from './otel-metric-recorder.js';

const { outcomes, inFlight, workDuration } = TASKS_METRICS;
const WORK_DURATION = otelSeriesNameOf(workDuration);

describe('the task metrics on the OpenTelemetry recorder', () => {
  let scraping: ReturnType<typeof inProcessScrape>;
  let metrics: TasksMetrics;

  beforeEach(() => {
    scraping = inProcessScrape();
    metrics = new TasksMetrics(new OtelMetricRecorder(scraping.meterProvider.getMeter('tasks')));
  });

  afterEach(() => scraping.shutdown());

  it('starts every bounded series at zero', async () => {
    const { samples } = await scraping.scrape();
    for (const task of TASK_NAMES) {
      expect(sumSamples(samples, inFlight.name, { task_name: task })).toBe(0);
      for (const outcome of TASK_OUTCOMES) {
        expect(
          samples.filter(
            (s) => s.name === outcomes.name && s.labels.task_name === task && s.labels.task_outcome === outcome,
          ),
        ).toHaveLength(1);
      }
    }
    expect(samples.filter((s) => s.name === outcomes.name)).toHaveLength(TASK_NAMES.length * TASK_OUTCOMES.length);
  });

  it("gives the task histogram the catalogue's buckets, as the instrument's advice (no View lists them)", async () => {
    metrics.startWork('one').end('ok');
    const { samples } = await scraping.scrape();
    const les = selectSamples(samples, `${WORK_DURATION}_bucket`, { task_name: 'one' }).map((s) => s.labels.le);
    expect(les).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
  });

  it('counts work in flight until its timer ends', async () => {
    const first = metrics.startWork('two');
    const second = metrics.startWork('two');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { task_name: 'two' })).toBe(2);

    first.end('ok');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { task_name: 'two' })).toBe(1);
    second.end('ok');
    expect(sumSamples((await scraping.scrape()).samples, inFlight.name, { task_name: 'two' })).toBe(0);
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
    expect(sumSamples(samples, outcomes.name, { task_name: 'sample', task_outcome: 'not_found' })).toBe(1);
    expect(sumSamples(samples, outcomes.name, { task_name: 'sample', task_outcome: 'ok' })).toBe(0);
    expect(sumSamples(samples, inFlight.name, { task_name: 'sample' })).toBe(0);
    expect(sumSamples(samples, `${WORK_DURATION}_count`, { task_name: 'sample' })).toBe(1);
    // In seconds: 0.02, not 20 (milliseconds).
    expect(sumSamples(samples, `${WORK_DURATION}_sum`, { task_name: 'sample' })).toBeCloseTo(0.02, 9);
    expect(sumSamples(samples, `${WORK_DURATION}_bucket`, { task_name: 'sample', le: '0.01' })).toBe(0);
    expect(sumSamples(samples, `${WORK_DURATION}_bucket`, { task_name: 'sample', le: '0.025' })).toBe(1);
  });
});
