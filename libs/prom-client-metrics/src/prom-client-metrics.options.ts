/** Options of {@link PromClientMetricsModule.forRoot}. Every field is optional; defaults are in {@link resolvePromClientMetricsOptions}. */
export interface PromClientMetricsOptions {
  /**
   * Labels added to every series of the registry, default Node metrics included (e.g. `{ service: 'signals-prom-client' }`).
   * Keep them constant for the life of the process: they identify it, they do not describe requests.
   */
  readonly defaultLabels?: Readonly<Record<string, string>>;
  /** Whether to collect prom-client's default Node.js metrics (CPU, memory, event loop lag, GC, handles). Default true. */
  readonly collectDefaultMetrics?: boolean;
}

export type ResolvedPromClientMetricsOptions = Required<PromClientMetricsOptions>;

/** Injection token of the resolved options given to `PromClientMetricsModule.forRoot`. */
export const PROM_CLIENT_METRICS_OPTIONS = Symbol('PROM_CLIENT_METRICS_OPTIONS');

export function resolvePromClientMetricsOptions(options: PromClientMetricsOptions): ResolvedPromClientMetricsOptions {
  return {
    defaultLabels: options.defaultLabels ?? {},
    collectDefaultMetrics: options.collectDefaultMetrics ?? true,
  };
}
