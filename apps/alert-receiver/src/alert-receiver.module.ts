import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from './alert-receiver.config.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { HealthController } from './health/health.controller.js';
import { RejectedRequestsFilter } from './http/rejected-requests.filter.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PageModule } from './page/page.module.js';
import { RunbooksModule } from './runbooks/runbooks.module.js';

/** Composition root. Global so that every feature module can inject the validated configuration. */
@Module({})
export class AlertReceiverModule {
  static forRoot(config: AlertReceiverConfig): DynamicModule {
    return {
      module: AlertReceiverModule,
      global: true,
      imports: [MetricsModule, AlertsModule, PageModule, RunbooksModule],
      controllers: [HealthController],
      providers: [
        { provide: ALERT_RECEIVER_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: RejectedRequestsFilter },
      ],
      exports: [ALERT_RECEIVER_CONFIG],
    };
  }
}
