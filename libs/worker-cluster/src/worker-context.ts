import type { LoggerService } from '@nestjs/common';
import type { PrimaryIpc } from './ipc/primary-ipc.js';
import type { WorkerIpc } from './ipc/worker-ipc.js';

/** Where a worker runs: alone (`WORKERS=1`), or as one worker of a cluster, with a line to the primary. */
export type WorkerContext =
  | { readonly mode: 'single' }
  | {
      readonly mode: 'cluster';
      /** The cluster's id of this worker: 1, 2, … in fork order; a replacement gets a new one. */
      readonly workerId: number;
      readonly ipc: WorkerIpc;
    };

/** What the primary offers the services it runs beside its workers (a metrics aggregator, a scrape endpoint). */
export interface PrimaryContext {
  readonly ipc: PrimaryIpc;
  readonly logger: LoggerService;
  /**
   * Calls `listener` each time a worker has exited, whatever the cause, once IPC with it is closed:
   * nothing more will come from that worker.
   */
  onWorkerExit(listener: (workerId: number) => void): void;
}

/** A service the primary runs beside its workers; closed after the last worker has exited. */
export interface PrimaryService {
  close(): Promise<void> | void;
}
