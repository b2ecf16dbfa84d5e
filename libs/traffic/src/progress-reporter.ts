import { statusClass, type TrafficProgress } from './traffic-progress.js';

/** What the run exposes to progress reporting, read at each tick. */
export interface ProgressCounters {
  elapsedMs: number;
  sent: number;
  finished: number;
  byOutcome: Readonly<Record<string, number>>;
  plannedRequests: number | undefined;
  plannedSeconds: number | undefined;
}

/** A function that, each time it is called, hands `onProgress` a snapshot with the rate since the last call. */
export function progressReporter(
  onProgress: ((progress: TrafficProgress) => void) | undefined,
  read: () => ProgressCounters,
): () => void {
  let previous = { elapsedMs: 0, sent: 0 };
  return () => {
    if (onProgress === undefined) return;
    const now = read();
    const byStatusClass: Record<string, number> = {};
    for (const [outcome, count] of Object.entries(now.byOutcome)) {
      const key = statusClass(outcome);
      byStatusClass[key] = (byStatusClass[key] ?? 0) + count;
    }
    const spanSeconds = (now.elapsedMs - previous.elapsedMs) / 1000;
    onProgress({
      elapsedSeconds: now.elapsedMs / 1000,
      sent: now.sent,
      inFlight: now.sent - now.finished,
      plannedRequests: now.plannedRequests,
      plannedSeconds: now.plannedSeconds,
      byStatusClass,
      recentRate: spanSeconds > 0 ? (now.sent - previous.sent) / spanSeconds : 0,
    });
    previous = { elapsedMs: now.elapsedMs, sent: now.sent };
  };
}
