import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { MetricRecorder, TASKS_METRICS } from '@app/metrics';
import { TasksMetrics } from '@app/tasks';
import { FIXTURE_METRICS, parseExposition } from '@app/testing';
import { register as globalRegistry, Registry } from '@prometheus-io/client';
import request from 'supertest';
import { PromClientMetricRecorder } from './prom-client-metric-recorder.js';
import { type PromClientMetricsOptions } from './prom-client-metrics.options.js';
import { PromClientMetricsModule } from './prom-client-metrics.module.js';

describe('PromClientMetricsModule', () => {
  const apps: Array<INestApplication<Server>> = [];

  async function start(options?: PromClientMetricsOptions): Promise<INestApplication<Server>> {
    const moduleRef = await Test.createTestingModule({ imports: [PromClientMetricsModule.forRoot(options)] }).compile();
    const app = moduleRef.createNestApplication<INestApplication<Server>>({ logger: false });
    apps.push(app);
    return app.init();
  }

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('binds the prom-client adapter to the MetricRecorder port', async () => {
    const app = await start();
    expect(app.get(MetricRecorder)).toBeInstanceOf(PromClientMetricRecorder);
  });

  it('registers into its own registry, never the global one, so two apps in one process do not collide', async () => {
    const first = await start();
    const second = await start();
    expect(first.get(Registry)).not.toBe(second.get(Registry));
    expect(first.get(Registry)).not.toBe(globalRegistry);
    expect(globalRegistry.getSingleMetric(TASKS_METRICS.outcomes.name)).toBeUndefined();
  });

  it('collects the default Node metrics by default, into its registry', async () => {
    const { families } = parseExposition(await (await start()).get(Registry).metrics());
    expect(families.get('process_cpu_user_seconds_total')).toBe('COUNTER');
    expect(families.get('nodejs_eventloop_lag_seconds')).toBe('GAUGE');
    expect(families.get('nodejs_heap_size_used_bytes')).toBe('GAUGE');
  });

  it('leaves the default Node metrics out when asked', async () => {
    const app = await start({ collectDefaultMetrics: false });
    app.get(MetricRecorder).counter(FIXTURE_METRICS.deliveries);
    const { families } = parseExposition(await app.get(Registry).metrics());
    expect([...families.keys()].filter((name) => name.startsWith('process_') || name.startsWith('nodejs_'))).toEqual(
      [],
    );
    expect(families.has(FIXTURE_METRICS.deliveries.name)).toBe(true);
  });

  it('adds the default labels to every series, default Node metrics included', async () => {
    const app = await start({ defaultLabels: { service: 'unit-test' } });
    const { samples } = parseExposition(await app.get(Registry).metrics());
    expect(samples.length).toBeGreaterThan(50);
    expect(samples.filter((sample) => sample.labels.service !== 'unit-test')).toEqual([]);
  });

  it('serves GET /metrics in the registry format', async () => {
    const app = await start({ defaultLabels: { service: 'unit-test' } });
    new TasksMetrics(app.get(MetricRecorder));
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    // Same media type and parameters as the registry declares (Express may reorder the parameters).
    const parameters = (contentType: string) =>
      contentType
        .split(';')
        .map((part) => part.trim())
        .sort();
    expect(parameters(response.headers['content-type'])).toEqual(parameters(app.get(Registry).contentType));
    const { families } = parseExposition(response.text);
    expect(families.get(TASKS_METRICS.workDurationSummary.name)).toBe('SUMMARY');
  });
});
