/**
 * Thrown at start-up when one or more environment variables are invalid.
 * The message names every offending variable so that a single restart fixes them all.
 */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}
