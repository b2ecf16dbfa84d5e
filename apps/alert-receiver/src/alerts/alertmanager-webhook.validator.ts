import {
  ALERT_STATUSES,
  type AlertmanagerWebhookPayload,
  type AlertStatus,
  type LabelSet,
  type WebhookAlert,
} from './alertmanager-webhook.payload.js';

/** One thing wrong with a payload; `field` is a path such as `alerts[0].labels.alertname`. */
export interface PayloadProblem {
  readonly field: string;
  readonly message: string;
}

export type PayloadValidation =
  | { readonly valid: true; readonly payload: AlertmanagerWebhookPayload }
  | { readonly valid: false; readonly problems: readonly PayloadProblem[] };

/** Enough to fix a payload, without letting a huge bad one make a huge answer. */
const MAX_REPORTED_PROBLEMS = 20;
const MAX_FINGERPRINT_LENGTH = 128;
/** RFC 3339 as Alertmanager writes it (Go's time.RFC3339Nano): any fraction of a second, `Z` or an offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks that `body` is an Alertmanager webhook payload of version "4" and returns it typed, or every
 * problem found (up to a bound), each naming its field. Unknown extra fields are ignored so that a
 * newer Alertmanager adding one does not break the receiver; missing `truncatedAlerts` (Alertmanager
 * before 0.22) counts as 0.
 */
export function validateWebhookPayload(body: unknown): PayloadValidation {
  const check = new Checker();
  if (!isPlainObject(body)) {
    check.fail('body', 'must be a JSON object (an Alertmanager webhook payload)');
    return check.result(undefined);
  }
  if (body.version !== '4') check.fail('version', `must be "4", got ${describe(body.version)}`);
  const payload: AlertmanagerWebhookPayload = {
    version: '4',
    receiver: check.string(body, 'receiver', { nonEmpty: true }),
    status: check.status(body.status, 'status'),
    groupKey: check.string(body, 'groupKey'),
    externalURL: check.string(body, 'externalURL'),
    truncatedAlerts: check.truncatedAlerts(body.truncatedAlerts),
    groupLabels: check.labelSet(body.groupLabels, 'groupLabels'),
    commonLabels: check.labelSet(body.commonLabels, 'commonLabels'),
    commonAnnotations: check.labelSet(body.commonAnnotations, 'commonAnnotations'),
    alerts: check.alerts(body.alerts),
  };
  return check.result(payload);
}

/** Collects problems while walking the payload, so that one answer lists them all. */
class Checker {
  private readonly problems: PayloadProblem[] = [];

  fail(field: string, message: string): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push({ field, message });
  }

  result(payload: AlertmanagerWebhookPayload | undefined): PayloadValidation {
    if (this.problems.length > 0 || payload === undefined) return { valid: false, problems: this.problems };
    return { valid: true, payload };
  }

  string(owner: Record<string, unknown>, key: string, { nonEmpty = false, prefix = '' } = {}): string {
    const value = owner[key];
    const field = `${prefix}${key}`;
    if (typeof value !== 'string') {
      this.fail(field, `must be a string, got ${describe(value)}`);
      return '';
    }
    if (nonEmpty && value.trim() === '') this.fail(field, 'must not be empty');
    return value;
  }

  status(value: unknown, field: string): AlertStatus {
    if (typeof value === 'string' && (ALERT_STATUSES as readonly string[]).includes(value)) return value as AlertStatus;
    this.fail(field, `must be one of ${ALERT_STATUSES.join(', ')}, got ${describe(value)}`);
    return 'firing';
  }

  timestamp(owner: Record<string, unknown>, key: string, prefix: string): string {
    const value = this.string(owner, key, { prefix });
    if (typeof owner[key] === 'string' && (!RFC3339.test(value) || !Number.isFinite(Date.parse(value)))) {
      this.fail(`${prefix}${key}`, `must be an RFC 3339 timestamp, got ${describe(value)}`);
    }
    return value;
  }

  truncatedAlerts(value: unknown): number {
    if (value === undefined) return 0;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    this.fail('truncatedAlerts', `must be a non-negative integer, got ${describe(value)}`);
    return 0;
  }

  labelSet(value: unknown, field: string): LabelSet {
    if (!isPlainObject(value)) {
      this.fail(field, `must be an object of strings, got ${describe(value)}`);
      return {};
    }
    const entries: Array<[string, string]> = [];
    for (const [name, labelValue] of Object.entries(value)) {
      if (name === '') this.fail(field, 'must not have an empty name');
      else if (typeof labelValue !== 'string') {
        this.fail(`${field}.${name}`, `must be a string, got ${describe(labelValue)}`);
      } else entries.push([name, labelValue]);
    }
    // fromEntries defines own properties: a label named "__proto__" stays a label, not a prototype.
    return Object.fromEntries(entries);
  }

  alerts(value: unknown): WebhookAlert[] {
    if (!Array.isArray(value)) {
      this.fail('alerts', `must be an array, got ${describe(value)}`);
      return [];
    }
    if (value.length === 0) this.fail('alerts', 'must hold at least one alert');
    return value.map((alert: unknown, index) => this.alert(alert, `alerts[${index}]`));
  }

  private alert(value: unknown, field: string): WebhookAlert {
    if (!isPlainObject(value)) {
      this.fail(field, `must be an object, got ${describe(value)}`);
      return emptyAlert;
    }
    const prefix = `${field}.`;
    const labels = this.labelSet(value.labels, `${prefix}labels`);
    const alertname = labels.alertname ?? '';
    if (isPlainObject(value.labels) && alertname.trim() === '') {
      this.fail(`${prefix}labels.alertname`, 'is required (a non-empty string)');
    }
    const fingerprint = this.string(value, 'fingerprint', { nonEmpty: true, prefix });
    if (fingerprint.length > MAX_FINGERPRINT_LENGTH) {
      this.fail(`${prefix}fingerprint`, `must be at most ${MAX_FINGERPRINT_LENGTH} characters`);
    }
    return {
      status: this.status(value.status, `${prefix}status`),
      // Unchanged when valid; an empty name only in an alert whose payload is rejected.
      labels: { ...labels, alertname },
      annotations: this.labelSet(value.annotations, `${prefix}annotations`),
      startsAt: this.timestamp(value, 'startsAt', prefix),
      endsAt: this.timestamp(value, 'endsAt', prefix),
      generatorURL: this.string(value, 'generatorURL', { prefix }),
      fingerprint,
    };
  }
}

const emptyAlert: WebhookAlert = {
  status: 'firing',
  labels: { alertname: '' },
  annotations: {},
  startsAt: '',
  endsAt: '',
  generatorURL: '',
  fingerprint: '',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of a bad value for an error message (never the whole value). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
