import { LATENCY_BUCKETS_SECONDS, loadTestSeries, TASK_NAMES, TASK_OUTCOMES, TASKS_METRICS } from '@app/metrics';
import { parseExposition, selectSamples, sumSamples } from '@app/testing';
import { Registry } from '@prometheus-io/client';
import { TasksMetrics } from '@app/tasks';
import { PromClientMetricRecorder } from './prom-client-metric-recorder.js';

const { outcomes, inFlight, workDuration, workDurationSummary } = TASKS_METRICS;

describe('the task metrics on the prom-client recorder', () => {
  let registry: Registry;
  let metrics: TasksMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new TasksMetrics(new PromClientMetricRecorder(registry));
  });

  const samples = async (name: string) => parseExposition(await registry.getSingleMetricAsString(name)).samples;

  it('registers every business metric of the catalogue, with its help and type, in the given registry only', async () => {
    const { families } = parseExposition(await registry.metrics());
    expect(Object.fromEntries(families)).toEqual(
      Object.fromEntries(
        Object.values(TASKS_METRICS).map((definition) => [definition.name, definition.kind.toUpperCase()]),
      ),
    );
    expect(await registry.getSingleMetricAsString(outcomes.name)).toContain(`# HELP ${outcomes.name} ${outcomes.help}`);
  });

  it('exposes every task and outcome at 0 before any work, so the first increment is seen by rate()', async () => {
    const outcomeSamples = await samples(outcomes.name);
    expect(outcomeSamples).toHaveLength(TASK_NAMES.length * TASK_OUTCOMES.length);
    expect(outcomeSamples.every((sample) => sample.value === 0)).toBe(true);
    expect((await samples(inFlight.name)).map((sample) => [sample.labels.task_name, sample.value])).toEqual(
      TASK_NAMES.map((task) => [task, 0]),
    );
  });

  it('adds the load-test padding only when asked: N series, all 0, in gauges of at most 1,000', async () => {
    const padded = new Registry();
    new TasksMetrics(new PromClientMetricRecorder(padded), { loadTestSeries: 2_500 });
    const padding = loadTestSeries(2_500).map((definition) => definition.name);
    expect(padding).toEqual(['load_test_series_0', 'load_test_series_1', 'load_test_series_2']);
    const samples = parseExposition(await padded.metrics()).samples.filter((s) =>
      s.name.startsWith('load_test_series_'),
    );
    expect(samples).toHaveLength(2_500);
    expect(new Set(samples.map((s) => s.labels.series)).size).toBe(2_500);
    expect(samples.every((s) => s.value === 0)).toBe(true);
    expect(registry.getSingleMetric(padding[0])).toBeUndefined();
  });

  it('counts work in flight until its timer ends', async () => {
    const first = metrics.startWork('two');
    metrics.startWork('two');
    expect(sumSamples(await samples(inFlight.name), inFlight.name, { task_name: 'two' })).toBe(2);
    first.end('ok');
    expect(sumSamples(await samples(inFlight.name), inFlight.name, { task_name: 'two' })).toBe(1);
  });

  it('records the outcome, the histogram and the summary when the timer ends', async () => {
    metrics.startWork('sample').end('not_found');
    metrics.startWork('sample').end('ok');
    metrics.startWork('sample').end('not_found');

    const counted = await samples(outcomes.name);
    expect(sumSamples(counted, outcomes.name, { task_name: 'sample', task_outcome: 'not_found' })).toBe(2);
    expect(sumSamples(counted, outcomes.name, { task_name: 'sample', task_outcome: 'ok' })).toBe(1);
    expect(sumSamples(counted, outcomes.name, { task_name: 'sample', task_outcome: 'server_error' })).toBe(0);

    const histogram = await samples(workDuration.name);
    expect(sumSamples(histogram, `${workDuration.name}_count`, { task_name: 'sample' })).toBe(3);
    const edges = selectSamples(histogram, `${workDuration.name}_bucket`, { task_name: 'sample' }).map(
      (s) => s.labels.le,
    );
    expect(edges).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);

    const summary = await samples(workDurationSummary.name);
    expect(sumSamples(summary, `${workDurationSummary.name}_count`, { task_name: 'sample' })).toBe(3);
    const quantiles = selectSamples(summary, workDurationSummary.name, { task_name: 'sample' }).map(
      (s) => s.labels.quantile,
    );
    expect(quantiles).toEqual(workDurationSummary.percentiles.map(String));
  });

  it('feeds the histogram and the summary the same duration', async () => {
    metrics.startWork('one').end('ok');
    const histogramSum = sumSamples(await samples(workDuration.name), `${workDuration.name}_sum`, { task_name: 'one' });
    const summarySum = sumSamples(await samples(workDurationSummary.name), `${workDurationSummary.name}_sum`, {
      task_name: 'one',
    });
    expect(histogramSum).toBeGreaterThan(0);
    expect(summarySum).toBe(histogramSum);
  });

  it('ignores a second end() of the same timer', async () => {
    const timer = metrics.startWork('error');
    timer.end('server_error');
    timer.end('server_error');
    expect(sumSamples(await samples(inFlight.name), inFlight.name, { task_name: 'error' })).toBe(0);
    expect(sumSamples(await samples(outcomes.name), outcomes.name, { task_name: 'error' })).toBe(1);
  });
});
