import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { ClusterSupervisor, type SupervisorOptions } from './cluster-supervisor.js';
import { connectToPrimary } from './ipc/worker-ipc.js';
import type { WorkerContext } from './worker-context.js';

export interface WorkerClusterOptions extends SupervisorOptions {
  /**
   * Starts the app in this process: in the only process when `settings.workers` is 1, in each worker
   * otherwise. It should make the app close gracefully on SIGTERM (Nest's `enableShutdownHooks()`):
   * that is how the primary asks a worker to stop, the same way an orchestrator asks a lone process.
   */
  readonly startWorker: (context: WorkerContext) => Promise<void>;
}

/**
 * Runs the app with `settings.workers` processes. With 1, `startWorker` runs right here: no primary, no
 * IPC, the app as a plain Node process. With more, this process becomes the primary (see
 * {@link ClusterSupervisor}, and `startPrimary` for its own services) and forks the workers, which run
 * this same entry script and land in `startWorker`.
 *
 * Read and validate the configuration before calling it, so that a bad variable stops the primary
 * before any worker is forked, instead of every worker failing in turn.
 */
export async function runWorkerCluster(options: WorkerClusterOptions): Promise<void> {
  if (options.settings.workers === 1) return options.startWorker({ mode: 'single' });
  if (cluster.isPrimary) return new ClusterSupervisor(options).start();

  const workerId = cluster.worker?.id ?? 0;
  try {
    await options.startWorker({ mode: 'cluster', workerId, ipc: connectToPrimary() });
  } catch (error) {
    // The IPC channel would keep a failed worker alive; exiting hands the decision to the primary's
    // restart policy (which stops the app if every attempt fails the same way).
    new Logger(`${options.name} worker ${workerId}`).error(
      `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  }
}
