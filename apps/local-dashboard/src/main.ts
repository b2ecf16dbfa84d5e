import { readConfigOrExit } from '@app/config';
import { closeOnSignals, gracefulHttpApp } from '@app/worker-cluster';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { dashboardSecurityHeaders } from './http/security-headers.js';
import { readLocalDashboardConfig } from './local-dashboard.config.js';
import { LocalDashboardModule } from './local-dashboard.module.js';

const NAME = 'local-dashboard';

async function bootstrap(): Promise<void> {
  const config = readConfigOrExit(NAME, readLocalDashboardConfig);
  const logger = new ConsoleLogger(NAME, { json: true });
  // No request has a body: every route is a GET.
  const app = await NestFactory.create<NestExpressApplication>(LocalDashboardModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  app.disable('x-powered-by');
  app.use(dashboardSecurityHeaders);
  // SIGTERM or Ctrl-C: the queries being proxied are answered, then exit 0 (the stack bounds the wait).
  const graceful = gracefulHttpApp(app);
  await app.listen(config.port, config.host);
  closeOnSignals(graceful, { logger: new Logger(NAME), signals: ['SIGTERM', 'SIGINT'], timeoutMs: undefined });
  logger.log({
    event: 'listening',
    url: await app.getUrl(),
    prometheus: config.prometheusUrl,
    dashboard: config.dashboardFile,
    panels: config.dashboard.sections.reduce((count, section) => count + section.panels.length, 0),
  });
}

void bootstrap();
