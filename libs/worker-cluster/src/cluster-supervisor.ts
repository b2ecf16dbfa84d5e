import { Logger } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import { PrimaryIpc } from './ipc/primary-ipc.js';
import { CrashHistory, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';
import { SHUTDOWN_EXIT_CODES } from './shutdown/signal-shutdown.js';
import type { PrimaryContext, PrimaryService } from './worker-context.js';
import type { WorkerClusterSettings } from './worker-cluster.settings.js';

/** What the supervisor needs from {@link runWorkerCluster}'s options. */
export interface SupervisorOptions {
  readonly name: string;
  readonly settings: WorkerClusterSettings;
  readonly restartPolicy?: Partial<RestartPolicy>;
  readonly startPrimary?: (context: PrimaryContext) => Promise<PrimaryService | undefined> | PrimaryService | undefined;
}

/** A place in the cluster, held by one worker at a time: the first, then each replacement. */
interface Slot {
  readonly index: number;
  readonly crashes: CrashHistory;
  worker?: Worker;
  exited?: Promise<void>;
  restartTimer?: NodeJS.Timeout;
}

/** How long to wait for workers killed with SIGKILL (at shutdown, after the timeout) to be reaped. */
const KILL_GRACE_MS = 2_000;

/**
 * The cluster primary: it serves no request itself. It forks the workers, which share the app's port
 * (the primary accepts the connections and hands them out round-robin), restarts a worker that dies
 * (with a backoff, giving up on a crash loop), and on SIGTERM or SIGINT stops them gracefully; a second
 * signal kills them and exits at once.
 */
export class ClusterSupervisor {
  private readonly logger: Logger;
  private readonly ipc = new PrimaryIpc();
  private readonly slots: Slot[];
  private readonly exitListeners: Array<(workerId: number) => void> = [];
  private readonly listeningWorkers = new Set<number>();
  private service: PrimaryService | undefined = undefined;
  private stopping: Promise<never> | undefined;

  constructor(private readonly options: SupervisorOptions) {
    this.logger = new Logger(`${options.name} primary`);
    const policy = { ...DEFAULT_RESTART_POLICY, ...options.restartPolicy };
    this.slots = Array.from({ length: options.settings.workers }, (_, index) => ({
      index,
      crashes: new CrashHistory(policy),
    }));
  }

  async start(): Promise<void> {
    // Structured clone instead of JSON: metric values such as NaN and +Inf survive the trip.
    cluster.setupPrimary({ serialization: 'advanced' });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (this.stopping) this.forceExit(`received ${signal} again while stopping`);
        else void this.shutdown(SHUTDOWN_EXIT_CODES.graceful, `received ${signal}`);
      });
    }
    // Before any worker: a worker may ask the primary's services as soon as it runs.
    this.service = await this.options.startPrimary?.({
      ipc: this.ipc,
      logger: this.logger,
      onWorkerExit: (listener) => this.exitListeners.push(listener),
    });
    if (this.stopping) return; // a signal came while the services started
    this.logger.log(`starting ${this.slots.length} workers`);
    for (const slot of this.slots) this.fork(slot);
  }

  private fork(slot: Slot): void {
    slot.restartTimer = undefined;
    const worker = cluster.fork();
    slot.worker = worker;
    this.ipc.attach(worker.id, worker);
    slot.exited = new Promise((resolve) => {
      worker.once('exit', (code, signal) => {
        this.onExit(slot, worker, code, signal);
        resolve();
      });
    });
    // Node's types say a string, but a server listening on every interface reports no address.
    worker.on('listening', (address: { address?: string | null; port: number }) =>
      this.onListening(worker, `${address.address ?? ''}:${address.port}`),
    );
    // Without a listener, an 'error' (a failed kill, a broken channel) would crash the primary, and every worker with it.
    worker.on('error', (error) => this.logger.warn(`worker ${worker.id}: ${error.message}`));
  }

  private onListening(worker: Worker, address: string): void {
    this.listeningWorkers.add(worker.id);
    this.logger.log(`worker ${worker.id} (pid ${String(worker.process.pid)}) listening on ${address}`);
    const live = this.slots.filter((slot) => slot.worker).length;
    if (this.listeningWorkers.size === live && live === this.slots.length) {
      this.logger.log(`all ${live} workers listening`);
    }
  }

  private onExit(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    const how = signal ? `signal ${signal}` : `code ${String(code)}`;
    this.ipc.detach(worker.id, `exited with ${how}`);
    this.listeningWorkers.delete(worker.id);
    if (slot.worker === worker) slot.worker = undefined;
    for (const listener of this.exitListeners) listener(worker.id);
    if (this.stopping) {
      this.logger.log(`worker ${worker.id} (pid ${String(worker.process.pid)}) stopped (${how})`);
      return;
    }
    const decision = slot.crashes.recordCrash(Date.now());
    if (decision.action === 'give-up') {
      this.logger.error(
        `worker ${worker.id} (pid ${String(worker.process.pid)}) died (${how}): slot ${slot.index} crashed ` +
          `${decision.recentCrashes} times recently, a crash loop; stopping the app`,
      );
      void this.shutdown(1, 'crash loop');
      return;
    }
    this.logger.warn(
      `worker ${worker.id} (pid ${String(worker.process.pid)}) died (${how}); restarting it in ${decision.delayMs} ms ` +
        `(crash ${decision.recentCrashes} of this slot recently)`,
    );
    slot.restartTimer = setTimeout(() => this.fork(slot), decision.delayMs);
  }

  /**
   * Asks every worker to stop (SIGTERM: each closes its server, which also takes it out of the primary's
   * round-robin, answers the requests in flight, then closes its modules), waits for them up to the shutdown
   * timeout, kills the stragglers (then the exit code is the forced one), closes the primary's own services,
   * then exits with `exitCode`. Runs once; later calls wait for it.
   */
  private shutdown(exitCode: number, reason: string): Promise<never> {
    this.stopping ??= this.stop(exitCode, reason);
    return this.stopping;
  }

  private async stop(exitCode: number, reason: string): Promise<never> {
    const { shutdownTimeoutMs } = this.options.settings;
    for (const slot of this.slots) clearTimeout(slot.restartTimer);
    const live = this.slots.filter(hasWorker);
    this.logger.log(`${reason}: stopping ${live.length} workers (at most ${shutdownTimeoutMs} ms)`);
    for (const { worker } of live) worker.process.kill('SIGTERM');
    // fork() sets a slot's exited along with its worker: the fallback is for the type only.
    const allExited = Promise.all(live.map((slot) => slot.exited ?? Promise.resolve()));
    if (!(await settlesWithin(allExited, shutdownTimeoutMs))) {
      // An exit clears its slot's worker: `live`'s narrowed type no longer holds for those.
      const stragglers = live.filter(hasWorker);
      this.logger.warn(`${stragglers.length} workers still running after ${shutdownTimeoutMs} ms: killing them`);
      for (const { worker } of stragglers) worker.process.kill('SIGKILL');
      await settlesWithin(allExited, KILL_GRACE_MS);
      exitCode = exitCode || SHUTDOWN_EXIT_CODES.forced;
    }
    try {
      await this.service?.close();
    } catch (error) {
      this.logger.error(`closing the primary's services failed: ${(error as Error).message}`);
      exitCode = exitCode || SHUTDOWN_EXIT_CODES.forced;
    }
    this.logger.log(`stopped (exit code ${exitCode})`);
    process.exit(exitCode);
  }

  /** Kills every worker and exits now: what an operator who signals twice wants. */
  private forceExit(reason: string): never {
    const live = this.slots.filter(hasWorker);
    this.logger.error(`${reason}: killing ${live.length} workers and exiting now`);
    for (const { worker } of live) worker.process.kill('SIGKILL');
    process.exit(SHUTDOWN_EXIT_CODES.forced);
  }
}

function hasWorker(slot: Slot): slot is Slot & { worker: Worker } {
  return slot.worker !== undefined;
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const settled = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return settled;
}
