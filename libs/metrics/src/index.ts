export * from './metric-catalogue.js';
export * from './monitoring-targets.js';
export * from './signal-names.js';
export { SignalsMetrics, type WorkTimer } from './signals-metrics.port.js';
export * from './recording-rules.js';
export * from './runtime-metrics.js';
