import { PROM_CLIENT_HTTP_METRICS, TASK_NAMES, TASKS_METRICS } from '@app/metrics';
import { parseExposition, selectSamples, sumSamples } from '@app/testing';
import { collectDefaultMetrics, Registry } from '@prometheus-io/client';
import { HttpRequestMetrics } from '../http-request.metrics.js';
import { TasksMetrics } from '@app/tasks';
import { PromClientMetricRecorder } from '../prom-client-metric-recorder.js';
import { aggregateSnapshots, WORKER_LABEL } from './aggregate-snapshots.js';
import { type MetricsSnapshot, snapshotOf } from './metrics-snapshot.js';

const { outcomes, inFlight, workDuration, workDurationSummary } = TASKS_METRICS;
const { requests } = PROM_CLIENT_HTTP_METRICS;

/** A worker's registry, as the module builds it, with its own traffic. */
function workerRegistry(): { registry: Registry; tasks: TasksMetrics; http: HttpRequestMetrics } {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'unit-test' });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    tasks: new TasksMetrics(new PromClientMetricRecorder(registry)),
    http: new HttpRequestMetrics(registry),
  };
}

/** Snapshots of live workers 1, 2, … */
async function aggregated(snapshots: MetricsSnapshot[]) {
  const attributed = snapshots.map((snapshot, index) => ({ workerId: index + 1, snapshot }));
  return parseExposition(await aggregateSnapshots(attributed).metrics());
}

describe('aggregateSnapshots', () => {
  let snapshots: MetricsSnapshot[];

  beforeAll(async () => {
    const first = workerRegistry();
    const second = workerRegistry();
    for (let i = 0; i < 3; i += 1) first.tasks.startWork('one').end('ok');
    for (let i = 0; i < 5; i += 1) second.tasks.startWork('one').end('ok');
    second.tasks.startWork('sample').end('not_found');
    // Work still in flight: 1 on the first worker, 2 on the second.
    first.tasks.startWork('two');
    second.tasks.startWork('two');
    second.tasks.startWork('two');
    first.http.startTimer()({ http_request_method: 'GET', http_route: '/one', http_response_status_code: '200' });
    second.http.startTimer()({ http_request_method: 'GET', http_route: '/one', http_response_status_code: '200' });
    second.http.startTimer()({ http_request_method: 'GET', http_route: '/one', http_response_status_code: '500' });
    snapshots = [await snapshotOf(first.registry), await snapshotOf(second.registry)];
  });

  it('sums counters, one series per label set', async () => {
    const { samples } = await aggregated(snapshots);
    expect(selectSamples(samples, outcomes.name, { task_name: 'one', task_outcome: 'ok' })).toEqual([
      { name: outcomes.name, labels: { task_name: 'one', task_outcome: 'ok', service: 'unit-test' }, value: 8 },
    ]);
    expect(sumSamples(samples, outcomes.name, { task_name: 'sample', task_outcome: 'not_found' })).toBe(1);
    expect(selectSamples(samples, outcomes.name)).toHaveLength(TASK_NAMES.length * 3);
    expect(sumSamples(samples, requests.name, { http_response_status_code: '200' })).toBe(2);
    expect(sumSamples(samples, requests.name, { http_response_status_code: '500' })).toBe(1);
  });

  it('sums histograms bucket by bucket', async () => {
    const { samples, families } = await aggregated(snapshots);
    expect(families.get(workDuration.name)).toBe('HISTOGRAM');
    expect(sumSamples(samples, `${workDuration.name}_count`, { task_name: 'one' })).toBe(8);
    const buckets = selectSamples(samples, `${workDuration.name}_bucket`, { task_name: 'one' });
    expect(buckets.map((bucket) => bucket.labels.le)).toEqual([...workDuration.buckets.map(String), '+Inf']);
    expect(buckets.at(-1)?.value).toBe(8);
  });

  it('sums the in-flight gauge, as it declares: the app has 3 in flight', async () => {
    const { samples } = await aggregated(snapshots);
    expect(sumSamples(samples, inFlight.name, { task_name: 'two' })).toBe(3);
    expect(selectSamples(samples, inFlight.name)).toHaveLength(TASK_NAMES.length);
  });

  it("sums a summary's _count and _sum and keeps each worker's quantiles apart, labelled", async () => {
    const { samples, families } = await aggregated(snapshots);
    expect(families.get(workDurationSummary.name)).toBe('SUMMARY');
    expect(sumSamples(samples, `${workDurationSummary.name}_count`, { task_name: 'one' })).toBe(8);
    expect(sumSamples(samples, `${workDurationSummary.name}_sum`, { task_name: 'one' })).toBeCloseTo(
      sumSamples(samples, `${workDuration.name}_sum`, { task_name: 'one' }),
      9,
    );
    const quantiles = selectSamples(samples, workDurationSummary.name, { task_name: 'one' });
    const workers = new Set(quantiles.map((sample) => sample.labels[WORKER_LABEL]));
    expect([...workers].sort()).toEqual(snapshots.map((_, index) => String(index + 1)).sort());
    expect(quantiles).toHaveLength(workers.size * workDurationSummary.percentiles.length);
  });

  it("follows the default Node metrics' own aggregators", async () => {
    const { samples, families } = await aggregated(snapshots);
    const single = (name: string) => selectSamples(samples, name);
    expect(single('process_cpu_user_seconds_total')).toHaveLength(1); // sum
    expect(single('nodejs_version_info')).toHaveLength(1); // first
    expect(families.has('process_start_time_seconds')).toBe(false); // omit
  });

  it("leaves a single worker's values as they are", async () => {
    const { samples } = await aggregated(snapshots.slice(0, 1));
    expect(sumSamples(samples, outcomes.name)).toBe(3);
    expect(sumSamples(samples, inFlight.name)).toBe(1);
  });
});
