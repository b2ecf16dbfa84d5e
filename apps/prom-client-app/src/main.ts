import { ConfigValidationError } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { readPromClientAppConfig } from './prom-client-app.config';

const logger = new Logger('PromClientApp');

async function bootstrap(): Promise<void> {
  // Configuration first: a bad variable stops the process before anything is started.
  const config = readPromClientAppConfig(process.env);
  // abortOnError false: a failing start rejects here, to be reported below, instead of process.abort().
  const app = await NestFactory.create(AppModule.forRoot(config), { abortOnError: false });
  // SIGTERM (docker stop, Ctrl-C) closes the server and the modules cleanly.
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(`listening on http://${config.host}:${port} (metrics at /metrics, service="${config.serviceName}")`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    // The message already names every bad variable; a stack trace would only bury it.
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
});
