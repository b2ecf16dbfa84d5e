/**
 * Imported first by main.ts, for its effects: validates the configuration (exiting with a message
 * that names each bad variable), then starts OpenTelemetry. It loads no Express and no @nestjs/core
 * (`@nestjs/common`, pulled in by the libraries, is not instrumented), so that main.ts's next imports
 * are patched as they load; `startTelemetry` fails if that ever stops being true.
 */
import { ConfigValidationError } from '@app/config';
import { startTelemetry } from '@app/otel-metrics';
import { loadOtelAppConfig, type OtelAppConfig } from './otel-app.config';
import { readRootPackageVersion } from './root-package-version';

function loadConfigOrExit(): OtelAppConfig {
  try {
    return loadOtelAppConfig(process.env, readRootPackageVersion(__dirname));
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

export const config = loadConfigOrExit();
export const telemetry = startTelemetry(config.telemetry);
