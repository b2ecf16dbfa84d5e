import { CLUSTER_WORKER_UP } from '@app/worker-cluster';
import { Registry } from '@prometheus-io/client';
import { isQuantileSample, type MetricsSnapshot } from './metrics-snapshot.js';

/**
 * Label that keeps each worker's summary quantiles apart once the primary merges the registries: the one
 * `cluster_worker_up` names the workers by.
 */
export const WORKER_LABEL = CLUSTER_WORKER_UP.label;

/** One registry's snapshot, with the worker it came from; none for the retired workers' counts. */
export interface AttributedSnapshot {
  readonly workerId?: number;
  readonly snapshot: MetricsSnapshot;
}

/**
 * Merges snapshots (each live worker's, plus the retired workers') into one registry, each family by
 * the aggregator it declared (`sum` for counters and histograms, a gauge's own choice), with
 * the client library's `Registry.aggregate` (what its `ClusterRegistry` uses).
 *
 * Summaries' quantiles cannot be merged (adding two workers' p99 means nothing; their max is only a
 * bound), so each live worker's stay as they are, told apart by a `worker` label, and a dead worker's
 * go with it. Their `_sum` and `_count` are summed like a counter's. Histograms aggregate, summaries
 * don't: for cluster-wide quantiles, use the histogram and `histogram_quantile()` in Prometheus.
 */
export function aggregateSnapshots(snapshots: readonly AttributedSnapshot[]): Registry {
  return Registry.aggregate(
    snapshots.map(({ workerId, snapshot }) =>
      snapshot.map((family) =>
        family.type === 'summary'
          ? {
              ...family,
              values: family.values.flatMap((sample) => {
                if (!isQuantileSample(family, sample)) return [sample];
                if (workerId === undefined) return [];
                return [{ ...sample, labels: { ...sample.labels, [WORKER_LABEL]: String(workerId) } }];
              }),
            }
          : family,
      ),
    ),
  );
}
