/**
 * When the primary restarts a worker that died, and when it stops trying. A worker that dies once in a
 * while (a leak, a bug on a rare path) is restarted almost at once; one that keeps dying is restarted
 * ever later, then given up on: restarting a worker that crashes at start-up forever would only hide
 * the crash behind an app that looks up.
 */
export interface RestartPolicy {
  /** Delay before restarting a worker after its first recent crash; doubled for each further one. */
  readonly initialDelayMs: number;
  /** The longest delay between a crash and the restart. */
  readonly maxDelayMs: number;
  /** More crashes than this within {@link windowMs}, in one worker slot, is a crash loop. */
  readonly maxCrashesInWindow: number;
  /** How far back crashes count; a worker that has run this long without crashing starts afresh. */
  readonly windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 8_000,
  maxCrashesInWindow: 5,
  windowMs: 60_000,
};

export type RestartDecision =
  | { readonly action: 'restart'; readonly delayMs: number; readonly recentCrashes: number }
  | { readonly action: 'give-up'; readonly recentCrashes: number };

/** The recent crashes of one worker slot (the place a worker and its replacements take in turn). */
export class CrashHistory {
  private crashTimes: number[] = [];

  constructor(private readonly policy: RestartPolicy) {}

  /** Records a crash at `now` (ms) and says what to do about it. */
  recordCrash(now: number): RestartDecision {
    this.crashTimes = this.crashTimes.filter((time) => now - time < this.policy.windowMs);
    this.crashTimes.push(now);
    const recentCrashes = this.crashTimes.length;
    if (recentCrashes > this.policy.maxCrashesInWindow) return { action: 'give-up', recentCrashes };
    const delayMs = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** (recentCrashes - 1));
    return { action: 'restart', delayMs, recentCrashes };
  }
}
