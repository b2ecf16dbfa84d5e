import type { SignalName, SignalOutcome } from './signal-names.js';

/** Ends one unit of work started by {@link SignalsMetrics.startWork}. */
export interface WorkTimer {
  end(outcome: SignalOutcome): void;
}

/**
 * The port through which the signals business records its metrics. `libs/signals` depends on this
 * abstract class only; each app binds an adapter (OpenTelemetry or prom-client) to it. An abstract
 * class rather than an interface so that it is its own Nest injection token.
 */
export abstract class SignalsMetrics {
  /** Counts the signal as in flight until the timer ends, then records its duration and outcome. */
  abstract startWork(signal: SignalName): WorkTimer;
}
