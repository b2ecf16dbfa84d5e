import type { Logger } from '@nestjs/common';

/** Something that stops gracefully: a Nest app, an HTTP server and what it depends on. */
export interface GracefulService {
  close(): Promise<void>;
}

/** Exit codes of a process that stops on a signal. */
export const SHUTDOWN_EXIT_CODES = {
  /** Everything closed in time. */
  graceful: 0,
  /** The close failed, ran out of time, or a second signal cut it short. */
  forced: 1,
} as const;

export interface SignalShutdownOptions {
  readonly logger: Logger;
  /** The signals that start the close; the same signal again forces the exit. */
  readonly signals: readonly NodeJS.Signals[];
  /** Signals that must not stop this process (they are caught, and do nothing). */
  readonly ignored?: readonly NodeJS.Signals[];
  /** How long the close may take before the exit is forced; undefined when another process enforces it. */
  readonly timeoutMs: number | undefined;
}

/**
 * Closes `service` on the first of `signals`, then exits 0; exits 1 when the close fails, outlasts
 * `timeoutMs`, or a second signal comes first (an operator who signals twice wants it gone now). Nest's own
 * `enableShutdownHooks()` has neither bound: a request that never ends would hold the process forever.
 *
 * `service` may still be starting: register the handlers first, so that a signal that comes meanwhile (a primary
 * stopping the cluster as soon as a worker listens) closes it once started, instead of killing the process outright,
 * as a signal with no handler does.
 */
export function closeOnSignals(
  service: GracefulService | Promise<GracefulService>,
  options: SignalShutdownOptions,
): void {
  const { logger, timeoutMs } = options;
  let closing = false;
  const exit = (code: number, message: string): never => {
    if (code === SHUTDOWN_EXIT_CODES.graceful) logger.log(message);
    else logger.error(message);
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) exit(SHUTDOWN_EXIT_CODES.forced, `received ${signal} again while closing: exiting now`);
    closing = true;
    logger.log(`received ${signal}: closing${timeoutMs === undefined ? '' : ` (at most ${timeoutMs} ms)`}`);
    if (timeoutMs !== undefined) {
      setTimeout(
        () => exit(SHUTDOWN_EXIT_CODES.forced, `still closing after ${timeoutMs} ms: exiting now`),
        timeoutMs,
      ).unref();
    }
    Promise.resolve(service)
      .then((started) => started.close())
      .then(
        () => exit(SHUTDOWN_EXIT_CODES.graceful, 'closed gracefully'),
        (error: unknown) =>
          exit(SHUTDOWN_EXIT_CODES.forced, `closing failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  for (const signal of options.signals) process.on(signal, onSignal);
  for (const signal of options.ignored ?? []) process.on(signal, () => undefined);
}
