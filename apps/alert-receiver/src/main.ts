import { readConfigOrExit } from '@app/config';
import { closeOnSignals, gracefulHttpApp } from '@app/worker-cluster';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { readAlertReceiverConfig } from './alert-receiver.config.js';
import { AlertReceiverModule } from './alert-receiver.module.js';
import { bodyParserErrorsToHttpExceptions } from './http/body-parser-errors.middleware.js';
import { receiverSecurityHeaders } from './http/security-headers.js';

const NAME = 'alert-receiver';

async function bootstrap(): Promise<void> {
  const config = readConfigOrExit(NAME, readAlertReceiverConfig);
  // One JSON object per line: each received alert is a greppable, parseable record.
  const logger = new ConsoleLogger(NAME, { json: true });
  const app = await NestFactory.create<NestExpressApplication>(AlertReceiverModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  app.disable('x-powered-by');
  // First: the errors of the body parser and of the routes carry the headers too.
  app.use(receiverSecurityHeaders);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use(bodyParserErrorsToHttpExceptions);
  // SIGTERM (docker stop, the local stack) or Ctrl-C: a webhook being received is answered, so that
  // Alertmanager does not count a notification failed that was stored; then exit 0. Whoever stops the receiver
  // bounds the wait (docker's stop timeout, the stack's).
  const graceful = gracefulHttpApp(app);
  await app.listen(config.port, config.host);
  closeOnSignals(graceful, { logger: new Logger(NAME), signals: ['SIGTERM', 'SIGINT'], timeoutMs: undefined });
  logger.log({ event: 'listening', url: await app.getUrl(), auth: config.token !== undefined ? 'bearer' : 'none' });
}

void bootstrap();
