export { OtelMetricsModule } from './otel-metrics.module';
export { OtelSignalsMetrics } from './otel-signals-metrics';
export { SIGNALS_METER_NAME } from './otel-metrics.tokens';
export { instrumentNameFor } from './prometheus-naming';
export { startTelemetry, type Telemetry } from './telemetry.bootstrap';
export { PROMETHEUS_EXPORTER_DEFAULTS, type TelemetryConfig } from './telemetry.config';
export { defaultEnabledInstrumentations, METRIC_INSTRUMENTATIONS } from './telemetry-instrumentations';
