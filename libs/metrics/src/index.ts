export * from './metric-catalogue.js';
export * from './monitoring-targets.js';
export * from './task-names.js';
export * from './metric-recorder.port.js';
export * from './recording-rules.js';
export * from './runtime-metrics.js';
export { NoOpMetricRecorder } from './no-op-metric-recorder.js';
export * from './series-names.js';
export * from './http-semantics.js';
