import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Histogram, Meter, UpDownCounter } from '@opentelemetry/api';
import {
  SIGNAL_NAMES,
  SIGNAL_OUTCOMES,
  SIGNALS_METRICS,
  SignalsMetrics,
  type SignalName,
  type SignalOutcome,
  type WorkTimer,
} from '@app/metrics';
import { SIGNALS_METER } from './otel-metrics.tokens.js';
import { instrumentNameFor } from './prometheus-naming.js';

type OutcomeAttributes = Record<(typeof SIGNALS_METRICS.outcomes.labelNames)[number], string>;
type SignalAttributes = Record<(typeof SIGNALS_METRICS.inFlight.labelNames)[number], string>;

/**
 * The {@link SignalsMetrics} port on the OpenTelemetry metrics API. Names, help texts, units and label
 * sets come from the catalogue; bucket boundaries are set by a View (`telemetry-views.ts`).
 *
 * No summary here: OpenTelemetry has no summary instrument (quantiles computed in the process). This
 * path serves the histogram only, and quantiles come from `histogram_quantile()` in Prometheus, which
 * also aggregates across instances, as summaries cannot.
 */
@Injectable()
export class OtelSignalsMetrics extends SignalsMetrics {
  private readonly outcomes: Counter<OutcomeAttributes>;
  private readonly inFlight: UpDownCounter<SignalAttributes>;
  private readonly workDuration: Histogram<SignalAttributes>;

  constructor(@Inject(SIGNALS_METER) meter: Meter) {
    super();
    const { outcomes, inFlight, workDuration } = SIGNALS_METRICS;
    this.outcomes = meter.createCounter(instrumentNameFor(outcomes), { description: outcomes.help });
    // An UpDownCounter, not a Gauge: in-flight work goes up and down by steps, and the exporter
    // scrapes a non-monotonic sum as a Prometheus gauge.
    this.inFlight = meter.createUpDownCounter(instrumentNameFor(inFlight), { description: inFlight.help });
    this.workDuration = meter.createHistogram(instrumentNameFor(workDuration), {
      description: workDuration.help,
      unit: workDuration.unit,
    });
    // Every series exists from the start at 0 (the label values are bounded), so that the first
    // increment of a series is seen by rate() and no panel shows "no data" for a quiet signal.
    for (const signal of SIGNAL_NAMES) {
      this.inFlight.add(0, { signal });
      for (const outcome of SIGNAL_OUTCOMES) this.outcomes.add(0, { signal, outcome });
    }
  }

  override startWork(signal: SignalName): WorkTimer {
    const startedAt = performance.now();
    this.inFlight.add(1, { signal });
    let ended = false;
    return {
      end: (outcome: SignalOutcome) => {
        // Idempotent: a second end() must not drive the in-flight gauge below zero.
        if (ended) return;
        ended = true;
        this.inFlight.add(-1, { signal });
        this.workDuration.record((performance.now() - startedAt) / 1000, { signal });
        this.outcomes.add(1, { signal, outcome });
      },
    };
  }
}
