import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { WorkerIpc } from '@app/worker-cluster';
import { Registry } from '@prometheus-io/client';
import { WORKER_IPC } from '../metrics-exposition.js';
import { METRICS_SNAPSHOT_TOPIC } from './cluster-metrics.topics.js';
import { snapshotOf } from './metrics-snapshot.js';

/** In a cluster worker: answers the primary's requests for a snapshot of this worker's registry. */
@Injectable()
export class WorkerSnapshotResponder implements OnModuleInit, OnApplicationShutdown {
  private stopAnswering?: () => void;

  constructor(
    @Inject(WORKER_IPC) private readonly ipc: WorkerIpc,
    @Inject(Registry) private readonly registry: Registry,
  ) {}

  onModuleInit(): void {
    this.stopAnswering = this.ipc.handle(METRICS_SNAPSHOT_TOPIC, () => snapshotOf(this.registry));
  }

  /** Last of the shutdown hooks: requests that finish while the server closes are still reported. */
  onApplicationShutdown(): void {
    this.stopAnswering?.();
  }
}
