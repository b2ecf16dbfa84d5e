import type { CounterDefinition, GaugeDefinition, HistogramDefinition, SummaryDefinition } from './metric-catalogue.js';
import {
  MetricRecorder,
  type BoundedLabels,
  type CounterRecorder,
  type GaugeRecorder,
  type HistogramRecorder,
  type LabelSetOf,
  type SummaryRecorder,
} from './metric-recorder.port.js';

/** One shared recorder of every kind: recording does nothing, so nothing is allocated per request either. */
const NOTHING = { add: () => undefined, observe: () => undefined };

/**
 * The metrics port bound to nothing: the business runs exactly as in the apps that record, its timers included,
 * and nothing is recorded. The baseline app's, the benchmark's reference point against which each metric path's
 * cost is measured, and the tests' that assert on the business rather than its metrics.
 */
export class NoOpMetricRecorder extends MetricRecorder {
  override counter<L extends string, D extends CounterDefinition<L> & BoundedLabels<L>>(
    _definition: D,
  ): CounterRecorder<LabelSetOf<D>> {
    return NOTHING;
  }

  override gauge<L extends string, D extends GaugeDefinition<L> & BoundedLabels<L>>(
    _definition: D,
  ): GaugeRecorder<LabelSetOf<D>> {
    return NOTHING;
  }

  override histogram<L extends string, D extends HistogramDefinition<L> & BoundedLabels<L>>(
    _definition: D,
  ): HistogramRecorder<LabelSetOf<D>> {
    return NOTHING;
  }

  override summary<L extends string, D extends SummaryDefinition<L> & BoundedLabels<L>>(
    _definition: D,
  ): SummaryRecorder<LabelSetOf<D>> {
    return NOTHING;
  }
}
