/** The meter the signals' instruments are created on (one instrumentation scope: `otel_scope_name`). */
export const SIGNALS_METER = Symbol('SIGNALS_METER');

/** The running SDK handed to `OtelMetricsModule.forRoot`, shut down with the application. */
export const TELEMETRY = Symbol('TELEMETRY');

/** Instrumentation scope of the signals' instruments, scraped as `otel_scope_name="signals"`. */
export const SIGNALS_METER_NAME = 'signals';
