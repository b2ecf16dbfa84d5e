import { Module } from '@nestjs/common';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from '../alert-receiver.config.js';
import { BearerTokenGuard } from '../auth/bearer-token.guard.js';
import { JsonContentTypeGuard } from '../http/json-content-type.guard.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { AlertStore } from './alert-store.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';

/** `POST /alerts` (the webhook) and `GET /alerts`, over one in-memory store. */
@Module({
  imports: [MetricsModule],
  controllers: [AlertsController],
  providers: [
    {
      provide: AlertStore,
      inject: [ALERT_RECEIVER_CONFIG],
      useFactory: (config: AlertReceiverConfig) => new AlertStore(config.maxAlerts),
    },
    AlertsService,
    BearerTokenGuard,
    JsonContentTypeGuard,
  ],
  exports: [AlertsService],
})
export class AlertsModule {}
