import { Inject, Injectable } from '@nestjs/common';
import { MetricRecorder, SIGNALS_METRICS, type SignalName, type SignalOutcome } from '@app/metrics';

/** Ends one unit of work started by {@link SignalsMetrics.startWork}. */
export interface WorkTimer {
  end(outcome: SignalOutcome): void;
}

/**
 * The business's metrics: what a unit of work records, written once, on the {@link MetricRecorder} port, whichever
 * metric library the app binds to it. In flight while it runs; its duration in the histogram and the summary
 * (the course shows both, and they must agree); its outcome counted at the end.
 */
@Injectable()
export class SignalsMetrics {
  readonly #outcomes;
  readonly #inFlight;
  readonly #workDuration;
  readonly #workDurationSummary;

  constructor(@Inject(MetricRecorder) recorder: MetricRecorder) {
    this.#outcomes = recorder.counter(SIGNALS_METRICS.outcomes);
    this.#inFlight = recorder.gauge(SIGNALS_METRICS.inFlight);
    this.#workDuration = recorder.histogram(SIGNALS_METRICS.workDuration);
    this.#workDurationSummary = recorder.summary(SIGNALS_METRICS.workDurationSummary);
  }

  /** Counts the signal as in flight until the timer ends, then records its duration and outcome. */
  startWork(signal: SignalName): WorkTimer {
    const startedAt = performance.now();
    this.#inFlight.add({ signal }, 1);
    let ended = false;
    return {
      end: (outcome: SignalOutcome) => {
        // Idempotent: a second end() would count the work twice and drive the in-flight gauge below zero.
        if (ended) return;
        ended = true;
        const seconds = (performance.now() - startedAt) / 1000;
        this.#inFlight.add({ signal }, -1);
        this.#workDuration.observe({ signal }, seconds);
        this.#workDurationSummary.observe({ signal }, seconds);
        this.#outcomes.add({ signal, outcome });
      },
    };
  }
}
