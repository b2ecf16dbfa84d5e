import { AggregationType, createAllowListAttributesProcessor, type ViewOptions } from '@opentelemetry/sdk-metrics';
import {
  OTEL_HTTP_METRICS,
  TASKS_METRICS,
  type HistogramDefinition,
  type MetricDefinition,
  type OtelMetricDefinition,
} from '@app/metrics';
import { HTTP_SERVER_CONVENTION_ATTRIBUTES, HTTP_SERVER_METRIC_ATTRIBUTES } from './http-server-attributes.js';

/**
 * How the histograms aggregate: `explicit`, the catalogue's buckets, which a Prometheus scrape carries as classic
 * `_bucket` series; `exponential`, base-2 exponential buckets, which OTLP carries and Prometheus stores as native
 * histograms (finer: a few percent of error at any latency, against a whole bucket's width).
 */
export type HistogramAggregation = 'explicit' | 'exponential';

/**
 * The SDK's default bucket count, spelt out: at most 160 buckets per histogram, whose scale the SDK lowers until
 * the recorded range fits (from 1 ms to 10 s, 13 doublings, fits at scale 3: 8 buckets per doubling, 9 % wide).
 */
const EXPONENTIAL_MAX_SIZE = 160;

function aggregationOf(
  histograms: HistogramAggregation,
  definition: Pick<HistogramDefinition, 'buckets'>,
): ViewOptions['aggregation'] {
  return histograms === 'exponential'
    ? { type: AggregationType.EXPONENTIAL_HISTOGRAM, options: { maxSize: EXPONENTIAL_MAX_SIZE } }
    : { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...definition.buckets] } };
}

const BUSINESS_HISTOGRAMS = (Object.values(TASKS_METRICS) as MetricDefinition[]).filter(
  (definition): definition is HistogramDefinition & OtelMetricDefinition => definition.kind === 'histogram',
);

/**
 * The Views of the MeterProvider. A View applies to every reader, which is why the aggregation is one choice for
 * the process: exponential only when OTLP is the one reader (startTelemetry decides), since a scrape could not
 * carry it (opentelemetry-js #5942).
 *
 * On the HTTP server histogram, which the instrumentation creates: the catalogue's buckets (or exponential ones) and
 * only the catalogue's labels. Without it, the HTTP histogram would get the boundaries advised by the semantic
 * conventions (0.005 to 10 s), too sparse between 0.1 and 1 s, where the routes' latencies and the latency objective
 * lie. Both paths then share one set of `le` values. The business histograms carry their buckets as the
 * instruments' advice (otel-metric-recorder.ts), so they need a View only to be exponential.
 *
 * The allow-list keeps the attributes the convention requires and recommends (the catalogue's three, `url.scheme`,
 * `network.protocol.version`, `error.type` on a 5xx) and drops those it leaves opt-in (`server.address`,
 * `server.port`, `user_agent.synthetic.type`): the instrumentation's span attributes never reach the series. A
 * request whose client left before the answer keeps its method and protocol only (the instrumentation records
 * neither route nor status for it).
 */
export function telemetryViews(histograms: HistogramAggregation = 'explicit'): ViewOptions[] {
  const http = OTEL_HTTP_METRICS.duration;
  return [
    {
      instrumentName: http.instrumentName,
      aggregation: aggregationOf(histograms, http),
      attributesProcessors: [
        createAllowListAttributesProcessor([
          ...Object.values(HTTP_SERVER_METRIC_ATTRIBUTES),
          ...Object.values(HTTP_SERVER_CONVENTION_ATTRIBUTES),
        ]),
      ],
    },
    ...(histograms === 'exponential'
      ? BUSINESS_HISTOGRAMS.map((definition) => ({
          instrumentName: definition.instrumentName,
          aggregation: aggregationOf(histograms, definition),
        }))
      : []),
  ];
}
