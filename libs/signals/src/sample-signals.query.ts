import type { OutcomeWeights, SignalsSettings } from './signals.settings';
import { InvalidSignalParameterException } from './signal-request.error';

/** What one `/sample-signals` request asks for, after defaults from the settings are applied. */
export interface SampleSignalsRequest {
  readonly weights: OutcomeWeights;
  readonly maxLatencyMs: number;
}

export const SAMPLE_SIGNALS_PARAMETERS = ['weight_ok', 'weight_not_found', 'weight_server_error', 'max_latency_ms'] as const;

type RawQuery = Readonly<Record<string, unknown>>;

/** Rejects any query parameter at all: the fixed routes take none, and a typo should not pass silently. */
export function assertNoQueryParameters(query: RawQuery): void {
  const [first] = Object.keys(query);
  if (first !== undefined) throw new InvalidSignalParameterException(first, 'is not a known query parameter (this route takes none)');
}

/**
 * Validates the per-request overrides of `/sample-signals`. Every problem is a 400 naming the
 * parameter: unknown names, repeated or malformed values, weights without a positive sum, and waits
 * above the configured cap.
 */
export function parseSampleSignalsQuery(query: RawQuery, settings: SignalsSettings): SampleSignalsRequest {
  for (const name of Object.keys(query)) {
    if (!(SAMPLE_SIGNALS_PARAMETERS as readonly string[]).includes(name)) {
      throw new InvalidSignalParameterException(
        name,
        `is not a known query parameter (known: ${SAMPLE_SIGNALS_PARAMETERS.join(', ')})`,
      );
    }
  }
  const weights: OutcomeWeights = {
    ok: readNumber(query, 'weight_ok', 1_000_000) ?? settings.sampleWeights.ok,
    not_found: readNumber(query, 'weight_not_found', 1_000_000) ?? settings.sampleWeights.not_found,
    server_error: readNumber(query, 'weight_server_error', 1_000_000) ?? settings.sampleWeights.server_error,
  };
  if (weights.ok + weights.not_found + weights.server_error <= 0) {
    throw new InvalidSignalParameterException('weight_ok', 'and the other weights must have a positive sum');
  }
  const maxLatencyMs = readNumber(query, 'max_latency_ms', settings.latencyCapMs) ?? settings.sampleMaxLatencyMs;
  return { weights, maxLatencyMs };
}

function readNumber(query: RawQuery, name: string, max: number): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new InvalidSignalParameterException(name, 'must be given once, as a plain number');
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    throw new InvalidSignalParameterException(name, `must be a non-negative number, got "${raw.slice(0, 40)}"`);
  }
  const value = Number(raw);
  if (value > max) throw new InvalidSignalParameterException(name, `must be at most ${max}, got ${raw}`);
  return value;
}
