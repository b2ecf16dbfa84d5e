import type {
  CounterDefinition,
  GaugeDefinition,
  HistogramDefinition,
  OtelNaming,
  SummaryDefinition,
} from './metric-catalogue.js';

/** A metric whose label values are declared: the ones the business records through {@link MetricRecorder}. */
export type BoundedLabels<L extends string> = { readonly labelValues: { readonly [K in L]: readonly string[] } };

/** What the business records: bounded labels, and the OpenTelemetry naming of every kind that has an instrument. */
type Recorded<L extends string> = BoundedLabels<L> & OtelNaming<L>;

/** The label set of a declared metric: each label one of its declared values. */
export type LabelSetOf<D> = D extends { readonly labelValues: infer V }
  ? { readonly [K in keyof V]: V[K] extends readonly (infer Value)[] ? Value : never }
  : never;

export interface CounterRecorder<Labels> {
  /** Adds `value` (1 by default, never negative) to the series of `labels`. */
  add(labels: Labels, value?: number): void;
}

export interface GaugeRecorder<Labels> {
  /** Moves the series of `labels` up or down by `delta`. */
  add(labels: Labels, delta: number): void;
}

export interface HistogramRecorder<Labels> {
  /** Records one observation, in the metric's unit. */
  observe(labels: Labels, value: number): void;
}

/** A summary takes observations as a histogram does; only the prom-client path has the instrument. */
export type SummaryRecorder<Labels> = HistogramRecorder<Labels>;

/**
 * The port through which business code records the metrics declared in the catalogue, knowing no metric library.
 * Each app binds an adapter (OpenTelemetry, prom-client, or none): the adapter builds the instrument from the
 * definition alone (names, help, unit, labels and their values, buckets, cluster aggregation), so that a new
 * metric needs no adapter change. An abstract class rather than an interface so that it is its own Nest token.
 * Ask for each metric once, when the business service is built, and keep the recorder.
 */
export abstract class MetricRecorder {
  /** A counter: only goes up. */
  abstract readonly counter: <L extends string, D extends CounterDefinition<L> & Recorded<L>>(
    definition: D,
  ) => CounterRecorder<LabelSetOf<D>>;

  /** A gauge: moved up and down by steps (work in flight). */
  abstract readonly gauge: <L extends string, D extends GaugeDefinition<L> & Recorded<L>>(
    definition: D,
  ) => GaugeRecorder<LabelSetOf<D>>;

  /** A histogram: observations counted in the definition's buckets. */
  abstract readonly histogram: <L extends string, D extends HistogramDefinition<L> & Recorded<L>>(
    definition: D,
  ) => HistogramRecorder<LabelSetOf<D>>;

  /** A summary: observations as quantiles over a sliding window, where the library has the instrument. */
  abstract readonly summary: <L extends string, D extends SummaryDefinition<L> & BoundedLabels<L>>(
    definition: D,
  ) => SummaryRecorder<LabelSetOf<D>>;
}

/** Every combination of a metric's declared label values, for adapters that expose them all at 0. */
export function everyLabelSet(labelValues: Readonly<Record<string, readonly string[]>>): Array<Record<string, string>> {
  return Object.entries(labelValues).reduce<Array<Record<string, string>>>(
    (sets, [label, values]) => sets.flatMap((set) => values.map((value) => ({ ...set, [label]: value }))),
    [{}],
  );
}
