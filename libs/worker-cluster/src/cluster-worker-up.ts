/**
 * Served by a cluster with its workers' merged metrics, one series per live worker: whether that worker answered
 * for this scrape. A hung worker must not fail the whole scrape (the others' metrics still matter most when one
 * misbehaves), so the scrape answers without it, and says so here: `sum(cluster_worker_up == 0)` is how many
 * are missing, `cluster_worker_up == 0` which.
 */
export const CLUSTER_WORKER_UP = {
  name: 'cluster_worker_up',
  help:
    'Whether the worker answered for this scrape in time (1) or not (0: its series are missing, or stale where ' +
    'the last answer is kept).',
  /** The worker's cluster id (1, 2, … in fork order), as the X-Worker-Id header gives it. */
  label: 'worker',
} as const;

/** The family in the classic text format, each worker's answer as 1 or 0, by worker id. */
export function clusterWorkerUpExposition(answered: ReadonlyMap<number, boolean>): string {
  const { name, help, label } = CLUSTER_WORKER_UP;
  const samples = [...answered].map(([workerId, up]) => `${name}{${label}="${workerId}"} ${up ? 1 : 0}`);
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples].join('\n') + '\n';
}
