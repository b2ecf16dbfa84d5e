import type { CounterDefinition, GaugeDefinition, HistogramDefinition, SummaryDefinition } from '@app/metrics';
import { Counter, Gauge, Histogram, type Registry, Summary } from 'prom-client';

/*
 * prom-client metrics built from the catalogue's definitions, so that a name, help text, label set,
 * bucket or percentile is typed once, in libs/metrics, and never here.
 */

export function counterFrom<L extends string>(definition: CounterDefinition<L>, registry: Registry): Counter<L> {
  const { name, help, labelNames } = definition;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export function gaugeFrom<L extends string>(definition: GaugeDefinition<L>, registry: Registry): Gauge<L> {
  const { name, help, labelNames } = definition;
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

export function histogramFrom<L extends string>(definition: HistogramDefinition<L>, registry: Registry): Histogram<L> {
  const { name, help, labelNames, buckets } = definition;
  return new Histogram({ name, help, labelNames, buckets: [...buckets], registers: [registry] });
}

export function summaryFrom<L extends string>(definition: SummaryDefinition<L>, registry: Registry): Summary<L> {
  const { name, help, labelNames, percentiles, maxAgeSeconds, ageBuckets } = definition;
  return new Summary({
    name,
    help,
    labelNames,
    percentiles: [...percentiles],
    maxAgeSeconds,
    ageBuckets,
    registers: [registry],
  });
}
