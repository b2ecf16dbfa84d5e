import { Injectable, Logger } from '@nestjs/common';
import { ReceiverMetrics } from '../metrics/receiver-metrics.js';
import { alertLogRecord } from './alert-log-record.js';
import type { AlertsSnapshot } from './alert-state.js';
import { AlertStore } from './alert-store.js';
import { validateWebhookPayload } from './alertmanager-webhook.validator.js';
import { InvalidPayloadException } from './invalid-payload.exception.js';

export interface NotificationReceipt {
  status: 'accepted';
  alerts: number;
}

/** Takes a webhook body: validates it, stores it, counts it and logs one line per alert. */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly store: AlertStore,
    private readonly metrics: ReceiverMetrics,
  ) {}

  receive(body: unknown, receivedAt = new Date()): NotificationReceipt {
    const validation = validateWebhookPayload(body);
    if (!validation.valid) {
      this.logger.warn({ event: 'invalid_notification', problems: validation.problems.slice(0, 3) });
      throw new InvalidPayloadException(validation.problems);
    }
    const { payload } = validation;
    this.store.record(payload, receivedAt);
    this.metrics.notificationAccepted(payload.status);
    this.metrics.firingAlertsAre(this.store.firingAlerts());
    for (const alert of payload.alerts) this.logger.log(alertLogRecord(alert, payload.receiver));
    return { status: 'accepted', alerts: payload.alerts.length };
  }

  snapshot(): AlertsSnapshot {
    return this.store.snapshot();
  }
}
