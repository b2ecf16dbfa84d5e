import { type AlertSpec, webhookPayload } from '../../test/fixtures/alertmanager-payloads.js';
import { AlertStore } from '../alerts/alert-store.js';
import { validateWebhookPayload } from '../alerts/alertmanager-webhook.validator.js';
import { renderAlertsPage } from './alerts-page.renderer.js';

const NOW = new Date('2026-01-15T10:30:00Z');

function pageFor(alerts: AlertSpec[], edit: (body: ReturnType<typeof webhookPayload>) => void = () => undefined) {
  const store = new AlertStore(10);
  if (alerts.length > 0) {
    const body = webhookPayload(alerts);
    edit(body);
    const result = validateWebhookPayload(body);
    if (!result.valid) throw new Error(`bad fixture: ${JSON.stringify(result.problems)}`);
    store.record(result.payload, NOW);
  }
  return renderAlertsPage(store.snapshot(), { refreshSeconds: 7, now: NOW });
}

describe('renderAlertsPage', () => {
  it('shows a firing alert with its severity, summary, description, labels and since', () => {
    const html = pageFor([
      {
        alertname: 'HighErrorRate',
        severity: 'critical',
        service: 'tasks-otel',
        summary: 'Too many errors',
        description: '5xx ratio above 5%',
        startsAt: '2026-01-15T10:00:00Z',
      },
    ]);
    expect(html).toContain('<h3 class="alert-name" data-field="alertname">HighErrorRate</h3>');
    expect(html).toContain('data-field="severity">critical</span>');
    expect(html).toContain('data-field="summary">Too many errors</p>');
    expect(html).toContain('data-field="description">5xx ratio above 5%</p>');
    expect(html).toContain('<li>service="tasks-otel"</li>');
    expect(html).toContain(
      'firing for 30 min · since <time datetime="2026-01-15T10:00:00.000Z" data-field="since">2026-01-15 10:00:00 UTC</time>',
    );
    expect(html).toContain('<meta http-equiv="refresh" content="7">');
    expect(html).toContain('<title>(1) Alerts firing · alert receiver</title>');
  });

  it('puts firing alerts before resolved ones', () => {
    const html = pageFor([
      { alertname: 'WasBroken', status: 'resolved' },
      { alertname: 'IsBroken', severity: 'warning' },
    ]);
    const firing = html.indexOf('data-section="firing"');
    const resolved = html.indexOf('data-section="resolved"');
    expect(html.indexOf('IsBroken')).toBeGreaterThan(firing);
    expect(html.indexOf('IsBroken')).toBeLessThan(resolved);
    expect(html.indexOf('data-alert-status="resolved"')).toBeGreaterThan(resolved);
  });

  it('escapes every value that comes from a payload', () => {
    const html = pageFor(
      [
        {
          alertname: '<img src=x onerror=alert(1)>',
          summary: '<script>alert("s")</script>',
          description: "it's & <b>",
          labels: { '"><x': '</li><script>' },
        },
      ],
      (body) => (body.alerts[0].fingerprint = '"><script>'),
    );
    expect(html).not.toMatch(/<script|<img|<b>|<x/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;');
    expect(html).toContain('it&#39;s &amp; &lt;b&gt;');
    expect(html).toContain('data-fingerprint="&quot;&gt;&lt;script&gt;"');
  });

  it('links only http(s) generator URLs', () => {
    const web = pageFor([{ alertname: 'A' }]);
    expect(web).toContain('<a href="http://prometheus:9090/graph?g0.expr=up&amp;g0.tab=1" rel="noreferrer">source</a>');
    const script = pageFor([{ alertname: 'A' }], (body) => (body.alerts[0].generatorURL = 'javascript:alert(1)'));
    expect(script).not.toContain('javascript:');
  });

  it("links the alert's runbook, when it is an http(s) URL", () => {
    const linked = pageFor([{ alertname: 'A' }], (body) => {
      body.alerts[0].annotations.runbook_url = 'http://127.0.0.1:8082/runbooks#a';
    });
    expect(linked).toContain(
      '<a href="http://127.0.0.1:8082/runbooks#a" rel="noreferrer" data-field="runbook">runbook</a>',
    );
    const script = pageFor([{ alertname: 'A' }], (body) => {
      body.alerts[0].annotations.runbook_url = 'javascript:alert(1)';
    });
    expect(script).not.toContain('javascript:');
    expect(pageFor([{ alertname: 'A' }])).not.toContain('data-field="runbook"');
  });

  it('loads no external asset and runs no script', () => {
    const html = pageFor([{ alertname: 'A', summary: 'x' }]);
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
  });

  it('says so when nothing has arrived yet', () => {
    const html = pageFor([]);
    expect(html).toContain('No alert is firing.');
    expect(html).toContain('No notification received yet.');
    expect(html).toContain('<title>No alert firing · alert receiver</title>');
  });
});
