import type { Aggregator } from '@prometheus-io/client';

/** One sample of a family as `registry.getMetricsAsJSON()` gives it; `metricName` for `_bucket`, `_sum`, `_count`. */
export interface SampleSnapshot {
  readonly value: number;
  /** Left out by some collectors for an unlabelled sample (the client's event-loop utilisation summary). */
  readonly labels?: Readonly<Record<string, string | number>>;
  readonly metricName?: string;
}

/** One metric family of one worker, as `registry.getMetricsAsJSON()` gives it and `Registry.aggregate` reads it. */
export interface MetricFamilySnapshot {
  readonly name: string;
  readonly help: string;
  /** `counter`, `gauge`, `histogram` or `summary` (a string, whatever older typings said). */
  readonly type: string;
  readonly aggregator: Aggregator;
  readonly values: readonly SampleSnapshot[];
}

/** Everything one worker's registry holds at one moment. */
export type MetricsSnapshot = readonly MetricFamilySnapshot[];

/** A worker's registry as plain data, ready to cross the IPC channel. */
export async function snapshotOf(registry: {
  getMetricsAsJSON(): Promise<readonly object[]>;
}): Promise<MetricsSnapshot> {
  // The typings describe `type` as an enum and add a `collect` that get() never returns: the data is
  // the plain object above, which is what crosses the channel.
  return (await registry.getMetricsAsJSON()) as unknown as MetricsSnapshot;
}

/** A summary's quantile samples (`x{quantile="0.99"}`), as opposed to its `_sum` and `_count`. */
export function isQuantileSample(family: MetricFamilySnapshot, sample: SampleSnapshot): boolean {
  return family.type === 'summary' && (sample.metricName === undefined || sample.metricName === family.name);
}
