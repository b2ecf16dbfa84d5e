import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { AggregationTemporalityPreference } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { otelSeriesNameOf, TASKS_METRICS } from '@app/metrics';
import { OtelMetricRecorder, telemetryViews, type HistogramAggregation } from '@app/otel-metrics';
import { freePort, PrometheusServer, waitFor } from '@app/local-stack';
import { knownJobNames, writePrometheusConfig, type PrometheusConfigOverrides } from '@app/observability';
import { SeededRandomSource } from '@app/random';
import { describeWithBinaries } from '@app/testing';

const QUANTILE = 0.99;
const WORK = TASKS_METRICS.workDuration;
const WORK_SERIES = otelSeriesNameOf(WORK);
const OBSERVATIONS = 1000;

/** Log-normal latencies (median 80 ms, σ 0.7: most between 10 ms and 0.5 s), the same on every run. */
function latencies(): number[] {
  const random = new SeededRandomSource(42);
  return Array.from({ length: OBSERVATIONS }, () => {
    // Box-Muller: a standard normal from two uniforms in (0, 1].
    const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return 0.08 * Math.exp(0.7 * normal);
  });
}

/** The exact quantile by nearest rank: the observation histogram_quantile's rank falls on. */
function exactQuantile(values: readonly number[], quantile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(quantile * sorted.length) - 1];
}

/** The bounds `(lower, upper]` of the bucket that holds `value`. */
function bucketOf(bounds: ReadonlyArray<readonly [number, number]>, value: number): readonly [number, number] {
  const bucket = bounds.find(([lower, upper]) => value > lower && value <= upper);
  if (!bucket) throw new Error(`no bucket holds ${value}`);
  return bucket;
}

/**
 * Native histograms against classic ones, on the same latencies: the business histogram recorded by the project's
 * own recorder and Views, pushed as OTLP into a real Prometheus (its committed `otlp:` settings) once with
 * exponential buckets, once with the catalogue's, then the p99 asked of each. Each estimate lies in the bucket that
 * holds the exact p99, so its error is at most that bucket's width: a few percent for the native histogram, a whole
 * catalogue bucket for the classic one.
 */
describeWithBinaries(['prometheus'], 'native histograms: p99 within its bucket error', ({ prometheus: binary }) => {
  let workDir: string;
  let prometheus: PrometheusServer;
  const values = latencies();
  const exact = exactQuantile(values, QUANTILE);

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'native-histograms-'));
    // No scrape, no alerting, no rules: only the OTLP receiver and its translation settings.
    const targets = Object.fromEntries([...knownJobNames()].map((job) => [job, null]));
    const configFile = writePrometheusConfig(workDir, {
      targets: targets as PrometheusConfigOverrides['targets'],
      alertmanager: null,
      ruleFiles: [],
    });
    prometheus = await PrometheusServer.start({ binary, configFile, port: await freePort(), workDir });
  }, 60_000);

  afterAll(async () => {
    await (prometheus as PrometheusServer | undefined)?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Records every latency under `service.name` = `job`, then pushes them once (the provider's shutdown flushes). */
  async function push(job: string, histograms: HistogramAggregation): Promise<void> {
    const exporter = new OTLPMetricExporter({
      url: `${prometheus.url}/api/v1/otlp/v1/metrics`,
      temporalityPreference: AggregationTemporalityPreference.CUMULATIVE,
    });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: job }),
      readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
      views: telemetryViews(histograms),
    });
    const histogram = new OtelMetricRecorder(provider.getMeter('native-histograms-spec')).histogram(WORK);
    for (const seconds of values) histogram.observe({ task_name: 'one' }, seconds);
    await provider.shutdown();
  }

  const quantileOf = (series: string) =>
    waitFor(`${series} in Prometheus`, async () => (await prometheus.api.query(series))[0]?.value);

  it('estimates the p99 from the native histogram within its bucket error, finer than the classic one', async () => {
    await push('latencies-native', 'exponential');
    await push('latencies-classic', 'explicit');

    const native = await quantileOf(`histogram_quantile(${QUANTILE}, sum(${WORK_SERIES}{job="latencies-native"}))`);
    const classic = await quantileOf(
      `histogram_quantile(${QUANTILE}, sum by (le) (${WORK_SERIES}_bucket{job="latencies-classic"}))`,
    );
    const [{ histogram }] = await prometheus.api.query(`${WORK_SERIES}{job="latencies-native"}`);
    expect(histogram?.count).toBe(OBSERVATIONS);

    const nativeBucket = bucketOf(
      (histogram?.buckets ?? []).map(({ lower, upper }) => [lower, upper] as const),
      exact,
    );
    const classicBounds = [0, ...WORK.buckets, Infinity];
    const classicBucket = bucketOf(
      classicBounds.slice(1).map((upper, i) => [classicBounds[i], upper] as const),
      exact,
    );
    const error = (estimate: number) => Math.abs(estimate - exact) / exact;
    const width = ([lower, upper]: readonly [number, number]) => (upper - lower) / lower;
    const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
    console.info(
      `p${QUANTILE * 100} of ${OBSERVATIONS} latencies: exact ${exact.toFixed(4)} s; ` +
        `native ${native.toFixed(4)} s (error ${percent(error(native))}, bucket (${nativeBucket.join(', ')}] ` +
        `${percent(width(nativeBucket))} wide); classic ${classic.toFixed(4)} s (error ${percent(error(classic))}, ` +
        `bucket (${classicBucket.join(', ')}] ${percent(width(classicBucket))} wide)`,
    );

    expect(native).toBeGreaterThan(nativeBucket[0]);
    expect(native).toBeLessThanOrEqual(nativeBucket[1]);
    expect(classic).toBeGreaterThan(classicBucket[0]);
    expect(classic).toBeLessThanOrEqual(classicBucket[1]);
    // At scale 3 or finer (the View's 160 buckets over these 2 decades): under 9.1 % wide, a fraction of the
    // catalogue bucket.
    expect(width(nativeBucket)).toBeLessThan(2 ** (1 / 8) - 1 + 1e-9);
    expect(width(nativeBucket)).toBeLessThan(width(classicBucket) / 2);
  });
});
