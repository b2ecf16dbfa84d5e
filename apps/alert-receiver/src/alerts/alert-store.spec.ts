import { expect } from '@jest/globals';
import { type AlertSpec, webhookPayload } from '../../test/fixtures/alertmanager-payloads.js';
import type { AlertmanagerWebhookPayload } from './alertmanager-webhook.payload.js';
import { validateWebhookPayload } from './alertmanager-webhook.validator.js';
import { AlertStore } from './alert-store.js';

/** Payloads go through the real validator, as in the app: the store only ever sees validated ones. */
function payload(alerts: AlertSpec[]): AlertmanagerWebhookPayload {
  const result = validateWebhookPayload(webhookPayload(alerts));
  if (!result.valid) throw new Error(`bad fixture: ${JSON.stringify(result.problems)}`);
  return result.payload;
}

const at = (time: string) => new Date(`2026-01-15T${time}Z`);

describe('AlertStore', () => {
  it('keeps the current state of an alert by fingerprint: firing, then resolved', () => {
    const store = new AlertStore(10);
    store.record(
      payload([{ alertname: 'HighErrorRate', severity: 'critical', summary: 'Too many errors' }]),
      at('10:00:30'),
    );
    let [alert] = store.snapshot().alerts;
    expect(alert).toMatchObject({
      status: 'firing',
      alertname: 'HighErrorRate',
      severity: 'critical',
      summary: 'Too many errors',
      startsAt: '2026-01-15T10:00:00.123Z',
      endsAt: null,
      since: '2026-01-15T10:00:00.123Z',
      lastNotifiedAt: '2026-01-15T10:00:30.000Z',
    });

    store.record(
      payload([{ alertname: 'HighErrorRate', status: 'resolved', endsAt: '2026-01-15T10:05:00Z' }]),
      at('10:05:10'),
    );
    const snapshot = store.snapshot();
    expect(snapshot.alerts).toHaveLength(1);
    [alert] = snapshot.alerts;
    expect(alert).toMatchObject({
      status: 'resolved',
      endsAt: '2026-01-15T10:05:00.000Z',
      since: '2026-01-15T10:05:00.000Z',
      lastNotifiedAt: '2026-01-15T10:05:10.000Z',
    });
    expect(snapshot.counts).toEqual({ firing: 0, resolved: 1 });
    expect(store.firingAlerts()).toEqual([]);
  });

  it('uses the time of receipt as "since" when a resolved alert carries no end time', () => {
    const store = new AlertStore(10);
    store.record(payload([{ alertname: 'A', status: 'resolved', endsAt: '0001-01-01T00:00:00Z' }]), at('11:00:00'));
    expect(store.snapshot().alerts[0].since).toBe('2026-01-15T11:00:00.000Z');
  });

  it('lists firing alerts first, most severe then newest, then resolved ones, most recently resolved first', () => {
    const store = new AlertStore(10);
    store.record(
      payload([
        { alertname: 'OldResolved', status: 'resolved', endsAt: '2026-01-15T09:00:00Z' },
        { alertname: 'Info', severity: 'info', startsAt: '2026-01-15T10:03:00Z' },
        { alertname: 'OldWarning', severity: 'warning', startsAt: '2026-01-15T10:00:00Z' },
        { alertname: 'NewResolved', status: 'resolved', endsAt: '2026-01-15T09:30:00Z' },
        { alertname: 'NoSeverity', startsAt: '2026-01-15T10:04:00Z' },
        { alertname: 'NewWarning', severity: 'warning', startsAt: '2026-01-15T10:02:00Z' },
        { alertname: 'Critical', severity: 'critical', startsAt: '2026-01-15T10:01:00Z' },
      ]),
      at('10:05:00'),
    );
    expect(store.snapshot().alerts.map((alert) => alert.alertname)).toEqual([
      'Critical',
      'NewWarning',
      'OldWarning',
      'Info',
      'NoSeverity',
      'NewResolved',
      'OldResolved',
    ]);
  });

  it('keeps the last N notifications, newest first, in short form', () => {
    const store = new AlertStore(3);
    for (const minute of ['01', '02', '03', '04']) {
      store.record(payload([{ alertname: `A${minute}` }]), at(`10:${minute}:00`));
    }
    const { notifications } = store.snapshot();
    expect(notifications.map((notification) => notification.receivedAt)).toEqual([
      '2026-01-15T10:04:00.000Z',
      '2026-01-15T10:03:00.000Z',
      '2026-01-15T10:02:00.000Z',
    ]);
    expect(notifications[0]).toMatchObject({
      receiver: 'alert-receiver',
      status: 'firing',
      groupLabels: { alertname: 'A04' },
      alerts: [{ alertname: 'A04', status: 'firing', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }],
    });
  });

  it('forgets the least recently notified resolved alert first when full', () => {
    const store = new AlertStore(3);
    store.record(payload([{ alertname: 'ResolvedEarly', status: 'resolved' }]), at('10:00:00'));
    store.record(payload([{ alertname: 'Firing' }]), at('10:01:00'));
    store.record(payload([{ alertname: 'ResolvedLate', status: 'resolved' }]), at('10:02:00'));
    store.record(payload([{ alertname: 'New' }]), at('10:03:00'));
    expect(
      store
        .snapshot()
        .alerts.map((alert) => alert.alertname)
        .sort(),
    ).toEqual(['Firing', 'New', 'ResolvedLate']);
  });

  it('forgets the least recently notified firing alert only when all kept alerts fire', () => {
    const store = new AlertStore(2);
    store.record(payload([{ alertname: 'First' }]), at('10:00:00'));
    store.record(payload([{ alertname: 'Second' }]), at('10:01:00'));
    store.record(payload([{ alertname: 'First' }]), at('10:02:00')); // a repeat notification refreshes First
    store.record(payload([{ alertname: 'Third' }]), at('10:03:00'));
    expect(
      store
        .snapshot()
        .alerts.map((alert) => alert.alertname)
        .sort(),
    ).toEqual(['First', 'Third']);
  });

  it('stays within its capacity when one notification holds more alerts than it', () => {
    const store = new AlertStore(5);
    store.record(payload(Array.from({ length: 12 }, (_, index) => ({ alertname: `A${index}` }))), at('10:00:00'));
    expect(store.snapshot().alerts).toHaveLength(5);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new AlertStore(0)).toThrow(RangeError);
    expect(() => new AlertStore(1.5)).toThrow(RangeError);
  });
});
