import { ConfigValidationError } from './config-validation.error.js';
import type { Env } from './env-reader.js';

/**
 * The configuration `read` makes of the environment or, when a variable is wrong, `<app>: <the message naming
 * each>` on stderr and exit 1: before the app forks, starts an SDK or listens, and without a stack trace that
 * would bury the message. Any other error is a bug, and is thrown.
 */
export function readConfigOrExit<T>(app: string, read: (env: Env) => T, env: Env = process.env): T {
  try {
    return read(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    // Synchronous on Linux for files, pipes and terminals: the message is out before the exit.
    process.stderr.write(`${app}: ${error.message}\n`);
    process.exit(1);
  }
}
