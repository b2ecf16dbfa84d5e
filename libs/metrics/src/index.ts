export * from './metric-catalogue.js';
export * from './monitoring-targets.js';
export * from './task-names.js';
export {
  everyLabelSet,
  MetricRecorder,
  type BoundedLabels,
  type CounterRecorder,
  type GaugeRecorder,
  type HistogramRecorder,
  type LabelSetOf,
  type SummaryRecorder,
} from './metric-recorder.port.js';
export * from './recording-rules.js';
export * from './runtime-metrics.js';
export { NoOpMetricRecorder } from './no-op-metric-recorder.js';
