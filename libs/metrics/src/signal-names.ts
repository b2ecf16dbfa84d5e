/** The course's sample routes, each a "signal" of the demo business. Bounded: safe as a label value. */
export const SIGNAL_NAMES = ['one', 'two', 'three', 'four', 'error', 'sample'] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** What a signal answered. Bounded: safe as a label value. */
export const SIGNAL_OUTCOMES = ['ok', 'not_found', 'server_error'] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

/** The HTTP status each outcome is answered with. */
export const OUTCOME_STATUS: Readonly<Record<SignalOutcome, 200 | 404 | 500>> = {
  ok: 200,
  not_found: 404,
  server_error: 500,
};
