import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from '@prometheus-io/client';
import { ALERT_STATUSES, type AlertStatus } from '../alerts/alertmanager-webhook.payload.js';
import {
  RECEIVER_METRICS,
  REJECTION_REASONS,
  type RejectionReason,
  SEVERITY_LABEL_VALUES,
  severityLabel,
} from './receiver-metric-names.js';

/** The receiver's metrics, registered on the app's own `Registry` (injected, never prom-client's global one). */
@Injectable()
export class ReceiverMetrics {
  private readonly notifications: Counter<'status'>;
  private readonly firing: Gauge<'severity'>;
  private readonly rejected: Counter<'reason'>;

  constructor(registry: Registry) {
    this.notifications = new Counter({
      ...RECEIVER_METRICS.notifications,
      labelNames: ['status'],
      registers: [registry],
    });
    this.firing = new Gauge({ ...RECEIVER_METRICS.firing, labelNames: ['severity'], registers: [registry] });
    this.rejected = new Counter({ ...RECEIVER_METRICS.rejected, labelNames: ['reason'], registers: [registry] });
    // Every series exists from the start, at 0, so that rate() and absent() behave before the first alert.
    for (const status of ALERT_STATUSES) this.notifications.inc({ status }, 0);
    for (const severity of SEVERITY_LABEL_VALUES) this.firing.set({ severity }, 0);
    for (const reason of Object.values(REJECTION_REASONS)) this.rejected.inc({ reason }, 0);
  }

  notificationAccepted(status: AlertStatus): void {
    this.notifications.inc({ status });
  }

  /** Replaces the firing gauge with the store's current view. */
  firingAlertsAre(alerts: ReadonlyArray<{ severity?: string }>): void {
    const counts = new Map(SEVERITY_LABEL_VALUES.map((severity) => [severity, 0]));
    for (const alert of alerts) {
      const label = severityLabel(alert.severity);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    for (const [severity, count] of counts) this.firing.set({ severity }, count);
  }

  requestRejected(reason: RejectionReason): void {
    this.rejected.inc({ reason });
  }
}
