export * from './metric-catalogue';
export * from './monitoring-targets';
export * from './signal-names';
export { SignalsMetrics, type WorkTimer } from './signals-metrics.port';
export * from './recording-rules';
