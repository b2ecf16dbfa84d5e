import { join } from 'node:path';
import { findSourceDirectory } from '../prometheus/prometheus-files.js';

/**
 * How the OpenTelemetry app's metrics reach Prometheus:
 * - `scrape`: Prometheus scrapes the app's Prometheus exporter (the course's pull);
 * - `collector`: the Collector scrapes it and remote-writes to Prometheus (the design card's shape, the default);
 * - `otlp`: the SDK pushes OTLP to the Collector, which pushes OTLP into Prometheus (the reference stacks' way).
 */
export const OTEL_DELIVERIES = ['scrape', 'collector', 'otlp'] as const;
export type OtelDelivery = (typeof OTEL_DELIVERIES)[number];
export const DEFAULT_OTEL_DELIVERY: OtelDelivery = 'collector';

export const isOtelDelivery = (value: string): value is OtelDelivery =>
  (OTEL_DELIVERIES as readonly string[]).includes(value);

/** observability/otel-collector in the sources. */
export const OTEL_COLLECTOR_DIR = findSourceDirectory('observability/otel-collector/collector.yaml');

/** The Collector's files for a delivery through it, merged in this order (`--config=` each). */
export function otelCollectorConfigFiles(delivery: Exclude<OtelDelivery, 'scrape'>): readonly string[] {
  return [join(OTEL_COLLECTOR_DIR, 'collector.yaml'), join(OTEL_COLLECTOR_DIR, `delivery-${delivery}.yaml`)];
}

/** The addresses and durations that the Collector's files read from the environment (`${env:NAME}`). */
export interface OtelCollectorAddresses {
  /** Base URL of Prometheus, e.g. `http://127.0.0.1:9090`. */
  prometheusUrl: string;
  /** `host:port` of the app's Prometheus exporter (delivery `collector`). */
  appMetricsTarget: string;
  /** `host:port` the OTLP/HTTP receiver listens on (delivery `otlp`). */
  otlpHttpEndpoint: string;
  /** `host:port` of the health check. */
  healthEndpoint: string;
  /** Where the Collector serves its own metrics. */
  telemetry: { host: string; port: number };
  /** How often it scrapes the app (delivery `collector`): Prometheus' scrape interval. */
  scrapeInterval: string;
  /**
   * How long an exporter retries a failed send before it drops the points: the Collector's default, 5 minutes, within
   * Prometheus' out-of-order window; tests cut it to see a drop in seconds.
   */
  retryMaxElapsedTime?: string;
}

/** The Collector's own default (exporterhelper's `retry_on_failure.max_elapsed_time`). */
export const DEFAULT_RETRY_MAX_ELAPSED_TIME = '5m';

/** The environment that gives the Collector's files their addresses. */
export function otelCollectorEnvironment(addresses: OtelCollectorAddresses): Record<string, string> {
  return {
    OTELCOL_PROMETHEUS_URL: addresses.prometheusUrl,
    OTELCOL_APP_METRICS_TARGET: addresses.appMetricsTarget,
    OTELCOL_OTLP_HTTP_ENDPOINT: addresses.otlpHttpEndpoint,
    OTELCOL_HEALTH_ENDPOINT: addresses.healthEndpoint,
    OTELCOL_TELEMETRY_HOST: addresses.telemetry.host,
    OTELCOL_TELEMETRY_PORT: String(addresses.telemetry.port),
    OTELCOL_SCRAPE_INTERVAL: addresses.scrapeInterval,
    OTELCOL_RETRY_MAX_ELAPSED_TIME: addresses.retryMaxElapsedTime ?? DEFAULT_RETRY_MAX_ELAPSED_TIME,
  };
}
