import type { WorkerIpc } from '@app/worker-cluster';

/** Options of {@link PromClientMetricsModule.forRoot}. Every field is optional; defaults are in {@link resolvePromClientMetricsOptions}. */
export interface PromClientMetricsOptions {
  /**
   * Labels added to every series of the registry, default Node metrics included (e.g. `{ service: 'tasks-prom-client' }`).
   * Keep them constant for the life of the process: they identify it, they do not describe requests.
   * Never a per-worker label in a cluster: the primary sums the workers' series by their labels.
   */
  readonly defaultLabels?: Readonly<Record<string, string>>;
  /** Whether to collect prom-client's default Node.js metrics (CPU, memory, event loop lag, GC, handles). Default true. */
  readonly collectDefaultMetrics?: boolean;
  /**
   * Set when the app runs as one worker of a cluster (`WorkerContext.ipc` of @app/worker-cluster): the
   * worker then answers the primary's snapshot requests, and GET /metrics serves the whole cluster's
   * metrics, merged by the primary's `ClusterMetricsAggregator`. Unset: this process's registry alone.
   */
  readonly workerIpc?: WorkerIpc;
}

export type ResolvedPromClientMetricsOptions = Required<Omit<PromClientMetricsOptions, 'workerIpc'>> &
  Pick<PromClientMetricsOptions, 'workerIpc'>;

/** Injection token of the resolved options given to `PromClientMetricsModule.forRoot`. */
export const PROM_CLIENT_METRICS_OPTIONS = Symbol('PROM_CLIENT_METRICS_OPTIONS');

export function resolvePromClientMetricsOptions(options: PromClientMetricsOptions): ResolvedPromClientMetricsOptions {
  return {
    defaultLabels: options.defaultLabels ?? {},
    collectDefaultMetrics: options.collectDefaultMetrics ?? true,
    workerIpc: options.workerIpc,
  };
}
