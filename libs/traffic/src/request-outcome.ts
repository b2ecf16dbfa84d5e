/** How one request ended. */
export type RequestOutcome =
  /** A complete response (any status), with the time until its last byte. */
  | { readonly kind: 'response'; readonly status: number; readonly latencyMs: number }
  /** No complete response within the client timeout. */
  | { readonly kind: 'timeout' }
  /** The connection failed (refused, reset, ...); `code` is Node's error code, e.g. ECONNREFUSED. */
  | { readonly kind: 'error'; readonly code: string };

/** Tally keys for outcomes that are not HTTP statuses, next to "200", "404", ... */
export const TIMEOUT_KEY = 'timeout';
export const ERROR_KEY = 'error';

/** The key an outcome is counted under: the status code, or `timeout` / `error`. */
export function outcomeKey(outcome: RequestOutcome): string {
  return outcome.kind === 'response' ? String(outcome.status) : outcome.kind === 'timeout' ? TIMEOUT_KEY : ERROR_KEY;
}
