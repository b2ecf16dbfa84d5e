import { SIGNAL_OUTCOMES, type SignalOutcome } from '@app/metrics';
import type { OutcomeWeights } from './signals.settings';

/**
 * Picks an outcome with probability proportional to its weight, from one draw in [0, 1).
 * Outcomes of weight 0 are never picked; the caller guarantees a positive sum.
 */
export function pickOutcome(weights: OutcomeWeights, draw: number): SignalOutcome {
  const total = SIGNAL_OUTCOMES.reduce((sum, outcome) => sum + weights[outcome], 0);
  let threshold = draw * total;
  for (const outcome of SIGNAL_OUTCOMES) {
    if (weights[outcome] > 0 && threshold < weights[outcome]) return outcome;
    threshold -= weights[outcome];
  }
  // Rounding can leave the threshold a hair above the last weight: answer the last possible outcome.
  return [...SIGNAL_OUTCOMES].reverse().find((outcome) => weights[outcome] > 0) ?? 'ok';
}
