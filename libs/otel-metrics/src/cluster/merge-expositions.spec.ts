import { spawnSync } from 'node:child_process';
import { parseExposition, requireBinaries, sumSamples } from '@app/testing';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createPrometheusExposition } from '../prometheus-exposition.js';
import { mergeExpositions } from './merge-expositions.js';

/** A worker's SDK in miniature: its own MeterProvider and resource, read by the app's exporter setup. */
function worker(instanceId: string, requests: number) {
  const { exporter, collect } = createPrometheusExposition({
    host: '127.0.0.1',
    port: 1,
    endpoint: '/metrics',
    serveScrapeEndpoint: false,
  });
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: 'merge-test',
    [ATTR_SERVICE_INSTANCE_ID]: instanceId,
  });
  const provider = new MeterProvider({ resource, readers: [exporter] });
  const meter = provider.getMeter('tasks');
  const counter = meter.createCounter('tasks_outcomes', { description: 'Tasks answered.' });
  const histogram = meter.createHistogram('work_duration', { description: 'Work.', unit: 's' });
  for (let i = 0; i < requests; i += 1) {
    counter.add(1, { task_name: 'one' });
    histogram.record(0.01 * i, { task_name: 'one' });
  }
  return { collect, shutdown: () => provider.shutdown() };
}

/** `promtool check metrics`, Prometheus' own parser and linter, when installed. */
const promtool = requireBinaries('promtool');
const checkWithPromtool = (exposition: string) =>
  spawnSync(promtool.paths.promtool, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });

describe('mergeExpositions', () => {
  let expositions: string[];

  beforeAll(async () => {
    const workers = [worker('host-101', 3), worker('host-102', 5)];
    expositions = await Promise.all(workers.map((w) => w.collect()));
    await Promise.all(workers.map((w) => w.shutdown()));
  });

  it('writes each family header once, followed by the samples of every worker', () => {
    const merged = mergeExpositions(expositions);
    for (const family of ['target_info', 'tasks_outcomes_total', 'work_duration']) {
      expect([family, merged.match(new RegExp(`^# TYPE ${family} `, 'gm'))?.length]).toEqual([family, 1]);
      expect([family, merged.match(new RegExp(`^# HELP ${family} `, 'gm'))?.length]).toEqual([family, 1]);
    }
    expect(merged.match(/^# UNIT work_duration s$/gm)).toHaveLength(1);
  });

  it('keeps every worker apart by service_instance_id, so that the sum over workers is the total', () => {
    const { samples, families } = parseExposition(mergeExpositions(expositions));
    expect(families.get('tasks_outcomes_total')).toBe('COUNTER');
    expect(sumSamples(samples, 'tasks_outcomes_total', { service_instance_id: 'host-101' })).toBe(3);
    expect(sumSamples(samples, 'tasks_outcomes_total', { service_instance_id: 'host-102' })).toBe(5);
    expect(sumSamples(samples, 'tasks_outcomes_total')).toBe(8);
    expect(sumSamples(samples, 'work_duration_count')).toBe(8);
    expect(sumSamples(samples, 'work_duration_bucket', { le: '+Inf' })).toBe(8);
    const series = samples.map((sample) => `${sample.name}${JSON.stringify(sample.labels)}`);
    expect(new Set(series).size).toBe(series.length);
    expect(sumSamples(samples, 'target_info')).toBe(2);
  });

  (promtool.skipReason ? it.skip : it)('is valid for Prometheus, where a plain concatenation is not', () => {
    const merged = checkWithPromtool(mergeExpositions(expositions));
    expect([merged.status, merged.stderr]).toEqual([0, '']);
    const concatenated = checkWithPromtool(expositions.join(''));
    expect(concatenated.status).not.toBe(0);
    expect(concatenated.stderr).toMatch(/second (HELP|TYPE) line for metric name/);
  });

  it('is the identity for one worker, and empty for none', () => {
    const single = parseExposition(mergeExpositions(expositions.slice(0, 1)));
    expect(single.samples).toEqual(parseExposition(expositions[0]).samples);
    expect(mergeExpositions([])).toBe('');
    expect(mergeExpositions(['# no registered metrics'])).toBe('');
  });

  it('refuses a sample that belongs to no family', () => {
    expect(() => mergeExpositions(['orphan_total 1\n'])).toThrow('sample before any family header: orphan_total 1');
  });
});
