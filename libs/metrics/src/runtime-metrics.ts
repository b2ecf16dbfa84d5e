/**
 * Node.js runtime series as each path scrapes them. They come from libraries, not from the catalogue
 * of libs/metrics: prom-client's default metrics (`collectDefaultMetrics`) on one path,
 * `@opentelemetry/instrumentation-runtime-node` through the Prometheus exporter on the other, which
 * turns dots into underscores, adds `_total` to counters and no unit suffix.
 * `runtime-metrics.spec.ts` checks every name, type and label here against the real libraries.
 */
export interface RuntimeMetric {
  readonly kind: 'counter' | 'gauge' | 'histogram';
  /** The scraped name (a histogram's base name, without `_bucket`, `_sum`, `_count`). */
  readonly name: string;
  readonly labelNames: readonly string[];
  /** The instrument's unit (UCUM): pushed as OTLP, Prometheus appends it to the name (`s` → `_seconds`). */
  readonly unit?: string;
}

export const PROM_CLIENT_RUNTIME_METRICS = {
  /** Event-loop delay percentiles over prom-client's sampling window (`monitorEventLoopDelay`), seconds. */
  eventLoopDelayP50: { kind: 'gauge', name: 'nodejs_eventloop_lag_p50_seconds', labelNames: [] },
  eventLoopDelayP99: { kind: 'gauge', name: 'nodejs_eventloop_lag_p99_seconds', labelNames: [] },
  heapUsed: { kind: 'gauge', name: 'nodejs_heap_size_used_bytes', labelNames: [] },
  /** GC pauses, seconds, by kind (`major`, `minor`, `incremental`, `weakcb`). */
  gcDuration: { kind: 'histogram', name: 'nodejs_gc_duration_seconds', labelNames: ['kind'] },
  /** User + system CPU time, seconds. */
  cpuTime: { kind: 'counter', name: 'process_cpu_seconds_total', labelNames: [] },
} as const satisfies Record<string, RuntimeMetric>;

export const OTEL_RUNTIME_METRICS = {
  /** `nodejs.eventloop.delay.p50` / `.p99`, seconds, from the same `monitorEventLoopDelay`. */
  eventLoopDelayP50: { kind: 'gauge', name: 'nodejs_eventloop_delay_p50', labelNames: [], unit: 's' },
  eventLoopDelayP99: { kind: 'gauge', name: 'nodejs_eventloop_delay_p99', labelNames: [], unit: 's' },
  /**
   * Share of time the event loop was busy, 0-1. prom-client has it only as a summary and a histogram of 60 s windows
   * (`nodejs_eventloop_utilization_summary`, `_histogram`), which the dashboards do not read.
   */
  eventLoopUtilization: { kind: 'gauge', name: 'nodejs_eventloop_utilization', labelNames: [], unit: '1' },
  /** `v8js.memory.heap.used`, bytes, one series per V8 heap space: sum them for the whole heap. */
  heapUsed: { kind: 'gauge', name: 'v8js_memory_heap_used', labelNames: ['v8js_heap_space_name'], unit: 'By' },
  /** `v8js.gc.duration`, seconds, by GC type (`major`, `minor`, `incremental`, `weakcb`). */
  gcDuration: { kind: 'histogram', name: 'v8js_gc_duration', labelNames: ['v8js_gc_type'], unit: 's' },
} as const satisfies Record<string, RuntimeMetric>;
