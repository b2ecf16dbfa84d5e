import { defineIpcTopic } from '@app/worker-cluster';
import type { MetricsSnapshot } from './metrics-snapshot.js';

/** The cluster's merged registry, in the exposition format, ready to serve. */
export interface AggregatedExposition {
  readonly contentType: string;
  readonly text: string;
}

/** Primary → worker: "your registry, as data". */
export const METRICS_SNAPSHOT_TOPIC = defineIpcTopic<undefined, MetricsSnapshot>('prom-client-metrics:snapshot');

/** Worker → primary, on GET /metrics: "the whole cluster's metrics, merged". */
export const AGGREGATED_METRICS_TOPIC = defineIpcTopic<undefined, AggregatedExposition>(
  'prom-client-metrics:aggregated',
);

/**
 * Timeouts of the two questions, nested and both below Prometheus' `scrape_timeout` (4 s here): a
 * worker that does not answer its snapshot in time is served from its last one, and a primary that
 * does not answer makes the scrape fail with a 503 before Prometheus gives up on its own.
 */
export const CLUSTER_METRICS_TIMEOUTS = {
  snapshotMs: 1_500,
  aggregatedMs: 3_000,
} as const;
