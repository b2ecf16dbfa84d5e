import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError } from '@app/config';
import { dashboardSecurityHeaders } from './http/security-headers.js';
import { type LocalDashboardConfig, readLocalDashboardConfig } from './local-dashboard.config.js';
import { LocalDashboardModule } from './local-dashboard.module.js';

/** Reads the configuration, or says on stderr which variables are wrong and exits 1 before listening. */
function configOrExit(): LocalDashboardConfig | undefined {
  try {
    return readLocalDashboardConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`local-dashboard: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  if (config === undefined) return;
  const logger = new ConsoleLogger('local-dashboard', { json: true });
  // No request has a body: every route is a GET.
  const app = await NestFactory.create<NestExpressApplication>(LocalDashboardModule.forRoot(config), {
    bodyParser: false,
    logger,
  });
  app.disable('x-powered-by');
  app.use(dashboardSecurityHeaders);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.log({
    event: 'listening',
    url: await app.getUrl(),
    prometheus: config.prometheusUrl,
    dashboard: config.dashboardFile,
    panels: config.dashboard.sections.reduce((count, section) => count + section.panels.length, 0),
  });
}

void bootstrap();
