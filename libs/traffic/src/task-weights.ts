import { SAMPLED_ROUTE_PARAMETERS, TASK_OUTCOMES, type TaskOutcome } from '@app/metrics';
import { parsed, rejected, type OptionParseResult } from './option-parse-result.js';
import { TRAFFIC_LIMITS } from './traffic-limits.js';

/** Relative weights of the /sample-signals outcomes: 200 (ok), 404 (not_found), 500 (server_error). */
export type TaskWeights = Readonly<Record<TaskOutcome, number>>;

/** The /sample-signals query parameter carrying each weight: the route table's, which the route validates. */
export const TASK_WEIGHT_PARAMETERS = SAMPLED_ROUTE_PARAMETERS.weights;

/**
 * Reads the weights, as text (`80,10,10`: ok, not_found, server_error, the `--weights` form) or as an
 * object. Each must be a non-negative number the server accepts, and their sum positive.
 */
export function parseTaskWeights(input: string | TaskWeights): OptionParseResult<TaskWeights> {
  let values: unknown[];
  if (typeof input === 'string') {
    const parts = input.split(',').map((part) => part.trim());
    if (parts.length !== TASK_OUTCOMES.length || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) {
      return rejected(
        `must be 3 comma-separated non-negative numbers (200,404,500 weights, e.g. 80,10,10), got "${input.slice(0, 40)}"`,
      );
    }
    values = parts.map(Number);
  } else {
    values = TASK_OUTCOMES.map((outcome) => input[outcome]);
  }
  const problems: string[] = [];
  TASK_OUTCOMES.forEach((outcome, index) => {
    const value = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > TRAFFIC_LIMITS.maxTaskWeight) {
      problems.push(
        `weight ${outcome} must be a number between 0 and ${TRAFFIC_LIMITS.maxTaskWeight}, got ${String(value)}`,
      );
    }
  });
  if (problems.length > 0) return rejected(...problems);
  const [ok, notFound, serverError] = values as number[];
  if (ok + notFound + serverError <= 0) return rejected('must have a positive sum');
  return parsed({ ok, not_found: notFound, server_error: serverError });
}

/** The query string that asks /sample-signals for these weights, e.g. `?weight_ok=80&weight_not_found=10&...`. */
export function taskWeightsQuery(weights: TaskWeights | undefined): string {
  if (weights === undefined) return '';
  const query = new URLSearchParams();
  for (const outcome of TASK_OUTCOMES) query.set(TASK_WEIGHT_PARAMETERS[outcome], String(weights[outcome]));
  return `?${query.toString()}`;
}
