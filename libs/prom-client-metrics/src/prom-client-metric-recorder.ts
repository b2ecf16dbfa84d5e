import { Inject, Injectable } from '@nestjs/common';
import { everyLabelSet, MetricRecorder } from '@app/metrics';
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

  override readonly counter: MetricRecorder['counter'] = (definition) => {
    const counter = counterFrom(definition, this.registry);
    for (const labels of everyLabelSet(definition.labelValues)) counter.inc(asLabelValues(labels), 0);
    return { add: (labels, value = 1) => counter.inc(asLabelValues(labels), value) };
  };

  override readonly gauge: MetricRecorder['gauge'] = (definition) => {
    const gauge = gaugeFrom(definition, this.registry);
    for (const labels of everyLabelSet(definition.labelValues)) gauge.set(asLabelValues(labels), 0);
    return { add: (labels, delta) => gauge.inc(asLabelValues(labels), delta) };
  };

  override readonly histogram: MetricRecorder['histogram'] = (definition) => {
    const histogram = histogramFrom(definition, this.registry);
    return { observe: (labels, value) => histogram.observe(asLabelValues(labels), value) };
  };

  override readonly summary: MetricRecorder['summary'] = (definition) => {
    const summary = summaryFrom(definition, this.registry);
    return { observe: (labels, value) => summary.observe(asLabelValues(labels), value) };
  };
}
