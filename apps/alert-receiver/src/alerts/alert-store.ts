import type { AlertmanagerWebhookPayload, WebhookAlert } from './alertmanager-webhook.payload.js';
import type { AlertsSnapshot, AlertState, NotificationRecord } from './alert-state.js';

/** Go's zero `time.Time`, which Alertmanager sends as `endsAt` while an alert fires. */
const GO_ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/** Sort order of firing alerts; any other severity (or none) comes after these. */
const SEVERITY_RANK: ReadonlyMap<string, number> = new Map([
  ['critical', 0],
  ['error', 1],
  ['warning', 2],
  ['info', 3],
]);

/**
 * The last `capacity` notifications and the current state of at most `capacity` alerts, keyed by
 * fingerprint, in memory. Bounded both ways: when full, the least recently notified resolved alert
 * is forgotten first, and a firing one only when every kept alert fires.
 */
export class AlertStore {
  /** Insertion order is notification order (oldest first): an updated alert is moved to the end. */
  private readonly states = new Map<string, AlertState>();
  private readonly notifications: NotificationRecord[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer`);
  }

  /** Records one webhook call; the latest notification about an alert wins. */
  record(payload: AlertmanagerWebhookPayload, receivedAt: Date): void {
    const receivedIso = receivedAt.toISOString();
    for (const alert of payload.alerts) {
      this.states.delete(alert.fingerprint);
      this.states.set(alert.fingerprint, toState(alert, payload.receiver, receivedIso));
    }
    while (this.states.size > this.capacity) this.evictOne();
    this.notifications.push(toRecord(payload, receivedIso));
    if (this.notifications.length > this.capacity) this.notifications.shift();
  }

  snapshot(): AlertsSnapshot {
    const alerts = [...this.states.values()].sort(byDisplayOrder);
    const firing = alerts.filter((alert) => alert.status === 'firing').length;
    return {
      counts: { firing, resolved: alerts.length - firing },
      alerts,
      notifications: [...this.notifications].reverse(),
    };
  }

  firingAlerts(): AlertState[] {
    return [...this.states.values()].filter((alert) => alert.status === 'firing');
  }

  private evictOne(): void {
    for (const [fingerprint, state] of this.states) {
      if (state.status === 'resolved') {
        this.states.delete(fingerprint);
        return;
      }
    }
    const oldest = this.states.keys().next();
    if (!oldest.done) this.states.delete(oldest.value);
  }
}

function toState(alert: WebhookAlert, receiver: string, receivedIso: string): AlertState {
  const startsAt = new Date(alert.startsAt).toISOString();
  const endsMs = Date.parse(alert.endsAt);
  const endsAt = endsMs === GO_ZERO_TIME_MS ? null : new Date(endsMs).toISOString();
  const since = alert.status === 'firing' ? startsAt : (endsAt ?? receivedIso);
  return {
    fingerprint: alert.fingerprint,
    status: alert.status,
    alertname: alert.labels.alertname,
    severity: alert.labels.severity,
    summary: alert.annotations.summary,
    description: alert.annotations.description,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt,
    endsAt,
    since,
    lastNotifiedAt: receivedIso,
    receiver,
    generatorURL: alert.generatorURL,
  };
}

function toRecord(payload: AlertmanagerWebhookPayload, receivedIso: string): NotificationRecord {
  return {
    receivedAt: receivedIso,
    receiver: payload.receiver,
    status: payload.status,
    groupKey: payload.groupKey,
    groupLabels: payload.groupLabels,
    externalURL: payload.externalURL,
    truncatedAlerts: payload.truncatedAlerts,
    alerts: payload.alerts.map(({ fingerprint, status, labels }) => ({
      fingerprint,
      status,
      alertname: labels.alertname,
    })),
  };
}

function byDisplayOrder(a: AlertState, b: AlertState): number {
  if (a.status !== b.status) return a.status === 'firing' ? -1 : 1;
  if (a.status === 'firing') {
    const rank = severityRank(a.severity) - severityRank(b.severity);
    if (rank !== 0) return rank;
  }
  // Newest first; ISO 8601 strings in UTC sort like the instants they name.
  return b.since.localeCompare(a.since) || a.alertname.localeCompare(b.alertname);
}

function severityRank(severity: string | undefined): number {
  return SEVERITY_RANK.get(severity ?? '') ?? SEVERITY_RANK.size;
}
