// First import, and it must stay first: it validates the configuration and starts OpenTelemetry
// before Express and @nestjs/core are loaded by the imports below, so that they are instrumented.
import { config, telemetry } from './telemetry';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OtelAppModule } from './otel-app.module';

async function bootstrap(): Promise<void> {
  // A scrape endpoint that cannot listen (port taken) stops the start-up: a service without metrics
  // would look healthy and be invisible.
  await telemetry.scrapeEndpointReady;
  const app = await NestFactory.create(OtelAppModule.forRoot(config.signals, telemetry));
  // On SIGTERM Nest closes the HTTP server, then OtelMetricsModule shuts the SDK down.
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  const { prometheus } = config.telemetry;
  new Logger('OtelApp').log(
    `listening on ${config.http.host}:${config.http.port}; metrics on ${prometheus.host}:${prometheus.port}${prometheus.endpoint}`,
  );
}

bootstrap().catch(async (error: unknown) => {
  process.stderr.write(`otel-app failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  await telemetry.shutdown();
  process.exit(1);
});
