import { Inject, Injectable } from '@nestjs/common';
import type { Meter } from '@opentelemetry/api';
import { everyLabelSet, MetricRecorder, type SummaryRecorder } from '@app/metrics';
import { TASKS_METER } from './otel-metrics.tokens.js';
import { instrumentNameFor } from './prometheus-naming.js';

/** One shared recorder for what this path has no instrument for. */
const NOT_RECORDED: SummaryRecorder<never> = { observe: () => undefined };

/**
 * The {@link MetricRecorder} port on the OpenTelemetry metrics API: each instrument built from its catalogue
 * definition alone. Counters are Counters; gauges UpDownCounters (moved by steps, scraped as a Prometheus gauge);
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
    const counter = this.meter.createCounter(instrumentNameFor(definition), { description: definition.help });
    for (const labels of everyLabelSet(definition.labelValues)) counter.add(0, labels);
    return { add: (labels, value = 1) => counter.add(value, labels) };
  };

  override readonly gauge: MetricRecorder['gauge'] = (definition) => {
    const gauge = this.meter.createUpDownCounter(instrumentNameFor(definition), { description: definition.help });
    for (const labels of everyLabelSet(definition.labelValues)) gauge.add(0, labels);
    return { add: (labels, delta) => gauge.add(delta, labels) };
  };

  override readonly histogram: MetricRecorder['histogram'] = (definition) => {
    const histogram = this.meter.createHistogram(instrumentNameFor(definition), {
      description: definition.help,
      unit: definition.unit,
      advice: { explicitBucketBoundaries: [...definition.buckets] },
    });
    return { observe: (labels, value) => histogram.record(value, labels) };
  };

  override readonly summary: MetricRecorder['summary'] = () => NOT_RECORDED;
}
