import type { AlertsSnapshot, AlertState, NotificationRecord } from '../alerts/alert-state.js';
import { severityLabel } from '../metrics/receiver-metric-names.js';
import { ALERTS_PAGE_STYLES } from './alerts-page.styles.js';
import { escapeHtml, isWebUrl } from '@app/html';
import { RUNBOOKS_PAGE } from '@app/metrics';
import { formatAge, formatInstant } from './time-format.js';

export interface AlertsPageOptions {
  readonly refreshSeconds: number;
  readonly now: Date;
  /** How many of the recent notifications the page lists (the JSON has them all). */
  readonly notificationsShown?: number;
}

/** Labels already shown elsewhere on an alert's card. */
const LABELS_SHOWN_APART = new Set(['alertname', 'severity']);

/**
 * The whole page, server-rendered: firing alerts as cards, then resolved ones and the latest
 * notifications as tables. Every value from a payload goes through `escapeHtml`. The `data-*`
 * attributes are the page's contract with the browser tests (`libs/testing/src/receiver-page.ts`).
 */
export function renderAlertsPage(snapshot: AlertsSnapshot, options: AlertsPageOptions): string {
  const firing = snapshot.alerts.filter((alert) => alert.status === 'firing');
  const resolved = snapshot.alerts.filter((alert) => alert.status === 'resolved');
  const notifications = snapshot.notifications.slice(0, options.notificationsShown ?? 20);
  const title = firing.length > 0 ? `(${firing.length}) Alerts firing` : 'No alert firing';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${options.refreshSeconds}">
<title>${escapeHtml(title)} · alert receiver</title>
<style>${ALERTS_PAGE_STYLES}</style>
</head>
<body>
<main>
<header>
  <h1>Alertmanager notifications</h1>
  <span class="meta">Updated ${escapeHtml(formatInstant(options.now.toISOString()))} · refreshes every ${options.refreshSeconds} s</span>
</header>
<div class="summary-counts">
  <span class="count firing${firing.length === 0 ? ' none' : ''}" data-count="firing">${firing.length} firing</span>
  <span class="count" data-count="resolved">${resolved.length} resolved</span>
</div>
<section data-section="firing">
  <h2>Firing</h2>
  ${firing.length === 0 ? '<p class="empty">No alert is firing.</p>' : firing.map((alert) => firingCard(alert, options.now)).join('\n')}
</section>
<section data-section="resolved">
  <h2>Resolved</h2>
  ${resolved.length === 0 ? '<p class="empty">No resolved alert yet.</p>' : resolvedTable(resolved, options.now)}
</section>
<section data-section="notifications">
  <h2>Latest notifications</h2>
  ${notifications.length === 0 ? '<p class="empty">No notification received yet.</p>' : notificationsTable(notifications)}
</section>
<footer class="muted"><a href="${RUNBOOKS_PAGE.path}">Runbooks</a> · Raw data: <a href="/alerts">/alerts</a> (JSON) · <a href="/metrics">/metrics</a> · <a href="/health">/health</a></footer>
</main>
</body>
</html>
`;
}

function firingCard(alert: AlertState, now: Date): string {
  const severity = severityLabel(alert.severity);
  const source = isWebUrl(alert.generatorURL)
    ? ` · <a href="${escapeHtml(alert.generatorURL)}" rel="noreferrer">source</a>`
    : '';
  const runbook = alert.annotations.runbook_url ?? '';
  const runbookLink = isWebUrl(runbook)
    ? ` · <a href="${escapeHtml(runbook)}" rel="noreferrer" data-field="runbook">runbook</a>`
    : '';
  return `<article class="alert severity-${severity}" data-alert-status="firing" data-fingerprint="${escapeHtml(alert.fingerprint)}">
    <div class="alert-head">
      <span class="badge severity-${severity}" data-field="severity">${escapeHtml(alert.severity ?? 'none')}</span>
      <h3 class="alert-name" data-field="alertname">${escapeHtml(alert.alertname)}</h3>
      <span class="since">firing for ${escapeHtml(formatAge(alert.since, now))} · since <time datetime="${escapeHtml(alert.since)}" data-field="since">${escapeHtml(formatInstant(alert.since))}</time>${source}${runbookLink}</span>
    </div>
    ${alert.summary ? `<p class="alert-summary" data-field="summary">${escapeHtml(alert.summary)}</p>` : ''}
    ${alert.description ? `<p class="alert-description" data-field="description">${escapeHtml(alert.description)}</p>` : ''}
    ${labelList(alert)}
  </article>`;
}

function labelList(alert: AlertState): string {
  const items = Object.entries(alert.labels)
    .filter(([name]) => !LABELS_SHOWN_APART.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `<li>${escapeHtml(name)}="${escapeHtml(value ?? '')}"</li>`);
  return items.length === 0 ? '' : `<ul class="labels" data-field="labels">${items.join('')}</ul>`;
}

function resolvedTable(alerts: readonly AlertState[], now: Date): string {
  const rows = alerts.map(
    (alert) => `<tr class="resolved" data-alert-status="resolved" data-fingerprint="${escapeHtml(alert.fingerprint)}">
      <td data-field="alertname">${escapeHtml(alert.alertname)}</td>
      <td data-field="severity">${escapeHtml(alert.severity ?? 'none')}</td>
      <td data-field="summary">${escapeHtml(alert.summary ?? '')}</td>
      <td><time datetime="${escapeHtml(alert.since)}" data-field="since">${escapeHtml(formatInstant(alert.since))}</time><br><span class="muted">${escapeHtml(formatAge(alert.since, now))} ago</span></td>
      <td>${labelList(alert)}</td>
    </tr>`,
  );
  return `<table>
    <thead><tr><th>Alert</th><th>Severity</th><th>Summary</th><th>Resolved at</th><th>Labels</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table>`;
}

function notificationsTable(notifications: readonly NotificationRecord[]): string {
  const rows = notifications.map((notification) => {
    const names = [...new Set(notification.alerts.map((alert) => alert.alertname))].join(', ');
    return `<tr>
      <td><time datetime="${escapeHtml(notification.receivedAt)}">${escapeHtml(formatInstant(notification.receivedAt))}</time></td>
      <td class="status-${notification.status}">${notification.status}</td>
      <td>${escapeHtml(notification.receiver)}</td>
      <td>${notification.alerts.length}${notification.truncatedAlerts > 0 ? ` (+${notification.truncatedAlerts} truncated)` : ''}</td>
      <td>${escapeHtml(names)}</td>
    </tr>`;
  });
  return `<table>
    <thead><tr><th>Received</th><th>Status</th><th>Receiver</th><th>Alerts</th><th>Alert names</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table>`;
}
