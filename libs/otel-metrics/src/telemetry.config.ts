/** Where the Prometheus exporter serves the scrape endpoint, unless configured otherwise. */
export const PROMETHEUS_EXPORTER_DEFAULTS = {
  /** The exporter's registered default port (Prometheus' default port allocations). */
  port: 9464,
  endpoint: '/metrics',
} as const;

/** The OTLP encodings over HTTP: what the Collector and Prometheus' OTLP receiver both take. */
export const OTLP_METRICS_PROTOCOLS = ['http/protobuf', 'http/json'] as const;

/** Metrics pushed as OTLP (`OTEL_METRICS_EXPORTER=otlp`); where to, the `OTEL_EXPORTER_OTLP_*` variables say. */
export interface OtlpMetricsConfig {
  readonly protocol: (typeof OTLP_METRICS_PROTOCOLS)[number];
  /** `OTEL_METRIC_EXPORT_INTERVAL`: how often a push is made. */
  readonly exportIntervalMillis: number;
  /** `OTEL_METRIC_EXPORT_TIMEOUT`: how long one push may take, at most the interval. */
  readonly exportTimeoutMillis: number;
}

/** What {@link startTelemetry} needs. The app reads and validates it; this library reads no environment. */
export interface TelemetryConfig {
  readonly service: {
    /** `service.name` of the resource (scraped in `target_info`). */
    readonly name: string;
    /** `service.version`, e.g. the root package.json's version. */
    readonly version: string;
    /**
     * `service.instance.id`: unique per process, so that several workers of one service stay apart.
     * Defaults to `<hostname>-<pid>`. Every series carries it as the `service_instance_id` label.
     */
    readonly instanceId?: string;
  };
  /**
   * The scrape endpoint of the Prometheus exporter: its own HTTP server, apart from the app's. Undefined
   * when `OTEL_METRICS_EXPORTER` leaves `prometheus` out (metrics pushed as OTLP only).
   */
  readonly prometheus?: {
    readonly host: string;
    /** 1-65535: the exporter treats 0 as "unset" and would fall back to 9464. */
    readonly port: number;
    readonly endpoint: string;
    /**
     * Whether this process's exporter listens on `host:port` itself: true for a single process. False in
     * a cluster worker (`WORKERS` > 1), where N exporters cannot share one port: the primary serves
     * `host:port` for all (`ClusterScrapeEndpoint`) and asks each worker for its exposition over IPC.
     */
    readonly serveScrapeEndpoint: boolean;
  };
  /** OTLP push of the same metrics, beside or instead of the scrape endpoint; undefined: none. */
  readonly otlp?: OtlpMetricsConfig;
  /** Incoming paths left out of the HTTP metrics, e.g. the liveness probe's. Compared without the query. */
  readonly ignoredIncomingPaths: readonly string[];
  /**
   * Export spans as `OTEL_TRACES_EXPORTER` and the other `OTEL_*` variables say. When false, no span
   * is exported at all: the SDK's default would otherwise send OTLP to localhost:4318, where nothing
   * listens. Set it when the user has set `OTEL_TRACES_EXPORTER`.
   */
  readonly tracesFromEnv: boolean;
  /**
   * Short names of the auto-instrumentations to enable (`http`, `express`, …), as
   * `OTEL_NODE_ENABLED_INSTRUMENTATIONS` lists them; see `defaultEnabledInstrumentations`.
   */
  readonly enabledInstrumentations: readonly string[];
  /** Same as {@link tracesFromEnv}, for log records and `OTEL_LOGS_EXPORTER`. */
  readonly logsFromEnv: boolean;
  /**
   * Print the SDK's own warnings and errors (a failing collection, a rejected instrument). Without a
   * logger the SDK stays silent. Leave false when `OTEL_LOG_LEVEL` is set: the SDK installs one itself.
   */
  readonly printDiagnostics: boolean;
}
