import { AggregationType, createAllowListAttributesProcessor, type ViewOptions } from '@opentelemetry/sdk-metrics';
import { OTEL_HTTP_METRICS, SIGNALS_METRICS, type HistogramDefinition } from '@app/metrics';
import { HTTP_SERVER_METRIC_ATTRIBUTES } from './http-server-attributes.js';
import { instrumentNameFor } from './prometheus-naming.js';

function explicitBuckets(definition: Pick<HistogramDefinition, 'buckets'>): ViewOptions['aggregation'] {
  return { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...definition.buckets] } };
}

/**
 * Views of the MeterProvider: the catalogue's buckets on both histograms, and on the HTTP server
 * histogram only the catalogue's labels.
 *
 * Without them, the signals histogram would get the SDK's default boundaries (0 to 10,000, fitted to
 * milliseconds: every latency in seconds would land in the `le="5"` bucket), and the HTTP one the boundaries
 * advised by the semantic conventions (0.005 to 10 s), too sparse between 0.1 and 1 s, where the routes'
 * latencies and the latency objective lie. Both paths then share one set of `le` values.
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
    {
      instrumentName: instrumentNameFor(SIGNALS_METRICS.workDuration),
      aggregation: explicitBuckets(SIGNALS_METRICS.workDuration),
    },
  ];
}
