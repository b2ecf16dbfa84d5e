import {
  isQuantileSample,
  type MetricFamilySnapshot,
  type MetricsSnapshot,
  type SampleSnapshot,
} from './metrics-snapshot.js';

interface RetiredFamily {
  readonly family: Omit<MetricFamilySnapshot, 'values'>;
  readonly samples: Map<string, { -readonly [K in keyof SampleSnapshot]: SampleSnapshot[K] }>;
}

/**
 * What the workers that have exited had counted, kept in the cluster's aggregate forever after.
 *
 * Without it, a dead worker's counts would vanish from the sum: the app's counters would go DOWN, which
 * Prometheus reads as a counter reset, and `rate()`/`increase()` would then add the whole remaining
 * counter on top, a false spike. So the last snapshot of each dead worker is folded in here, but only
 * its cumulative part: counters, histograms, and the `_sum`/`_count` of summaries. Its gauges (work in
 * flight, heap size) and quantiles described a process that no longer exists, and are dropped.
 *
 * Samples are added up by name and labels, so the memory stays that of one worker however many die.
 */
export class RetiredWorkersMetrics {
  private readonly families = new Map<string, RetiredFamily>();

  /** Adds the cumulative part of a dead worker's last snapshot. */
  absorb(snapshot: MetricsSnapshot): void {
    for (const family of snapshot) {
      if (!isCumulative(family)) continue;
      const { values, ...meta } = family;
      let retired = this.families.get(family.name);
      if (!retired) {
        retired = { family: meta, samples: new Map() };
        this.families.set(family.name, retired);
      }
      for (const sample of values) {
        if (isQuantileSample(family, sample)) continue;
        const key = sampleKey(sample);
        const kept = retired.samples.get(key);
        if (kept) kept.value += sample.value;
        else retired.samples.set(key, { ...sample, labels: { ...sample.labels } });
      }
    }
  }

  /** The sums so far, in the snapshot format, to be aggregated with the live workers' snapshots. */
  snapshot(): MetricsSnapshot {
    return [...this.families.values()].map(({ family, samples }) => ({
      ...family,
      values: [...samples.values()].map((sample) => ({ ...sample })),
    }));
  }
}

/** Families whose samples only grow during a worker's life, and that are merged by summing. */
function isCumulative(family: MetricFamilySnapshot): boolean {
  return family.aggregator === 'sum' && ['counter', 'histogram', 'summary'].includes(family.type);
}

function sampleKey(sample: SampleSnapshot): string {
  const labels = Object.entries(sample.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sample.metricName ?? '', labels]);
}
