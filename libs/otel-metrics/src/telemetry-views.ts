import { AggregationType, createAllowListAttributesProcessor, type ViewOptions } from '@opentelemetry/sdk-metrics';
import { OTEL_HTTP_METRICS, type HistogramDefinition } from '@app/metrics';
import { HTTP_SERVER_METRIC_ATTRIBUTES } from './http-server-attributes.js';

function explicitBuckets(definition: Pick<HistogramDefinition, 'buckets'>): ViewOptions['aggregation'] {
  return { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...definition.buckets] } };
}

/**
 * The View of the MeterProvider on the HTTP server histogram, which the instrumentation creates: the catalogue's
 * buckets and only the catalogue's labels. (The business histograms carry their buckets as the instruments'
 * advice: otel-metric-recorder.ts.)
 *
 * Without it, the HTTP histogram would get the boundaries advised by the semantic conventions (0.005 to 10 s),
 * too sparse between 0.1 and 1 s, where the routes' latencies and the latency objective lie. Both paths then
 * share one set of `le` values.
 *
 * The allow-list drops `url.scheme` and `network.protocol.version`, constant here (`http`, `1.1`), and
 * `error.type`, which repeats the status code on 5xx answers (`error_type="500"`). Every series then has
 * the catalogue's label set. A request whose client left before the answer keeps its method only (the
 * instrumentation records neither route nor status for it).
 */
export function telemetryViews(): ViewOptions[] {
  const http = OTEL_HTTP_METRICS.duration;
  return [
    {
      instrumentName: http.instrumentName,
      aggregation: explicitBuckets(http),
      attributesProcessors: [createAllowListAttributesProcessor(Object.values(HTTP_SERVER_METRIC_ATTRIBUTES))],
    },
  ];
}
