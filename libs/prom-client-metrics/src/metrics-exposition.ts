import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { WorkerIpc } from '@app/worker-cluster';
import { Registry } from '@prometheus-io/client';
import {
  AGGREGATED_METRICS_TOPIC,
  type AggregatedExposition,
  CLUSTER_METRICS_TIMEOUTS,
} from './cluster/cluster-metrics.topics.js';

/** What GET /metrics serves: this process's registry, or the whole cluster's. */
export abstract class MetricsExposition {
  abstract expose(): Promise<AggregatedExposition>;
}

/** One process: its own registry is the app's. */
@Injectable()
export class LocalMetricsExposition extends MetricsExposition {
  constructor(@Inject(Registry) private readonly registry: Registry) {
    super();
  }

  async expose(): Promise<AggregatedExposition> {
    // The registry knows its exposition format (and its version); never hard-code it.
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

/** Injection token of the worker's IPC with its primary, when the app runs as a cluster. */
export const WORKER_IPC = Symbol('WORKER_IPC');

/**
 * One worker of a cluster: its registry holds a share of the app's traffic only, so it asks the primary
 * for everyone's, merged. Whichever worker Prometheus' connection lands on, the answer is the app's.
 */
@Injectable()
export class ClusterMetricsExposition extends MetricsExposition {
  constructor(@Inject(WORKER_IPC) private readonly ipc: WorkerIpc) {
    super();
  }

  async expose(): Promise<AggregatedExposition> {
    try {
      return await this.ipc.ask(AGGREGATED_METRICS_TOPIC, undefined, CLUSTER_METRICS_TIMEOUTS.aggregatedMs);
    } catch (error) {
      // A failed scrape (up == 0) is the truth; a partial exposition would look like a counter reset.
      throw new ServiceUnavailableException(`cluster metrics unavailable: ${(error as Error).message}`);
    }
  }
}
