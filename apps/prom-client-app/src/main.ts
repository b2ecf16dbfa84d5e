import { readConfigOrExit } from '@app/config';
import { ClusterMetricsAggregator, mountHttpMetrics } from '@app/prom-client-metrics';
import {
  type GracefulService,
  gracefulHttpApp,
  runWorkerCluster,
  type WorkerContext,
  workerIdHeader,
} from '@app/worker-cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module.js';
import { type PromClientAppConfig, readPromClientAppConfig } from './prom-client-app.config.js';

const NAME = 'PromClientApp';

/** Starts the Nest app in this process: the only one (`WORKERS=1`), or one worker of the cluster. */
async function startApp(config: PromClientAppConfig, worker: WorkerContext): Promise<GracefulService> {
  // abortOnError false: a failing start rejects here, to be reported below, instead of process.abort().
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, worker), {
    abortOnError: false,
  });
  // Which framework serves is nobody's business, and a hint to whoever probes for its flaws.
  app.disable('x-powered-by');
  if (worker.mode === 'cluster') app.use(workerIdHeader(worker.workerId));
  // Before Nest initialises (listen), so before its body parser: refused bodies are measured too.
  mountHttpMetrics(app);
  // SIGTERM (docker stop, Ctrl-C, or the cluster primary stopping its workers): the requests in flight are
  // answered, then the modules close.
  const graceful = gracefulHttpApp(app);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const who = worker.mode === 'cluster' ? `worker ${worker.workerId} ` : '';
  new Logger(NAME).log(
    `${who}listening on http://${config.host}:${port} (metrics at /metrics, service="${config.serviceName}")`,
  );
  return graceful;
}

async function bootstrap(): Promise<void> {
  // Configuration first: a bad variable stops the process before anything is started, or forked.
  const config = readConfigOrExit('prom-client-app', readPromClientAppConfig);
  await runWorkerCluster({
    name: NAME,
    settings: config.cluster,
    // The primary serves no request: it merges the workers' registries when one of them is scraped.
    startPrimary: (primary) => new ClusterMetricsAggregator(primary),
    startWorker: (worker) => startApp(config, worker),
  });
}

bootstrap().catch((error: unknown) => {
  new Logger(NAME).error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
