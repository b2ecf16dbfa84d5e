import { Inject, Injectable } from '@nestjs/common';
import {
  SIGNAL_NAMES,
  SIGNAL_OUTCOMES,
  SIGNALS_METRICS,
  SignalsMetrics,
  type SignalName,
  type SignalOutcome,
  type WorkTimer,
} from '@app/metrics';
import { type Counter, type Gauge, type Histogram, Registry, type Summary } from '@prometheus-io/client';
import { counterFrom, gaugeFrom, histogramFrom, summaryFrom } from './metric-from-definition.js';

type SignalLabel = (typeof SIGNALS_METRICS.inFlight.labelNames)[number];
type OutcomeLabel = (typeof SIGNALS_METRICS.outcomes.labelNames)[number];

/**
 * The {@link SignalsMetrics} port on prom-client. One duration feeds both the histogram (aggregatable
 * across instances, quantiles computed by Prometheus) and the summary (quantiles computed here, over a
 * sliding window, not aggregatable): the course shows both, and they must agree.
 */
@Injectable()
export class PromClientSignalsMetrics extends SignalsMetrics {
  private readonly outcomes: Counter<OutcomeLabel>;
  private readonly inFlight: Gauge<SignalLabel>;
  private readonly duration: Histogram<SignalLabel>;
  private readonly durationSummary: Summary<SignalLabel>;

  constructor(@Inject(Registry) registry: Registry) {
    super();
    this.outcomes = counterFrom(SIGNALS_METRICS.outcomes, registry);
    // Summed across cluster workers: the app's work in flight is every worker's work in flight.
    this.inFlight = gaugeFrom(SIGNALS_METRICS.inFlight, registry, 'sum');
    this.duration = histogramFrom(SIGNALS_METRICS.workDuration, registry);
    this.durationSummary = summaryFrom(SIGNALS_METRICS.workDurationSummary, registry);
    this.exposeEveryLabelSetFromTheStart();
  }

  startWork(signal: SignalName): WorkTimer {
    this.inFlight.inc({ signal });
    const endDuration = this.duration.startTimer({ signal });
    let ended = false;
    return {
      end: (outcome: SignalOutcome) => {
        // A second end() would drive the gauge below zero and count the work twice.
        if (ended) return;
        ended = true;
        const seconds = endDuration();
        this.durationSummary.observe({ signal }, seconds);
        this.inFlight.dec({ signal });
        this.outcomes.inc({ signal, outcome });
      },
    };
  }

  /**
   * Signals and outcomes are bounded sets, so every counter and gauge series is exposed at 0 before the
   * first request: `rate()` and `increase()` then see the first increment instead of a series appearing
   * already at 1, and an idle signal reads 0 in flight rather than "no data".
   */
  private exposeEveryLabelSetFromTheStart(): void {
    for (const signal of SIGNAL_NAMES) {
      this.inFlight.set({ signal }, 0);
      for (const outcome of SIGNAL_OUTCOMES) this.outcomes.inc({ signal, outcome }, 0);
    }
  }
}
