import { TASKS_METRICS } from '@app/metrics';
import { parseExposition, selectSamples, sumSamples } from '@app/testing';
import { collectDefaultMetrics, Registry } from '@prometheus-io/client';
import { TasksMetrics } from '@app/tasks';
import { PromClientMetricRecorder } from '../prom-client-metric-recorder.js';
import { aggregateSnapshots } from './aggregate-snapshots.js';
import { snapshotOf } from './metrics-snapshot.js';
import { RetiredWorkersMetrics } from './retired-workers-metrics.js';

const { outcomes, inFlight, workDuration, workDurationSummary } = TASKS_METRICS;

async function deadWorkerSnapshot(okCount: number, leftInFlight: number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const tasks = new TasksMetrics(new PromClientMetricRecorder(registry));
  for (let i = 0; i < okCount; i += 1) tasks.startWork('one').end('ok');
  for (let i = 0; i < leftInFlight; i += 1) tasks.startWork('two');
  return snapshotOf(registry);
}

describe('RetiredWorkersMetrics', () => {
  it('is empty until a worker retires', () => {
    expect(new RetiredWorkersMetrics().snapshot()).toEqual([]);
  });

  it('keeps the counters, histograms and summary counts of the dead workers, added up', async () => {
    const retired = new RetiredWorkersMetrics();
    retired.absorb(await deadWorkerSnapshot(4, 0));
    retired.absorb(await deadWorkerSnapshot(6, 0));
    const { samples } = parseExposition(await aggregateSnapshots([{ snapshot: retired.snapshot() }]).metrics());
    expect(sumSamples(samples, outcomes.name, { task_name: 'one', task_outcome: 'ok' })).toBe(10);
    expect(sumSamples(samples, `${workDuration.name}_bucket`, { task_name: 'one', le: '+Inf' })).toBe(10);
    expect(sumSamples(samples, `${workDurationSummary.name}_count`, { task_name: 'one' })).toBe(10);
    expect(sumSamples(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('drops what described the dead process only: gauges and quantiles', async () => {
    const retired = new RetiredWorkersMetrics();
    retired.absorb(await deadWorkerSnapshot(1, 2));
    const { samples, families } = parseExposition(
      await aggregateSnapshots([{ snapshot: retired.snapshot() }]).metrics(),
    );
    expect(families.has(inFlight.name)).toBe(false);
    expect(families.has('nodejs_heap_size_used_bytes')).toBe(false);
    expect(selectSamples(samples, workDurationSummary.name)).toEqual([]);
  });

  it('stays the size of one worker, however many retire', async () => {
    const retired = new RetiredWorkersMetrics();
    retired.absorb(await deadWorkerSnapshot(1, 0));
    const size = JSON.stringify(retired.snapshot()).length;
    for (let i = 0; i < 20; i += 1) retired.absorb(await deadWorkerSnapshot(1, 0));
    // Only the digits of the sums grow.
    expect(JSON.stringify(retired.snapshot()).length).toBeLessThan(size * 1.2);
    const { samples } = parseExposition(await aggregateSnapshots([{ snapshot: retired.snapshot() }]).metrics());
    expect(sumSamples(samples, outcomes.name, { task_name: 'one', task_outcome: 'ok' })).toBe(21);
  });

  it('merges with the live workers so that a dead worker changes no total', async () => {
    const dying = await deadWorkerSnapshot(7, 1);
    const alive = await deadWorkerSnapshot(5, 0);
    const before = parseExposition(
      await aggregateSnapshots([
        { workerId: 1, snapshot: dying },
        { workerId: 2, snapshot: alive },
      ]).metrics(),
    ).samples;
    const retired = new RetiredWorkersMetrics();
    retired.absorb(dying);
    const after = parseExposition(
      await aggregateSnapshots([{ snapshot: retired.snapshot() }, { workerId: 2, snapshot: alive }]).metrics(),
    ).samples;
    expect(sumSamples(after, outcomes.name)).toBe(sumSamples(before, outcomes.name));
    expect(sumSamples(after, `${workDuration.name}_count`)).toBe(12);
    // Its work in flight died with it.
    expect(sumSamples(before, inFlight.name)).toBe(1);
    expect(sumSamples(after, inFlight.name)).toBe(0);
  });
});
