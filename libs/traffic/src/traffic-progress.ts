import type { Counts } from './traffic-tally.js';

/** A snapshot of a running traffic run, handed to `onProgress`. */
export interface TrafficProgress {
  readonly elapsedSeconds: number;
  /** Requests started so far. */
  readonly sent: number;
  /** Requests started and not finished yet. */
  readonly inFlight: number;
  /** The request bound asked for, if any (for "sent 320/1000"). */
  readonly plannedRequests: number | undefined;
  /** The duration asked for, if any (for "12.0/60 s"). */
  readonly plannedSeconds: number | undefined;
  /** Finished requests by status class: `2xx`, `3xx`, `4xx`, `5xx`, then `timeout` and `error`. */
  readonly byStatusClass: Counts;
  /** Requests started per second since the previous snapshot. */
  readonly recentRate: number;
}

/** `200` → `2xx`; `timeout` and `error` stay as they are. */
export function statusClass(outcome: string): string {
  return /^\d{3}$/.test(outcome) ? `${outcome[0]}xx` : outcome;
}
