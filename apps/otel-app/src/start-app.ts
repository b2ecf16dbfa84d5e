/**
 * The Nest app, started in each process that serves requests. Loads Express and @nestjs/core: import it
 * only once OpenTelemetry runs (main.ts does, dynamically), or they are not instrumented.
 */
import type { Telemetry } from '@app/otel-metrics';
import { type GracefulService, gracefulHttpApp, type WorkerContext, workerIdHeader } from '@app/worker-cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OtelAppConfig } from './otel-app.config.js';
import { OtelAppModule } from './otel-app.module.js';

export async function startApp(
  config: OtelAppConfig,
  telemetry: Telemetry,
  worker: WorkerContext,
): Promise<GracefulService> {
  const app = await NestFactory.create<NestExpressApplication>(OtelAppModule.forRoot(config.tasks, telemetry));
  // Which framework serves is nobody's business, and a hint to whoever probes for its flaws.
  app.disable('x-powered-by');
  if (worker.mode === 'cluster') app.use(workerIdHeader(worker.workerId));
  // Before Nest initialises (listen), so before its body parser: refused bodies are measured too.
  if (telemetry.httpServerMetrics) app.use(telemetry.httpServerMetrics.middleware);
  // On SIGTERM (docker stop, Ctrl-C, or the cluster primary stopping its workers) the requests in flight are
  // answered, then Nest closes, and OtelMetricsModule shuts the SDK down: its last export is sent.
  const graceful = gracefulHttpApp(app);
  await app.listen(config.http.port, config.http.host);
  const { prometheus, otlp } = config.telemetry;
  const metrics = [
    ...(prometheus ? [`scraped on ${prometheus.host}:${prometheus.port}${prometheus.endpoint}`] : []),
    ...(otlp ? [`pushed as OTLP (${otlp.protocol}) every ${otlp.exportIntervalMillis} ms`] : []),
  ].join(', ');
  new Logger('OtelApp').log(
    worker.mode === 'cluster'
      ? `worker ${worker.workerId} listening on ${config.http.host}:${config.http.port}; metrics ${metrics}${prometheus ? ' (through the primary)' : ''}`
      : `listening on ${config.http.host}:${config.http.port}; metrics ${metrics}`,
  );
  return graceful;
}
