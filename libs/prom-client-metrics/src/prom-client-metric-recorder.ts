import { Inject, Injectable } from '@nestjs/common';
import {
  everyLabelSet,
  MetricRecorder,
  type BoundedLabels,
  type CounterDefinition,
  type CounterRecorder,
  type GaugeDefinition,
  type GaugeRecorder,
  type HistogramDefinition,
  type HistogramRecorder,
  type LabelSetOf,
  type SummaryDefinition,
  type SummaryRecorder,
} from '@app/metrics';
import { type LabelValues, Registry } from '@prometheus-io/client';
import { counterFrom, gaugeFrom, histogramFrom, summaryFrom } from './metric-from-definition.js';

/** A declared label set as prom-client types label values (its values are strings of the declared sets). */
const asLabelValues = <L extends string>(labels: object): LabelValues<L> => labels as LabelValues<L>;

/**
 * The {@link MetricRecorder} port on prom-client: each metric built from its catalogue definition alone
 * (metric-from-definition.ts), in the app's registry, with the cluster aggregation the definition states.
 * Label values are bounded, so every counter and gauge series is exposed at 0 before the first request:
 * `rate()` and `increase()` then see the first increment instead of a series appearing already at 1, and an
 * idle series reads 0 rather than "no data".
 */
@Injectable()
export class PromClientMetricRecorder extends MetricRecorder {
  constructor(@Inject(Registry) private readonly registry: Registry) {
    super();
  }

  override counter<L extends string, D extends CounterDefinition<L> & BoundedLabels<L>>(
    definition: D,
  ): CounterRecorder<LabelSetOf<D>> {
    const counter = counterFrom(definition, this.registry);
    for (const labels of everyLabelSet(definition.labelValues)) counter.inc(asLabelValues<L>(labels), 0);
    return { add: (labels, value = 1) => counter.inc(asLabelValues<L>(labels), value) };
  }

  override gauge<L extends string, D extends GaugeDefinition<L> & BoundedLabels<L>>(
    definition: D,
  ): GaugeRecorder<LabelSetOf<D>> {
    const gauge = gaugeFrom(definition, this.registry);
    for (const labels of everyLabelSet(definition.labelValues)) gauge.set(asLabelValues<L>(labels), 0);
    return { add: (labels, delta) => gauge.inc(asLabelValues<L>(labels), delta) };
  }

  override histogram<L extends string, D extends HistogramDefinition<L> & BoundedLabels<L>>(
    definition: D,
  ): HistogramRecorder<LabelSetOf<D>> {
    const histogram = histogramFrom(definition, this.registry);
    return { observe: (labels, value) => histogram.observe(asLabelValues<L>(labels), value) };
  }

  override summary<L extends string, D extends SummaryDefinition<L> & BoundedLabels<L>>(
    definition: D,
  ): SummaryRecorder<LabelSetOf<D>> {
    const summary = summaryFrom(definition, this.registry);
    return { observe: (labels, value) => summary.observe(asLabelValues<L>(labels), value) };
  }
}
