/**
 * Names and label values of the receiver's own metrics. Every label value comes from a fixed list
 * here: nothing a sender writes in a payload can create a new series.
 */
export const RECEIVER_METRICS = {
  notifications: {
    name: 'alert_receiver_notifications_total',
    help: 'Webhook notifications accepted from Alertmanager, by the status of the notification (group).',
  },
  firing: {
    name: 'alert_receiver_alerts_firing',
    help: 'Alerts the receiver currently holds as firing, by severity (values outside the list count as "other").',
  },
  rejected: {
    name: 'alert_receiver_rejected_requests_total',
    help: 'Webhook requests answered 4xx, by reason.',
  },
} as const;

export const SEVERITY_LABEL_VALUES = ['critical', 'warning', 'info', 'other'] as const;
export type SeverityLabel = (typeof SEVERITY_LABEL_VALUES)[number];

/** Why a webhook request was refused, by the HTTP status it got. */
export const REJECTION_REASONS = {
  400: 'invalid_payload',
  401: 'unauthorized',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
} as const;
export type RejectionReason = (typeof REJECTION_REASONS)[keyof typeof REJECTION_REASONS];

/** Maps any severity label to a bounded value: the known ones stay, anything else (or none) is "other". */
export function severityLabel(severity: string | undefined): SeverityLabel {
  const known: readonly string[] = ['critical', 'warning', 'info'];
  return severity !== undefined && known.includes(severity) ? (severity as SeverityLabel) : 'other';
}
