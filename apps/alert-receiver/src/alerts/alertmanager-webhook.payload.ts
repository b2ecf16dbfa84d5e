/**
 * The body of Alertmanager's webhook notification, version "4"
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 * Only what the validator has checked reaches the rest of the app, typed as below.
 */
export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Label (or annotation) names and values, as sent: any given name may be missing. */
export type LabelSet = Readonly<Partial<Record<string, string>>>;

export interface WebhookAlert {
  readonly status: AlertStatus;
  /** Always holds a non-empty `alertname`. */
  readonly labels: LabelSet & { readonly alertname: string };
  readonly annotations: LabelSet;
  /** RFC 3339, as sent. */
  readonly startsAt: string;
  /** RFC 3339; Alertmanager sends the zero time `0001-01-01T00:00:00Z` while an alert fires. */
  readonly endsAt: string;
  /** May be empty (alerts posted by hand or by amtool have none). */
  readonly generatorURL: string;
  /** Alertmanager's stable identity of the alert (a hash of its labels). */
  readonly fingerprint: string;
}

export interface AlertmanagerWebhookPayload {
  readonly version: '4';
  readonly groupKey: string;
  /** How many alerts Alertmanager left out because of the receiver's `max_alerts`. */
  readonly truncatedAlerts: number;
  readonly status: AlertStatus;
  readonly receiver: string;
  readonly groupLabels: LabelSet;
  readonly commonLabels: LabelSet;
  readonly commonAnnotations: LabelSet;
  readonly externalURL: string;
  readonly alerts: readonly WebhookAlert[];
}
