import { Inject, Injectable } from '@nestjs/common';
import type { Attributes, Meter } from '@opentelemetry/api';
import { everyLabelSet, MetricRecorder, type OtelNaming, type SummaryRecorder } from '@app/metrics';
import { TASKS_METER } from './otel-metrics.tokens.js';

/** The attributes of a label set: each label under its attribute key (`task_name` → `task.name`). */
function attributesOf(naming: OtelNaming): (labels: object) => Attributes {
  const keys = Object.entries(naming.attributeKeys);
  return (labels) => {
    const values = labels as Record<string, string>;
    return Object.fromEntries(keys.map(([label, key]) => [key, values[label]]));
  };
}

/** One shared recorder for what this path has no instrument for. */
const NOT_RECORDED: SummaryRecorder<never> = { observe: () => undefined };

/**
 * The {@link MetricRecorder} port on the OpenTelemetry metrics API: each instrument built from its catalogue
 * definition alone, under its OpenTelemetry name, unit and attribute keys. Counters are Counters; gauges UpDownCounters (moved by steps, scraped as a Prometheus gauge);
 * histograms get the catalogue's buckets as the instrument's advice, so that no View has to list them.
 *
 * No summary: OpenTelemetry has no summary instrument (quantiles computed in the process). This path records the
 * histogram only, and quantiles come from `histogram_quantile()` in Prometheus, which also aggregates across
 * instances, as summaries cannot.
 */
@Injectable()
export class OtelMetricRecorder extends MetricRecorder {
  constructor(@Inject(TASKS_METER) private readonly meter: Meter) {
    super();
  }

  override readonly counter: MetricRecorder['counter'] = (definition) => {
    const { instrumentName, help, unit } = definition;
    const counter = this.meter.createCounter(instrumentName, { description: help, unit });
    const attributes = attributesOf(definition);
    for (const labels of everyLabelSet(definition.labelValues)) counter.add(0, attributes(labels));
    return { add: (labels, value = 1) => counter.add(value, attributes(labels)) };
  };

  override readonly gauge: MetricRecorder['gauge'] = (definition) => {
    const { instrumentName, help, unit } = definition;
    const gauge = this.meter.createUpDownCounter(instrumentName, { description: help, unit });
    const attributes = attributesOf(definition);
    for (const labels of everyLabelSet(definition.labelValues)) gauge.add(0, attributes(labels));
    return { add: (labels, delta) => gauge.add(delta, attributes(labels)) };
  };

  override readonly histogram: MetricRecorder['histogram'] = (definition) => {
    const { instrumentName, help, unit, buckets } = definition;
    const histogram = this.meter.createHistogram(instrumentName, {
      description: help,
      unit,
      advice: { explicitBucketBoundaries: [...buckets] },
    });
    const attributes = attributesOf(definition);
    return { observe: (labels, value) => histogram.record(value, attributes(labels)) };
  };

  override readonly summary: MetricRecorder['summary'] = () => NOT_RECORDED;
}
