import type { AlertStatus, LabelSet } from './alertmanager-webhook.payload.js';

/** What the receiver currently believes about one alert, from the last notification that mentioned it. */
export interface AlertState {
  readonly fingerprint: string;
  readonly status: AlertStatus;
  readonly alertname: string;
  /** The `severity` label, when the alert has one. */
  readonly severity?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly labels: LabelSet;
  readonly annotations: LabelSet;
  /** ISO 8601. */
  readonly startsAt: string;
  /** ISO 8601; null while firing (Alertmanager's zero time). */
  readonly endsAt: string | null;
  /** When the alert entered its current status: `startsAt` while firing, `endsAt` once resolved (ISO 8601). */
  readonly since: string;
  /** When the receiver last got a notification about it (ISO 8601). */
  readonly lastNotifiedAt: string;
  readonly receiver: string;
  readonly generatorURL: string;
}

/** One webhook call, kept short: the alerts' full details live in their `AlertState`. */
export interface NotificationRecord {
  readonly receivedAt: string;
  readonly receiver: string;
  readonly status: AlertStatus;
  readonly groupKey: string;
  readonly groupLabels: LabelSet;
  readonly externalURL: string;
  readonly truncatedAlerts: number;
  readonly alerts: ReadonlyArray<{ fingerprint: string; status: AlertStatus; alertname: string }>;
}

export interface AlertsSnapshot {
  readonly counts: { readonly firing: number; readonly resolved: number };
  /** Firing first (most severe, then newest), then resolved (most recently resolved first). */
  readonly alerts: readonly AlertState[];
  /** Newest first. */
  readonly notifications: readonly NotificationRecord[];
}
