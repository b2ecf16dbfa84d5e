/**
 * The runtime metric names the dashboards query, checked against the libraries that produce them: a real
 * prom-client registry with its default metrics, and the real OpenTelemetry runtime instrumentation read
 * through the real Prometheus exporter's serializer. A library upgrade that renames a series fails here.
 */
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { collectDefaultMetrics, Registry } from '@prometheus-io/client';
import { parseExposition, waitFor, type Sample } from '@app/testing';
import { OTEL_RUNTIME_METRICS, PROM_CLIENT_RUNTIME_METRICS, type RuntimeMetric } from './runtime-metrics.js';

/** Enough short-lived garbage for V8 to run a few scavenges, so that the GC histograms have samples. */
function churnTheHeap(): void {
  let keep = 0;
  for (let round = 0; round < 200; round++) {
    const garbage = Array.from({ length: 10_000 }, (_, index) => ({ index, text: `item-${index}` }));
    keep += garbage.length;
  }
  expect(keep).toBeGreaterThan(0);
}

function seriesNamesOf(metric: RuntimeMetric): string[] {
  return metric.kind === 'histogram'
    ? [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`]
    : [metric.name];
}

/** Whether every series of `metrics` has a sample yet: the event-loop and GC monitors fill theirs asynchronously. */
function hasEverySeries(exposition: string, metrics: readonly RuntimeMetric[]): boolean {
  const names = new Set(parseExposition(exposition).samples.map((sample) => sample.name));
  return metrics.every((metric) => seriesNamesOf(metric).every((series) => names.has(series)));
}

function expectExposed(exposition: string, metric: RuntimeMetric): void {
  const { families, samples } = parseExposition(exposition);
  expect({ metric: metric.name, type: families.get(metric.name) }).toEqual({
    metric: metric.name,
    type: metric.kind.toUpperCase(),
  });
  for (const series of seriesNamesOf(metric)) {
    const found = samples.filter((sample: Sample) => sample.name === series);
    expect({ series, found: found.length > 0 }).toEqual({ series, found: true });
    for (const label of metric.labelNames) {
      expect({ series, label, everySampleHasIt: found.every((sample) => label in sample.labels) }).toEqual({
        series,
        label,
        everySampleHasIt: true,
      });
    }
  }
}

describe('runtime metrics of the prom-client path', () => {
  it.each(Object.entries(PROM_CLIENT_RUNTIME_METRICS))('collectDefaultMetrics exposes %s', async (_key, metric) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
    churnTheHeap();
    const exposition = await waitFor(`${metric.name} sampled`, async () => {
      const text = await registry.metrics();
      return hasEverySeries(text, [metric]) ? text : undefined;
    });
    expectExposed(exposition, metric);
    registry.clear();
  });
});

describe('runtime metrics of the OpenTelemetry path', () => {
  let exposition = '';
  /** Each instrument's unit, by its scraped name: what Prometheus' OTLP receiver would append. */
  const units = new Map<string, string>();

  beforeAll(async () => {
    const exporter = new PrometheusExporter({ preventServerStart: true });
    const meterProvider = new MeterProvider({ readers: [exporter] });
    const instrumentation = new RuntimeNodeInstrumentation({ monitoringPrecision: 10 });
    instrumentation.setMeterProvider(meterProvider);
    instrumentation.enable();
    churnTheHeap();
    const { resourceMetrics } = await waitFor('every runtime metric sampled', async () => {
      const collected = await exporter.collect();
      const text = new PrometheusSerializer().serialize(collected.resourceMetrics);
      return hasEverySeries(text, Object.values(OTEL_RUNTIME_METRICS)) ? collected : undefined;
    });
    exposition = new PrometheusSerializer().serialize(resourceMetrics);
    for (const { metrics } of resourceMetrics.scopeMetrics)
      for (const { descriptor } of metrics) units.set(descriptor.name.replace(/\./g, '_'), descriptor.unit);
    instrumentation.disable();
    await meterProvider.shutdown();
  });

  it.each(Object.entries(OTEL_RUNTIME_METRICS))('the runtime instrumentation exposes %s', (_key, metric) => {
    expectExposed(exposition, metric);
  });

  it.each(Object.entries(OTEL_RUNTIME_METRICS))(
    "declares %s with the instrument's own unit, which names it when pushed as OTLP",
    (_key, metric) => {
      expect({ metric: metric.name, unit: units.get(metric.name) }).toEqual({ metric: metric.name, unit: metric.unit });
    },
  );
});
