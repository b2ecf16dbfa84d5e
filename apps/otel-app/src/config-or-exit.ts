import { ConfigValidationError } from '@app/config';
import { loadOtelAppConfig, type OtelAppConfig } from './otel-app.config.js';
import { readRootPackageVersion } from './root-package-version.js';

/**
 * The validated configuration, or an exit with a message that names each bad variable: before any
 * process is forked, any SDK started, any module loaded that would print.
 */
export function loadConfigOrExit(): OtelAppConfig {
  try {
    return loadOtelAppConfig(process.env, readRootPackageVersion(import.meta.dirname));
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
