import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { ClusterSupervisor, type SupervisorOptions } from './cluster-supervisor.js';
import { connectToPrimary } from './ipc/worker-ipc.js';
import { closeOnSignals, type GracefulService } from './shutdown/signal-shutdown.js';
import type { WorkerContext } from './worker-context.js';

export interface WorkerClusterOptions extends SupervisorOptions {
  /**
   * Starts the app in this process: in the only process when `settings.workers` is 1, in each worker
   * otherwise, and returns how to close it gracefully (see {@link gracefulHttpApp}). It is closed on SIGTERM:
   * that is how the primary asks a worker to stop, the same way an orchestrator asks a lone process.
   */
  readonly startWorker: (context: WorkerContext) => Promise<GracefulService>;
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
  const { name, settings } = options;
  if (settings.workers === 1) {
    const starting = options.startWorker({ mode: 'single' });
    // Alone, the process bounds its own close: nothing else will.
    closeOnSignals(starting, {
      logger: new Logger(name),
      signals: ['SIGTERM', 'SIGINT'],
      timeoutMs: settings.shutdownTimeoutMs,
    });
    await starting;
    return;
  }
  if (cluster.isPrimary) return new ClusterSupervisor(options).start();

  const workerId = cluster.worker?.id ?? 0;
  const logger = new Logger(`${name} worker ${workerId}`);
  try {
    const starting = options.startWorker({ mode: 'cluster', workerId, ipc: connectToPrimary() });
    // Before the worker listens: the primary may stop it the moment it does.
    closeOnSignals(starting, {
      logger,
      signals: ['SIGTERM'],
      // Ctrl-C reaches the terminal's whole process group, the workers too: the primary answers it by a
      // SIGTERM to each, which a worker that had started closing on SIGINT would take for a second signal.
      ignored: ['SIGINT'],
      // The primary bounds its workers' close, and kills the stragglers.
      timeoutMs: undefined,
    });
    await starting;
  } catch (error) {
    // The IPC channel would keep a failed worker alive; exiting hands the decision to the primary's
    // restart policy (which stops the app if every attempt fails the same way).
    logger.error(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}
