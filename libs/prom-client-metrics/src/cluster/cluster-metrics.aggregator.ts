import { CLUSTER_WORKER_UP, type PrimaryContext, type PrimaryService } from '@app/worker-cluster';
import { Gauge } from '@prometheus-io/client';
import { aggregateSnapshots } from './aggregate-snapshots.js';
import {
  AGGREGATED_METRICS_TOPIC,
  type AggregatedExposition,
  CLUSTER_METRICS_TIMEOUTS,
  METRICS_SNAPSHOT_TOPIC,
} from './cluster-metrics.topics.js';
import type { MetricsSnapshot } from './metrics-snapshot.js';
import { RetiredWorkersMetrics } from './retired-workers-metrics.js';

interface KeptSnapshot {
  /** Which aggregation round asked for it: a later round's snapshot is never replaced by an earlier one's. */
  readonly round: number;
  readonly snapshot: MetricsSnapshot;
}

/**
 * Runs in the cluster primary and answers the workers' "whole cluster's metrics" question (a worker
 * asks it when Prometheus scrapes it): it asks every live worker for a snapshot of its registry, and
 * merges them with the retired workers' counts.
 *
 * It keeps each live worker's latest snapshot: a worker too slow to answer this round is counted with
 * its previous one (stale but never lower; `cluster_worker_up` is 0 for it), and a worker that exits has that last snapshot moved into
 * the retired counts, so that no counter of the app ever goes down. What a worker counted after its last
 * snapshot and before it died is lost: the total stays at most the requests really served, never more.
 */
export class ClusterMetricsAggregator implements PrimaryService {
  private readonly latest = new Map<number, KeptSnapshot>();
  private readonly exited = new Set<number>();
  private readonly retired = new RetiredWorkersMetrics();
  private round = 0;
  private readonly stopAnswering: () => void;

  constructor(private readonly primary: PrimaryContext) {
    this.stopAnswering = primary.ipc.handle(AGGREGATED_METRICS_TOPIC, () => this.aggregate());
    primary.onWorkerExit((workerId) => this.retire(workerId));
  }

  async aggregate(): Promise<AggregatedExposition> {
    const round = ++this.round;
    const answers = this.primary.ipc.askEach(METRICS_SNAPSHOT_TOPIC, undefined, CLUSTER_METRICS_TIMEOUTS.snapshotMs);
    const answered = new Map<number, boolean>();
    await Promise.all(
      answers.map(({ workerId, answer }) =>
        answer.then(
          (snapshot) => {
            answered.set(workerId, true);
            this.keep(workerId, round, snapshot);
          },
          (error: unknown) => {
            answered.set(workerId, false);
            const reason = error instanceof Error ? error.message : String(error);
            this.primary.logger.warn(`metrics of worker ${workerId}: ${reason}`);
          },
        ),
      ),
    );
    // Read retired and latest together, synchronously: a worker that exits meanwhile is in exactly one.
    const registry = aggregateSnapshots([
      { snapshot: this.retired.snapshot() },
      ...[...this.latest].map(([workerId, kept]) => ({ workerId, snapshot: kept.snapshot })),
    ]);
    const { name, help, label } = CLUSTER_WORKER_UP;
    const up = new Gauge({ name, help, labelNames: [label], registers: [registry] });
    for (const [workerId, ok] of answered) up.set({ [label]: String(workerId) }, ok ? 1 : 0);
    return { contentType: registry.contentType, text: await registry.metrics() };
  }

  close(): void {
    this.stopAnswering();
  }

  private keep(workerId: number, round: number, snapshot: MetricsSnapshot): void {
    // Its last snapshot is already among the retired counts: keeping this one too would count it twice.
    if (this.exited.has(workerId)) return;
    const kept = this.latest.get(workerId);
    if (kept && kept.round > round) return;
    this.latest.set(workerId, { round, snapshot });
  }

  private retire(workerId: number): void {
    this.exited.add(workerId);
    const kept = this.latest.get(workerId);
    this.latest.delete(workerId);
    if (kept) this.retired.absorb(kept.snapshot);
  }
}
