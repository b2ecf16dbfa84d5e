import { SAMPLED_ROUTE_PARAMETERS, TASK_OUTCOMES } from '@app/metrics';
import type { OutcomeWeights, TasksSettings } from './tasks.settings.js';
import { InvalidTaskParameterException } from './task-request.error.js';

/** What one `/sample-signals` request asks for, after defaults from the settings are applied. */
export interface SampleSignalsRequest {
  readonly weights: OutcomeWeights;
  readonly maxLatencyMs: number;
}

/** Which query parameter overrides which outcome's weight (the route table's, libs/metrics). */
const WEIGHT_PARAMETERS = SAMPLED_ROUTE_PARAMETERS.weights;

/** Every query parameter `/sample-signals` accepts. */
export const SAMPLE_SIGNALS_PARAMETERS = [
  ...TASK_OUTCOMES.map((outcome) => WEIGHT_PARAMETERS[outcome]),
  SAMPLED_ROUTE_PARAMETERS.maxLatencyMs,
] as const;
type SampleSignalsParameter = (typeof SAMPLE_SIGNALS_PARAMETERS)[number];

/** Weights are relative, so a bound costs nothing and keeps sums far from float overflow. */
const MAX_QUERY_WEIGHT = 1_000_000;

/** Client input echoed in an error is cut to this length, so an error body stays small whatever is sent. */
const MAX_ECHOED_LENGTH = 40;

/**
 * The query as Express parses it: a string per parameter, an array when one is repeated (`?a=1&a=2`),
 * an object under the `extended` parser (`?a[b]=1`). Only plain strings are accepted as values.
 */
type RawQuery = Readonly<Record<string, unknown>>;

/** Rejects any query parameter at all: the fixed routes take none, and a typo should not pass silently. */
export function assertNoQueryParameters(query: RawQuery): void {
  const first = Object.keys(query).at(0);
  if (first !== undefined) {
    throw new InvalidTaskParameterException(echo(first), 'is not a known query parameter (this route takes none)');
  }
}

/**
 * Validates the per-request overrides of `/sample-signals`. Every problem is a 400 naming the
 * parameter: unknown names, repeated or malformed values, weights without a positive sum, and waits
 * above the configured cap.
 */
export function parseSampleSignalsQuery(query: RawQuery, settings: TasksSettings): SampleSignalsRequest {
  for (const name of Object.keys(query)) {
    if (!(SAMPLE_SIGNALS_PARAMETERS as readonly string[]).includes(name)) {
      throw new InvalidTaskParameterException(
        echo(name),
        `is not a known query parameter (known: ${SAMPLE_SIGNALS_PARAMETERS.join(', ')})`,
      );
    }
  }
  const weights: OutcomeWeights = {
    ok: readNumber(query, WEIGHT_PARAMETERS.ok, MAX_QUERY_WEIGHT) ?? settings.sampleWeights.ok,
    not_found: readNumber(query, WEIGHT_PARAMETERS.not_found, MAX_QUERY_WEIGHT) ?? settings.sampleWeights.not_found,
    server_error:
      readNumber(query, WEIGHT_PARAMETERS.server_error, MAX_QUERY_WEIGHT) ?? settings.sampleWeights.server_error,
  };
  if (weights.ok + weights.not_found + weights.server_error <= 0) {
    // Only the query can bring the sum to zero (the settings are checked at start-up): name what it gave.
    const given = TASK_OUTCOMES.map((outcome) => WEIGHT_PARAMETERS[outcome]).filter(
      (name) => query[name] !== undefined,
    );
    throw new InvalidTaskParameterException(
      given[0] ?? WEIGHT_PARAMETERS.ok,
      `and the other weights must have a positive sum, got ${describeWeights(weights)}`,
    );
  }
  const maxLatencyMs =
    readNumber(query, SAMPLED_ROUTE_PARAMETERS.maxLatencyMs, settings.latencyCapMs) ?? settings.sampleMaxLatencyMs;
  return { weights, maxLatencyMs };
}

function readNumber(query: RawQuery, name: SampleSignalsParameter, max: number): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new InvalidTaskParameterException(name, 'must be given once, as a plain number');
  // Plain decimal only: Number() would also take '', '1e3', '0x10' and ' 1 ', which no client means.
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    throw new InvalidTaskParameterException(name, `must be a non-negative number, got "${echo(raw)}"`);
  }
  const value = Number(raw);
  if (value > max) throw new InvalidTaskParameterException(name, `must be at most ${max}, got ${echo(raw)}`);
  return value;
}

function describeWeights(weights: OutcomeWeights): string {
  return TASK_OUTCOMES.map((outcome) => `${WEIGHT_PARAMETERS[outcome]}=${weights[outcome]}`).join(', ');
}

function echo(input: string): string {
  return input.length > MAX_ECHOED_LENGTH ? `${input.slice(0, MAX_ECHOED_LENGTH)}…` : input;
}
