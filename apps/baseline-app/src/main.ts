import { readConfigOrExit } from '@app/config';
import { closeOnSignals, gracefulHttpApp } from '@app/worker-cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { BaselineAppModule } from './baseline-app.module.js';
import { readBaselineAppConfig } from './baseline-app.config.js';

const logger = new Logger('BaselineApp');

async function bootstrap(): Promise<void> {
  // Configuration first: a bad variable stops the process before anything is started.
  const config = readConfigOrExit('baseline-app', readBaselineAppConfig);
  // abortOnError false: a failing start rejects here, to be reported below, instead of process.abort().
  const app = await NestFactory.create<NestExpressApplication>(BaselineAppModule.forRoot(config.tasks), {
    abortOnError: false,
  });
  // Which framework serves is nobody's business, and a hint to whoever probes for its flaws.
  app.disable('x-powered-by');
  // Stopped as the measured apps are (their request tracking included): the benchmark stops it with SIGTERM.
  const graceful = gracefulHttpApp(app);
  await app.listen(config.port, config.host);
  closeOnSignals(graceful, { logger, signals: ['SIGTERM', 'SIGINT'], timeoutMs: undefined });
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(`listening on http://${config.host}:${port} (no metrics: the benchmark's reference)`);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
