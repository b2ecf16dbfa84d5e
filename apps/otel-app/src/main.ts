/*
 * Loads no Express and no @nestjs/core here: OpenTelemetry must start first in each process that serves
 * requests, so that its instrumentations patch them as they load (startTelemetry fails if that ever
 * stops being true). The app (./start-app) is loaded once telemetry runs. The cluster primary starts
 * no SDK at all: it serves no request, only the workers' merged metrics.
 */
import { readConfigOrExit } from '@app/config';
import { answerExpositionRequests, ClusterScrapeEndpoint, startTelemetry } from '@app/otel-metrics';
import { type GracefulService, runWorkerCluster, type WorkerContext } from '@app/worker-cluster';
import { loadOtelAppConfig } from './otel-app.config.js';
import { readRootPackageVersion } from './root-package-version.js';

// Before any process is forked, any SDK started, any module loaded that would print.
const config = readConfigOrExit('otel-app', (env) =>
  loadOtelAppConfig(env, readRootPackageVersion(import.meta.dirname)),
);

/** One process that serves requests: the only one (`WORKERS=1`), or one worker of the cluster. */
async function startWorker(worker: WorkerContext): Promise<GracefulService> {
  // Each worker has its own SDK and MeterProvider, and its own service.instance.id (host and pid).
  const telemetry = startTelemetry(config.telemetry);
  try {
    // A scrape endpoint that cannot listen (port taken) stops the start-up: a service without metrics
    // would look healthy and be invisible.
    await telemetry.scrapeEndpointReady;
    if (worker.mode === 'cluster') answerExpositionRequests(worker.ipc, telemetry);
    const { startApp } = await import('./start-app.js');
    return await startApp(config, telemetry, worker);
  } catch (error) {
    await telemetry.shutdown().catch(() => undefined);
    throw error;
  }
}

runWorkerCluster({
  name: 'OtelApp',
  settings: config.cluster,
  // N exporters cannot share METRICS_PORT: the primary serves it, merging the workers' expositions. Pushed
  // as OTLP, each worker's metrics go out on their own, under its own service.instance.id.
  startPrimary: (primary) => {
    const { prometheus } = config.telemetry;
    return prometheus ? ClusterScrapeEndpoint.start(primary, prometheus) : undefined;
  },
  startWorker,
}).catch((error: unknown) => {
  process.stderr.write(`otel-app failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
