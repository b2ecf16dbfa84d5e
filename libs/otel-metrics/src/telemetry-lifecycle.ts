import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Telemetry } from './telemetry.bootstrap.js';
import { TELEMETRY } from './otel-metrics.tokens.js';

/**
 * Shuts the SDK down with the application (SIGTERM with `enableShutdownHooks()`), after Nest has closed
 * the HTTP server, so that the last requests are recorded before the scrape server stops.
 */
@Injectable()
export class TelemetryLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TELEMETRY) private readonly telemetry: Pick<Telemetry, 'shutdown'>) {}

  onApplicationShutdown(): Promise<void> {
    return this.telemetry.shutdown();
  }
}
