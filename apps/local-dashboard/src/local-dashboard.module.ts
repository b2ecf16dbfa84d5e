import { type DynamicModule, Module } from '@nestjs/common';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { HealthController } from './health/health.controller.js';
import { LOCAL_DASHBOARD_CONFIG, type LocalDashboardConfig } from './local-dashboard.config.js';
import { PageModule } from './page/page.module.js';
import { ProxyModule } from './proxy/proxy.module.js';

/** Composition root. Global so that every feature module can inject the validated configuration. */
@Module({})
export class LocalDashboardModule {
  static forRoot(config: LocalDashboardConfig): DynamicModule {
    return {
      module: LocalDashboardModule,
      global: true,
      imports: [PageModule, DashboardModule, ProxyModule],
      controllers: [HealthController],
      providers: [{ provide: LOCAL_DASHBOARD_CONFIG, useValue: config }],
      exports: [LOCAL_DASHBOARD_CONFIG],
    };
  }
}
