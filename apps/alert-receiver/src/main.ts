import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError } from '@app/config';
import { type AlertReceiverConfig, readAlertReceiverConfig } from './alert-receiver.config.js';
import { AlertReceiverModule } from './alert-receiver.module.js';
import { bodyParserErrorsToHttpExceptions } from './http/body-parser-errors.middleware.js';
import { receiverSecurityHeaders } from './http/security-headers.js';

/** Reads the configuration, or says on stderr which variables are wrong and exits 1 before listening. */
function configOrExit(): AlertReceiverConfig | undefined {
  try {
    return readAlertReceiverConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`alert-receiver: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  if (config === undefined) return;
  // One JSON object per line: each received alert is a greppable, parseable record.
  const logger = new ConsoleLogger('alert-receiver', { json: true });
  const app = await NestFactory.create<NestExpressApplication>(AlertReceiverModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  app.disable('x-powered-by');
  // First: the errors of the body parser and of the routes carry the headers too.
  app.use(receiverSecurityHeaders);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use(bodyParserErrorsToHttpExceptions);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.log({ event: 'listening', url: await app.getUrl(), auth: config.token !== undefined ? 'bearer' : 'none' });
}

void bootstrap();
