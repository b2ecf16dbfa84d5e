/**
 * Paces request starts at a fixed rate by handing out start times on a schedule (1/rate apart).
 * Times come from the schedule, not from when a caller woke up, so timer lateness does not
 * accumulate and the average rate is exact.
 *
 * A caller that arrives after its slot (every worker was busy on a slow response) starts at once,
 * and the schedule makes up for at most `catchUpMs` of delay: enough to absorb jitter, never a
 * burst at a server that was stalled. This is a token bucket holding `catchUpMs` worth of tokens.
 */
export class RequestPacer {
  private readonly intervalMs: number;
  private nextSlotMs: number | undefined;

  constructor(
    readonly rate: number,
    private readonly catchUpMs = 100,
  ) {
    if (!(rate > 0)) throw new Error(`rate must be positive, got ${rate}`);
    this.intervalMs = 1000 / rate;
  }

  /** Reserves the next start time (same clock as `nowMs`, e.g. `performance.now()`); the caller waits until then. */
  reserve(nowMs: number): number {
    const slot = this.nextSlotMs === undefined ? nowMs : Math.max(this.nextSlotMs, nowMs - this.catchUpMs);
    this.nextSlotMs = slot + this.intervalMs;
    return slot;
  }
}
