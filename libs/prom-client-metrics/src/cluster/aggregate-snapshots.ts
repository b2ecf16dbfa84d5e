import { AggregatorRegistry, type Registry } from 'prom-client';
import { isQuantileSample, type MetricsSnapshot } from './metrics-snapshot';

/**
 * Merges snapshots (each live worker's, plus the retired workers') into one registry, each family by
 * the aggregator it declared (`sum` for counters and histograms, a gauge's own choice), with
 * prom-client's `AggregatorRegistry.aggregate`.
 *
 * Summaries lose their quantiles here: `aggregate` would apply the family's aggregator to them too,
 * and no aggregator merges quantiles (adding two workers' p99 means nothing; their max is only a bound).
 * Their `_sum` and `_count` are summed like a counter's. Histograms aggregate, summaries don't: for
 * cluster-wide quantiles, use the histogram and `histogram_quantile()` in Prometheus.
 */
export function aggregateSnapshots(snapshots: readonly MetricsSnapshot[]): Registry {
  return AggregatorRegistry.aggregate(
    snapshots.map((snapshot) =>
      snapshot.map((family) =>
        family.type === 'summary'
          ? { ...family, values: family.values.filter((sample) => !isQuantileSample(family, sample)) }
          : family,
      ),
    ),
  );
}
