import type { EnvReader, NumberRule } from '@app/config';

/** How many processes serve the app, and how long they get to stop. Read by each app's configuration. */
export interface WorkerClusterSettings {
  /**
   * Worker processes sharing the app's port (`WORKERS`). 1 runs the app in this very process, with no
   * primary and no IPC, exactly as a single Node process; more forks that many workers from a primary.
   */
  readonly workers: number;
  /**
   * How long the app gets to close gracefully on SIGTERM or SIGINT (`WORKERS_SHUTDOWN_TIMEOUT_MS`): a lone
   * process then exits by itself, a primary kills its stragglers. Below Docker's 10 s stop grace period, so
   * that the app, not the engine, has the last word.
   */
  readonly shutdownTimeoutMs: number;
}

/**
 * Each setting's default and the range it accepts. The most workers is a bound, not a target: past a few per core,
 * workers only compete for the same CPUs.
 */
export const WORKER_CLUSTER_NUMBER_RULES = {
  workers: { default: 1, min: 1, max: 64 },
  shutdownTimeoutMs: { default: 8_000, min: 100, max: 120_000 },
} as const satisfies Record<keyof WorkerClusterSettings, NumberRule>;

/** Reads `WORKERS` and `WORKERS_SHUTDOWN_TIMEOUT_MS`; problems are collected by the reader. */
export function readWorkerClusterSettings(reader: EnvReader): WorkerClusterSettings {
  const workers = reader.integer('WORKERS', WORKER_CLUSTER_NUMBER_RULES.workers);
  const shutdownTimeoutMs = reader.integer(
    'WORKERS_SHUTDOWN_TIMEOUT_MS',
    WORKER_CLUSTER_NUMBER_RULES.shutdownTimeoutMs,
  );
  return { workers, shutdownTimeoutMs };
}
