import type { CounterDefinition, GaugeDefinition, HistogramDefinition, SummaryDefinition } from '@app/metrics';
import { type Aggregator, Counter, Gauge, Histogram, type Registry, Summary } from '@prometheus-io/client';

/*
 * prom-client metrics built from the catalogue's definitions, so that a name, help text, label set,
 * bucket or percentile is typed once, in libs/metrics, and never here.
 *
 * Each metric also carries its `aggregator`: how the cluster primary merges the workers' values into
 * the one /metrics of the app (see cluster/aggregate-snapshots.ts). Counters and histograms have no
 * choice to make: they are sums of events, and the sum over workers is the app's count. A gauge's definition
 * states its choice, because only its meaning says whether the workers' values add up (work in flight) or
 * not (a start time, a version, a ratio).
 */

export function counterFrom<L extends string>(definition: CounterDefinition<L>, registry: Registry): Counter<L> {
  const { name, help, labelNames } = definition;
  return new Counter({ name, help, labelNames, aggregator: 'sum', registers: [registry] });
}

export function gaugeFrom<L extends string>(definition: GaugeDefinition<L>, registry: Registry): Gauge<L> {
  const { name, help, labelNames, aggregation } = definition;
  if (aggregation === undefined) {
    throw new Error(`gauge ${name} must declare its cluster aggregation (sum, max, min, average, first or omit)`);
  }
  return new Gauge({ name, help, labelNames, aggregator: aggregation satisfies Aggregator, registers: [registry] });
}

export function histogramFrom<L extends string>(definition: HistogramDefinition<L>, registry: Registry): Histogram<L> {
  const { name, help, labelNames, buckets } = definition;
  return new Histogram({ name, help, labelNames, buckets: [...buckets], aggregator: 'sum', registers: [registry] });
}

/**
 * A summary's `_count` and `_sum` are sums of events like a counter's, hence `sum`; its quantiles are
 * not, and no aggregator can merge them (the p99 of two workers is neither the sum, the max nor the
 * mean of their p99s): the cluster aggregation leaves them out. Histograms aggregate, summaries don't.
 */
export function summaryFrom<L extends string>(definition: SummaryDefinition<L>, registry: Registry): Summary<L> {
  const { name, help, labelNames, percentiles, maxAgeSeconds, ageBuckets } = definition;
  return new Summary({
    name,
    help,
    labelNames,
    percentiles: [...percentiles],
    maxAgeSeconds,
    ageBuckets,
    aggregator: 'sum',
    registers: [registry],
  });
}
