import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { parseExposition } from '@app/testing';
import { telemetryViews } from '../src/telemetry-views.js';

/**
 * A real MeterProvider with the app's Views, read by a real Prometheus exporter (without its HTTP
 * server) and serialized by the exporter's own serializer: what a scrape would return, in process.
 */
export function inProcessScrape(): {
  meterProvider: MeterProvider;
  scrape(): Promise<ReturnType<typeof parseExposition> & { text: string }>;
  shutdown(): Promise<void>;
} {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const meterProvider = new MeterProvider({ readers: [exporter], views: telemetryViews() });
  const serializer = new PrometheusSerializer();
  return {
    meterProvider,
    async scrape() {
      const { resourceMetrics, errors } = await exporter.collect();
      if (errors.length > 0) throw new Error(`collection failed: ${errors.map(String).join('; ')}`);
      const text = serializer.serialize(resourceMetrics);
      return { text, ...parseExposition(text) };
    },
    shutdown: () => meterProvider.shutdown(),
  };
}
