import { TASK_OUTCOMES, type TaskOutcome } from '@app/metrics';
import type { OutcomeWeights } from './tasks.settings.js';

/**
 * Picks an outcome with probability proportional to its weight, from one draw in [0, 1): the first
 * outcome whose running sum of weights exceeds `draw × total`. Outcomes of weight 0 are never picked.
 *
 * Running sums rather than subtracting each weight from the draw: the last running sum is the total
 * itself, and `draw × total < total` holds in doubles for every draw below 1, so the highest draw
 * still lands on the last outcome of positive weight instead of slipping past it by rounding.
 */
export function pickOutcome(weights: OutcomeWeights, draw: number): TaskOutcome {
  const total = TASK_OUTCOMES.reduce((sum, outcome) => sum + weights[outcome], 0);
  if (!(draw >= 0 && draw < 1) || !(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`pickOutcome needs a draw in [0, 1) and a finite positive sum of weights, got ${draw}`);
  }
  const threshold = draw * total;
  let runningSum = 0;
  for (const outcome of TASK_OUTCOMES) {
    runningSum += weights[outcome];
    if (weights[outcome] > 0 && threshold < runningSum) return outcome;
  }
  throw new RangeError(`no outcome picked for draw ${draw}: weights must be non-negative`);
}
