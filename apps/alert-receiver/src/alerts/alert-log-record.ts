import type { WebhookAlert } from './alertmanager-webhook.payload.js';

/** The one structured log line written per alert of a notification: what an operator greps for. */
export interface AlertLogRecord {
  event: 'alert_notification';
  status: WebhookAlert['status'];
  alertname: string;
  severity: string | null;
  service: string | null;
  fingerprint: string;
  receiver: string;
}

export function alertLogRecord(alert: WebhookAlert, receiver: string): AlertLogRecord {
  return {
    event: 'alert_notification',
    status: alert.status,
    alertname: alert.labels.alertname,
    severity: alert.labels.severity ?? null,
    service: alert.labels.service ?? null,
    fingerprint: alert.fingerprint,
    receiver,
  };
}
