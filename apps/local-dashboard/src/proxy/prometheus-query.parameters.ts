import { InvalidParameterException, singleValues } from '../http/invalid-parameter.exception.js';

/**
 * The bounds of what the proxy forwards. A panel query is a few hundred characters, and the page asks
 * for a few hundred points per series over at most a day; anything far beyond is a mistake or abuse,
 * and would cost Prometheus memory and time for every panel refresh.
 */
export const PROXY_LIMITS = {
  maxQueryLength: 4096,
  maxRangeSeconds: 7 * 86_400,
  maxPointsPerSeries: 2_000,
  maxStepSeconds: 86_400,
} as const;

export interface RangeQuery {
  readonly query: string;
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface InstantQuery {
  readonly query: string;
  /** Unix seconds; Prometheus' "now" when unset. */
  readonly time?: number;
}

const RANGE_PARAMETERS = ['query', 'start', 'end', 'step'] as const;
const INSTANT_PARAMETERS = ['query', 'time'] as const;

/** Unix seconds with at most millisecond precision, as Prometheus and the page write them; no RFC 3339, no exponent. */
const UNIX_SECONDS = /^\d{1,11}(\.\d{1,3})?$/;

/** `GET /api/v1/query_range`'s parameters, each checked, every one required. */
export function parseRangeQuery(search: URLSearchParams): RangeQuery {
  const values = singleValues(search, RANGE_PARAMETERS);
  const query = readQuery(values.query);
  const start = readSeconds('start', values.start);
  const end = readSeconds('end', values.end);
  const step = readStep(values.step);
  if (end < start) throw new InvalidParameterException('end', `must not be before start, got ${end} < ${start}`);
  if (end - start > PROXY_LIMITS.maxRangeSeconds) {
    throw new InvalidParameterException(
      'start',
      `must be at most ${PROXY_LIMITS.maxRangeSeconds} s before end, got ${end - start} s`,
    );
  }
  const points = Math.floor((end - start) / step) + 1;
  if (points > PROXY_LIMITS.maxPointsPerSeries) {
    throw new InvalidParameterException(
      'step',
      `is too small for the range: at most ${PROXY_LIMITS.maxPointsPerSeries} points per series, got ${points}`,
    );
  }
  return { query, start, end, step };
}

/** `GET /api/v1/query`'s parameters: the query, and optionally the time to evaluate it at. */
export function parseInstantQuery(search: URLSearchParams): InstantQuery {
  const values = singleValues(search, INSTANT_PARAMETERS);
  const query = readQuery(values.query);
  return values.time === undefined ? { query } : { query, time: readSeconds('time', values.time) };
}

function readQuery(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') throw new InvalidParameterException('query', 'is required');
  if (raw.length > PROXY_LIMITS.maxQueryLength) {
    throw new InvalidParameterException(
      'query',
      `must be at most ${PROXY_LIMITS.maxQueryLength} characters, got ${raw.length}`,
    );
  }
  return raw;
}

function readSeconds(name: string, raw: string | undefined): number {
  if (raw === undefined) throw new InvalidParameterException(name, 'is required (Unix time in seconds)');
  if (!UNIX_SECONDS.test(raw)) {
    throw new InvalidParameterException(name, `must be a Unix time in seconds, got "${raw.slice(0, 30)}"`);
  }
  return Number(raw);
}

function readStep(raw: string | undefined): number {
  if (raw === undefined) throw new InvalidParameterException('step', 'is required (seconds)');
  const step = Number(raw);
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(raw) || step <= 0 || step > PROXY_LIMITS.maxStepSeconds) {
    throw new InvalidParameterException(
      'step',
      `must be a number of seconds above 0 and at most ${PROXY_LIMITS.maxStepSeconds}, got "${raw.slice(0, 30)}"`,
    );
  }
  return step;
}
