import { Inject, Injectable } from '@nestjs/common';
import { SIGNAL_ROUTES, type FixedSignal, type SignalName, type SignalOutcome } from '@app/metrics';
import { setTimeout as sleep } from 'node:timers/promises';
import { pickOutcome } from './outcome-picker.js';
import { RandomSource } from '@app/random';
import type { SampleSignalsRequest } from './sample-signals.query.js';
import { SignalsMetrics } from './signals.metrics.js';
import { SIGNALS_SETTINGS } from './signals.tokens.js';
import type { SignalsSettings } from './signals.settings.js';

/**
 * The demo business: each signal waits a random time (its "work"), then answers an outcome.
 * It records through {@link SignalsMetrics}, on the `MetricRecorder` port, and knows no metric library.
 * Dependencies are injected by explicit token (see {@link SignalsController}).
 */
@Injectable()
export class SignalsService {
  constructor(
    @Inject(SIGNALS_SETTINGS) private readonly settings: SignalsSettings,
    @Inject(RandomSource) private readonly random: RandomSource,
    @Inject(SignalsMetrics) private readonly metrics: SignalsMetrics,
  ) {}

  /** A fixed route (`/one` … `/four`, `/error`): a uniform wait up to the route's bound, then its outcome. */
  fixed(signal: FixedSignal): Promise<SignalOutcome> {
    const { outcome } = SIGNAL_ROUTES[signal];
    return this.work(signal, this.settings.routeMaxLatencyMs[signal], () => outcome);
  }

  /** `/sample-signals`: a uniform wait, then an outcome drawn by the weights. */
  sample(request: SampleSignalsRequest): Promise<SignalOutcome> {
    return this.work('sample', request.maxLatencyMs, () => pickOutcome(request.weights, this.random.next()));
  }

  private async work(signal: SignalName, maxLatencyMs: number, decide: () => SignalOutcome): Promise<SignalOutcome> {
    const timer = this.metrics.startWork(signal);
    let outcome: SignalOutcome = 'server_error';
    try {
      const waitMs = Math.min(this.random.next() * maxLatencyMs, this.settings.latencyCapMs);
      if (waitMs > 0) await sleep(waitMs);
      outcome = decide();
      return outcome;
    } finally {
      timer.end(outcome);
    }
  }
}
