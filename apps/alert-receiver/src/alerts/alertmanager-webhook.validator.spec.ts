import { CAPTURED_FIRING, CAPTURED_RESOLVED, webhookPayload } from '../../test/fixtures/alertmanager-payloads.js';
import { type PayloadProblem, validateWebhookPayload } from './alertmanager-webhook.validator.js';

type EditablePayload = Record<string, unknown> & { alerts: Array<Record<string, unknown>> };

/** A deep copy of the captured firing payload, with `edit` applied: each case breaks one thing. */
function captured(edit: (payload: EditablePayload) => void): EditablePayload {
  const copy = JSON.parse(JSON.stringify(CAPTURED_FIRING)) as EditablePayload;
  edit(copy);
  return copy;
}

function problemsOf(body: unknown): readonly PayloadProblem[] {
  const result = validateWebhookPayload(body);
  if (result.valid) throw new Error('expected the payload to be rejected');
  return result.problems;
}

describe('validateWebhookPayload', () => {
  it.each([
    ['firing', CAPTURED_FIRING],
    ['resolved', CAPTURED_RESOLVED],
  ])('accepts the %s payload captured from Alertmanager 0.25', (status, body) => {
    const result = validateWebhookPayload(JSON.parse(JSON.stringify(body)));
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.payload.status).toBe(status);
    expect(result.payload.alerts[0]).toMatchObject({
      status,
      fingerprint: '446ccc542f2c9093',
      labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'tasks-otel' },
    });
  });

  it('accepts several alerts, an empty generatorURL, offsets in timestamps and unknown extra fields', () => {
    const body = webhookPayload([
      { alertname: 'A', severity: 'warning', startsAt: '2026-01-15T12:00:00+02:00' },
      { alertname: 'B', status: 'resolved' },
    ]) as Record<string, unknown> & { alerts: Array<Record<string, unknown>> };
    body.alerts[0].generatorURL = '';
    body.someFutureField = { anything: true };
    const result = validateWebhookPayload(body);
    expect(result.valid).toBe(true);
    if (result.valid) expect(result.payload.alerts.map((alert) => alert.labels.alertname)).toEqual(['A', 'B']);
  });

  it('counts a missing truncatedAlerts (Alertmanager before 0.22) as 0', () => {
    const result = validateWebhookPayload(captured((payload) => delete payload.truncatedAlerts));
    expect(result.valid && result.payload.truncatedAlerts).toBe(0);
  });

  it.each([
    ['a JSON array', [], 'body'],
    ['a string', 'firing', 'body'],
    ['null', null, 'body'],
    ['nothing', undefined, 'body'],
  ])('rejects %s as the body', (_what, body, field) => {
    expect(problemsOf(body)[0].field).toBe(field);
  });

  it.each<[string, (payload: Record<string, unknown> & { alerts: Array<Record<string, unknown>> }) => void, string]>([
    ['an older version', (p) => (p.version = '3'), 'version'],
    ['a numeric version', (p) => (p.version = 4), 'version'],
    ['an unknown status', (p) => (p.status = 'pending'), 'status'],
    ['a missing receiver', (p) => delete p.receiver, 'receiver'],
    ['an empty receiver', (p) => (p.receiver = ' '), 'receiver'],
    ['a non-string groupKey', (p) => (p.groupKey = 1), 'groupKey'],
    ['a missing externalURL', (p) => delete p.externalURL, 'externalURL'],
    ['a negative truncatedAlerts', (p) => (p.truncatedAlerts = -1), 'truncatedAlerts'],
    ['a fractional truncatedAlerts', (p) => (p.truncatedAlerts = 1.5), 'truncatedAlerts'],
    ['groupLabels as an array', (p) => (p.groupLabels = ['alertname']), 'groupLabels'],
    ['a numeric common label', (p) => (p.commonLabels = { code: 500 }), 'commonLabels.code'],
    ['a missing commonAnnotations', (p) => delete p.commonAnnotations, 'commonAnnotations'],
    ['alerts as an object', (p) => (p.alerts = {} as never), 'alerts'],
    ['no alert at all', (p) => (p.alerts = []), 'alerts'],
    ['an alert that is not an object', (p) => (p.alerts = ['x'] as never), 'alerts[0]'],
    [
      'an alert without alertname',
      (p) => (p.alerts[0].labels = { severity: 'critical' }),
      'alerts[0].labels.alertname',
    ],
    ['an alert with an empty alertname', (p) => (p.alerts[0].labels = { alertname: '' }), 'alerts[0].labels.alertname'],
    ['an alert without labels', (p) => delete p.alerts[0].labels, 'alerts[0].labels'],
    ['a null label value', (p) => (p.alerts[0].labels = { alertname: 'X', env: null }), 'alerts[0].labels.env'],
    ['an unknown alert status', (p) => (p.alerts[0].status = 'silenced'), 'alerts[0].status'],
    ['a numeric annotation', (p) => (p.alerts[0].annotations = { summary: 3 }), 'alerts[0].annotations.summary'],
    ['a date without time', (p) => (p.alerts[0].startsAt = '2026-01-15'), 'alerts[0].startsAt'],
    ['an impossible date', (p) => (p.alerts[0].startsAt = '2026-13-45T99:00:00Z'), 'alerts[0].startsAt'],
    ['an epoch number as endsAt', (p) => (p.alerts[0].endsAt = 1700000000), 'alerts[0].endsAt'],
    ['a missing generatorURL', (p) => delete p.alerts[0].generatorURL, 'alerts[0].generatorURL'],
    ['a missing fingerprint', (p) => delete p.alerts[0].fingerprint, 'alerts[0].fingerprint'],
    ['an empty fingerprint', (p) => (p.alerts[0].fingerprint = ''), 'alerts[0].fingerprint'],
    ['a huge fingerprint', (p) => (p.alerts[0].fingerprint = 'f'.repeat(129)), 'alerts[0].fingerprint'],
  ])('rejects %s, naming the field', (_what, edit, field) => {
    const problems = problemsOf(captured(edit));
    expect(problems.map((problem) => problem.field)).toEqual([field]);
  });

  it('names the index of the bad alert among good ones', () => {
    const body = webhookPayload([{ alertname: 'A' }, { alertname: 'B' }, { alertname: 'C' }]);
    (body.alerts[2] as Record<string, unknown>).status = 'unknown';
    expect(problemsOf(body)).toEqual([
      { field: 'alerts[2].status', message: 'must be one of firing, resolved, got "unknown"' },
    ]);
  });

  it('lists every problem, up to a bound, so one answer is enough to fix a payload', () => {
    const body = webhookPayload(Array.from({ length: 40 }, (_, index) => ({ alertname: `A${index}` })));
    for (const alert of body.alerts) (alert as Record<string, unknown>).status = 'bad';
    expect(problemsOf(body)).toHaveLength(20);
  });

  it('keeps a label named __proto__ as a label instead of a prototype', () => {
    const body = captured((p) => {
      p.alerts[0].labels = JSON.parse('{"alertname":"X","__proto__":"polluted"}');
    });
    const result = validateWebhookPayload(body);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    const labels = result.payload.alerts[0].labels;
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.entries(labels)).toContainEqual(['__proto__', 'polluted']);
  });

  it('describes a bad value briefly instead of echoing it whole', () => {
    const [problem] = problemsOf(captured((p) => (p.status = 'x'.repeat(10_000))));
    expect(problem.message.length).toBeLessThan(120);
  });
});
