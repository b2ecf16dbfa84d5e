import { Module } from '@nestjs/common';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from '../alert-receiver.config';
import { BearerTokenGuard } from '../auth/bearer-token.guard';
import { JsonContentTypeGuard } from '../http/json-content-type.guard';
import { MetricsModule } from '../metrics/metrics.module';
import { AlertStore } from './alert-store';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

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
