import { diag, DiagConsoleLogger, DiagLogLevel, metrics, type MeterProvider } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { registerEsmInstrumentationHooks } from './esm-instrumentation-hooks.js';
import { HTTP_SERVER_METER_NAME, HttpServerMetrics } from './http-server-metrics.js';
import { assertInstrumentedModulesNotLoaded } from './load-order.guard.js';
import { createOtlpMetricReader } from './otlp-metric-reader.js';
import { createPrometheusExposition } from './prometheus-exposition.js';
import type { TelemetryConfig } from './telemetry.config.js';
import { HTTP_INSTRUMENTATION, telemetryInstrumentations } from './telemetry-instrumentations.js';
import { telemetryResource } from './telemetry-resource.js';
import { telemetryViews } from './telemetry-views.js';

/** The running SDK. */
export interface Telemetry {
  /** The SDK's provider: inject it (`OtelMetricsModule.forRoot`) rather than reaching for the global. */
  readonly meterProvider: MeterProvider;
  /**
   * Resolves once metrics can be scraped: the exporter's endpoint listens (rejects when it cannot: port
   * taken, bad host), or, in a cluster worker, the resource is complete.
   */
  readonly scrapeEndpointReady: Promise<void>;
  /**
   * The middleware that records `http.server.request.duration` (mount it with `app.use()` before Nest initialises);
   * undefined when instrumentation-http is loaded and records it instead: never both, never a double count.
   */
  readonly httpServerMetrics: HttpServerMetrics | undefined;
  /** What a scrape of this process would get now; the cluster primary asks each worker for it. */
  collectExposition(): Promise<string>;
  /** Stops the scrape server and the SDK. Safe to call more than once. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry: call it before Express and Nest are loaded (main.ts imports the app dynamically,
 * afterwards), so that the instrumentations patch them as they load, by `import` as by `require`. Metrics
 * go to the Prometheus exporter, to an OTLP push, or both, as the configuration says; spans and logs are
 * off unless the user configured them through `OTEL_TRACES_EXPORTER` / `OTEL_LOGS_EXPORTER`.
 */
export function startTelemetry(config: TelemetryConfig): Telemetry {
  assertInstrumentedModulesNotLoaded();
  if (config.printDiagnostics) diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);

  const exposition = config.prometheus ? createPrometheusExposition(config.prometheus) : undefined;
  const metricReaders = [
    ...(exposition ? [exposition.exporter] : []),
    ...(config.otlp ? [createOtlpMetricReader(config.otlp)] : []),
  ];
  const resource = telemetryResource(config.service);
  const instrumentations = telemetryInstrumentations(config);
  registerEsmInstrumentationHooks(instrumentations);
  const sdk = new NodeSDK({
    resource,
    // Detection is done in telemetryResource(), so that `resource` is the object the SDK uses.
    autoDetectResources: false,
    metricReaders,
    // Exponential histograms only where the one wire carries them: OTLP alone, stored as native histograms.
    views: telemetryViews(exposition ? 'explicit' : 'exponential'),
    instrumentations,
    // An empty list means none; leaving the option out lets the SDK read the OTEL_* variables.
    spanProcessors: config.tracesFromEnv ? undefined : [],
    logRecordProcessors: config.logsFromEnv ? undefined : [],
  });
  sdk.start();
  // The SDK registers its provider globally and does not expose it otherwise: read it once, here,
  // and hand it on explicitly.
  const meterProvider = metrics.getMeterProvider();
  const httpServerMetrics = config.enabledInstrumentations.includes(HTTP_INSTRUMENTATION)
    ? undefined
    : new HttpServerMetrics(
        meterProvider.getMeter(HTTP_SERVER_METER_NAME, config.service.version),
        config.ignoredIncomingPaths,
      );

  let stopping: Promise<void> | undefined;
  return {
    meterProvider,
    httpServerMetrics,
    scrapeEndpointReady: (async () => {
      await resource.waitForAsyncAttributes?.();
      if (exposition && config.prometheus?.serveScrapeEndpoint) await exposition.exporter.startServer();
    })(),
    collectExposition: async () => {
      if (!exposition) throw new Error('no Prometheus exporter: OTEL_METRICS_EXPORTER leaves prometheus out');
      return exposition.collect();
    },
    shutdown: () => (stopping ??= sdk.shutdown()),
  };
}
